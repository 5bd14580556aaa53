using System.Net;
using System.Text;

namespace SkillBridge.Core.Search;

/// <summary>
/// Highlights for <see cref="DatabaseSearch"/>, which has no FTS5 highlight() to ask: HTML-escaped text with
/// &lt;mark&gt; around each whole word that holds one of the searched words (the same contract as the SQLite path).
/// </summary>
internal static class TextMarks
{
    /// <summary>Characters of context kept before the first match in an excerpt, and the excerpt's length in all.</summary>
    private const int Before = 60;

    private const int Length = 200;

    public static bool HasMark(string html) => html.Contains("<mark>", StringComparison.Ordinal);

    /// <summary>The text HTML-escaped, with &lt;mark&gt; around every word that contains one of <paramref name="words"/>.</summary>
    public static string Marked(string text, IReadOnlyList<string> words)
    {
        var ranges = new List<(int Start, int End)>();
        foreach (var word in words)
        {
            for (var i = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.OrdinalIgnoreCase))
            {
                // The database matched inside words ("spread" in "spreadsheet"): the whole word is marked, as FTS5 marks a prefix's word.
                var (start, end) = (i, i + word.Length);
                while (start > 0 && char.IsLetterOrDigit(text[start - 1]))
                {
                    start--;
                }

                while (end < text.Length && char.IsLetterOrDigit(text[end]))
                {
                    end++;
                }

                ranges.Add((start, end));
            }
        }

        var builder = new StringBuilder(text.Length + 16);
        var done = 0;
        foreach (var (start, end) in ranges.OrderBy(r => r.Start))
        {
            if (end <= done)
            {
                continue;
            }

            var from = Math.Max(start, done);
            builder.Append(WebUtility.HtmlEncode(text[done..from])).Append("<mark>").Append(WebUtility.HtmlEncode(text[from..end])).Append("</mark>");
            done = end;
        }

        return builder.Append(WebUtility.HtmlEncode(text[done..])).ToString();
    }

    /// <summary>A short marked excerpt of <paramref name="text"/> around the first searched word in it, or null when none is there.</summary>
    public static string? Excerpt(string text, IReadOnlyList<string> words)
    {
        var first = words.Select(w => text.IndexOf(w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (first < 0)
        {
            // The word was in the tags, the category, an author's name or the Markdown around the text (a link's address).
            return null;
        }

        var start = Math.Max(0, first - Before);
        var end = Math.Min(text.Length, start + Length);
        // Whole words only at both ends.
        if (start > 0 && text.IndexOf(' ', start) is var space and >= 0 && space < first)
        {
            start = space + 1;
        }

        if (end < text.Length && text.LastIndexOf(' ', end - 1) is var last && last > first)
        {
            end = last;
        }

        return (start > 0 ? "…" : "") + Marked(text[start..end], words) + (end < text.Length ? "…" : "");
    }
}
