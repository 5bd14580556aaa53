using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SkillBridge.Core.Search;

/// <summary>Turns a module body (Markdown with quiz blocks) into the plain text that is indexed and shown in snippets.</summary>
public static partial class SearchText
{
    public static string PlainBody(string markdown)
    {
        var builder = new StringBuilder(markdown.Length);
        foreach (var rawLine in markdown.AsSpan().EnumerateLines())
        {
            var line = rawLine.Trim().ToString();
            if (line.StartsWith("```", StringComparison.Ordinal) || QuizKey().IsMatch(line))
            {
                continue;
            }

            line = QuizText().Replace(line, "");
            line = Image().Replace(line, "$1");
            line = Link().Replace(line, "$1");
            line = line.TrimStart('#', '>', '-', '*', '+', ' ');
            line = Emphasis().Replace(line, "");
            if (line.Length > 0)
            {
                builder.Append(line).Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>Lower case without accents, as the index's tokenizer folds them (remove_diacritics 2).</summary>
    public static string Fold(string text)
    {
        // Plain ASCII has no accents to remove (most words highlighting folds, one at a time).
        if (System.Text.Ascii.IsValid(text))
        {
            return text.ToLowerInvariant();
        }

        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex(@"^(options:|correct:\s*(true|false))\s*$")]
    private static partial Regex QuizKey();

    [GeneratedRegex(@"^(question:|-\s*text:|explanation:)\s*")]
    private static partial Regex QuizText();

    [GeneratedRegex(@"!\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"[*_`]+")]
    private static partial Regex Emphasis();
}
