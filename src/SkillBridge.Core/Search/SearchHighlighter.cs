using System.Net;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SkillBridge.Core.Search;

/// <summary>
/// Marks matched words in stored text with the same analysis as the index: a word is marked when it is a searched
/// word as written, shares a searched word's stem, or starts with the searched prefix. Output is HTML-escaped text
/// whose only markup is &lt;mark&gt;.
/// </summary>
internal static class SearchHighlighter
{
    /// <summary>Characters of context kept before the first match in a snippet, and the snippet's length in all.</summary>
    private const int Before = 60;

    private const int Length = 200;

    public static string Marked(Analyzer analyzer, string text, SearchMarks marks) => Html(text, Ranges(analyzer, text, marks, int.MaxValue), 0, text.Length);

    /// <summary>A short marked excerpt around the first match, or null when the text holds none.</summary>
    public static string? Excerpt(Analyzer analyzer, string text, SearchMarks marks)
    {
        var first = Ranges(analyzer, text, marks, 1);
        if (first.Count == 0)
        {
            return null;
        }

        var at = first[0].Start;
        var start = Math.Max(0, at - Before);
        var end = Math.Min(text.Length, start + Length);
        if (start > 0 && text.IndexOf(' ', start) is var space and >= 0 && space < at)
        {
            start = space + 1;
        }

        if (end < text.Length && text.LastIndexOf(' ', end - 1) is var last && last > at)
        {
            end = last;
        }

        var ranges = Ranges(analyzer, text[start..end], marks, int.MaxValue);
        return (start > 0 ? "…" : "") + Html(text[start..end], ranges, 0, end - start) + (end < text.Length ? "…" : "");
    }

    private static List<(int Start, int End)> Ranges(Analyzer analyzer, string text, SearchMarks marks, int limit)
    {
        var ranges = new List<(int, int)>();
        if (marks.Words.Count == 0 && marks.Prefix is null)
        {
            return ranges;
        }

        var stems = marks.Stems.GetAlternateLookup<ReadOnlySpan<char>>();
        var words = marks.Words.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> folded = stackalloc char[64];
        using var stream = analyzer.GetTokenStream(SearchFields.StemsOnly, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (ranges.Count < limit && stream.IncrementToken())
        {
            var (start, end) = (offset.StartOffset, offset.EndOffset);
            if (start < 0 || end > text.Length || start >= end)
            {
                continue;
            }

            if (stems.Contains(term.Buffer.AsSpan(0, term.Length)) || IsWordOrPrefix(text.AsSpan(start, end - start), words, marks.Prefix, folded))
            {
                ranges.Add((start, end));
            }
        }

        stream.End();
        return ranges;
    }

    /// <summary>
    /// Whether a word as written, folded (<see cref="SearchText.Fold(string)"/>), is a searched word or starts with the
    /// searched prefix. Every word of a text is asked, so a short plain-ASCII word is folded without allocating.
    /// </summary>
    private static bool IsWordOrPrefix(ReadOnlySpan<char> written, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> words, string? prefix, Span<char> buffer)
    {
        ReadOnlySpan<char> word;
        if (written.Length <= buffer.Length && System.Text.Ascii.IsValid(written))
        {
            System.Text.Ascii.ToLower(written, buffer, out var length);
            word = buffer[..length];
        }
        else
        {
            word = SearchText.Fold(written.ToString());
        }

        return words.Contains(word) || (prefix is not null && word.StartsWith(prefix, StringComparison.Ordinal));
    }

    private static string Html(string text, List<(int Start, int End)> ranges, int from, int to)
    {
        var builder = new StringBuilder(to - from + 16);
        var done = from;
        foreach (var (start, end) in ranges)
        {
            if (start < done)
            {
                continue;
            }

            builder.Append(WebUtility.HtmlEncode(text[done..start])).Append("<mark>").Append(WebUtility.HtmlEncode(text[start..end])).Append("</mark>");
            done = end;
        }

        return builder.Append(WebUtility.HtmlEncode(text[done..to])).ToString();
    }
}
