using System.Collections.Frozen;
using System.Text;
using SkillBridge.Core.Catalogue;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Search;

/// <summary>
/// What a learner typed, parsed: words, "exact phrases", -excluded words and filters (category:tools, level:beginner,
/// author:priya.shah, duration:quick). Words are letters and digits only (and an apostrophe inside a word), so the Lucene
/// query built from them is always valid whatever was typed: user text never reaches a query parser as syntax.
/// </summary>
public sealed record SearchQuery(
    IReadOnlyList<string> Terms,
    IReadOnlyList<IReadOnlyList<string>> Phrases,
    IReadOnlyList<string> Excluded,
    string? Category,
    ModuleLevel? Level,
    DurationRange? Duration,
    string? Author,
    bool LastTermIsPrefix)
{
    /// <summary>Longer input is cut: no one types more, and it bounds the work a query can ask for.</summary>
    public const int MaxInputLength = 500;

    public const int MaxWords = 12;

    public const int MaxWordLength = 40;

    public static readonly SearchQuery Empty = new([], [], [], null, null, null, null, false);

    public bool HasText => Terms.Count > 0 || Phrases.Count > 0;

    public static SearchQuery Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return Empty;
        }

        var text = input.Length > MaxInputLength ? input[..MaxInputLength] : input;
        var terms = new List<string>();
        var phrases = new List<IReadOnlyList<string>>();
        var excluded = new List<string>();
        string? category = null, author = null;
        ModuleLevel? level = null;
        DurationRange? duration = null;
        var words = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var negated = text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
            if (negated)
            {
                i++;
            }

            string chunk;
            var quoted = text[i] == '"';
            if (quoted)
            {
                var end = text.IndexOf('"', i + 1);
                chunk = end < 0 ? text[(i + 1)..] : text[(i + 1)..end];
                i = end < 0 ? text.Length : end + 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
                {
                    i++;
                }

                chunk = text[start..i];
            }

            if (!quoted && !negated && TryFilter(chunk, ref category, ref level, ref duration, ref author))
            {
                continue;
            }

            var tokens = Tokens(chunk).Take(MaxWords - words).ToList();
            words += tokens.Count;
            if (tokens.Count == 0)
            {
                continue;
            }

            if (negated)
            {
                if (quoted || tokens.Count > 1)
                {
                    excluded.Add(string.Join(' ', tokens));
                }
                else
                {
                    excluded.Add(tokens[0]);
                }
            }
            else if (quoted && tokens.Count > 1)
            {
                phrases.Add(tokens);
            }
            else
            {
                terms.AddRange(tokens);
            }
        }

        // The last word is a prefix ("spread" finds "spreadsheet") unless the query ends with a space or a phrase.
        var lastIsPrefix = terms.Count > 0 && !char.IsWhiteSpace(text[^1]) && text[^1] != '"'
            && string.Equals(Tokens(text).LastOrDefault(), terms[^1], StringComparison.Ordinal);
        return new SearchQuery(terms, phrases, excluded, category, level, duration, author, lastIsPrefix);
    }

    /// <summary>The query with some words replaced (typo correction), keeping everything else.</summary>
    public SearchQuery WithTerms(IReadOnlyList<string> terms) => this with { Terms = terms };

    /// <summary>
    /// Words put in by a spelling correction, not typed: they count for less than the words typed
    /// (<see cref="SearchQueryPlanner"/>), so a guess such as "chat" for "chart" does not outrank "excel" typed beside it.
    /// </summary>
    public IReadOnlySet<string> Guessed { get; init; } = FrozenSet<string>.Empty;

    /// <summary>How the query reads back to a person, filters included, e.g. microsoft teams category:tools.</summary>
    public string Describe()
    {
        var parts = new List<string>(Terms);
        parts.AddRange(Phrases.Select(p => $"\"{string.Join(' ', p)}\""));
        parts.AddRange(Excluded.Select(e => e.Contains(' ', StringComparison.Ordinal) ? $"-\"{e}\"" : "-" + e));
        return string.Join(' ', parts);
    }

    /// <summary>
    /// Letters and digits, folded to lower case without accents; everything else separates words, except an apostrophe
    /// inside a word. As the index reads text: "don't" is one word (a stop word, not "don" and a stray "t" to correct),
    /// and a possessive "'s" is dropped ("excel's" is "excel").
    /// </summary>
    public static IEnumerable<string> Tokens(string text)
    {
        var current = new StringBuilder();
        var apostrophe = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                if (apostrophe && current.Length < MaxWordLength)
                {
                    current.Append('\'');
                }

                apostrophe = false;
                if (current.Length < MaxWordLength)
                {
                    current.Append(rune.ToString());
                }
            }
            else if (current.Length > 0 && !apostrophe && (rune.Value == '\'' || rune.Value == '\u2019'))
            {
                apostrophe = true;
            }
            else if (current.Length > 0)
            {
                apostrophe = false;
                if (Word(current) is { } word)
                {
                    yield return word;
                }
            }
        }

        if (Word(current) is { } last)
        {
            yield return last;
        }

        static string? Word(StringBuilder current)
        {
            var written = current.ToString();
            current.Clear();
            if (written.EndsWith("'s", StringComparison.Ordinal) || written.EndsWith("'S", StringComparison.Ordinal))
            {
                written = written[..^2];
            }

            var folded = SearchText.Fold(written);
            return folded.Length > 0 ? folded : null;
        }
    }

    private static bool TryFilter(string chunk, ref string? category, ref ModuleLevel? level, ref DurationRange? duration, ref string? author)
    {
        var colon = chunk.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == chunk.Length - 1)
        {
            return false;
        }

        var key = chunk[..colon].ToLowerInvariant();
        var value = chunk[(colon + 1)..].Trim().ToLowerInvariant();
        switch (key)
        {
            case "category" when value.Length <= 60:
                category = value;
                return true;
            case "author" when value.Length <= 100:
                author = value;
                return true;
            case "level" when Enum.TryParse<ModuleLevel>(value, ignoreCase: true, out var parsedLevel) && !int.TryParse(value, out _):
                level = parsedLevel;
                return true;
            case "duration" when Enum.TryParse<DurationRange>(value, ignoreCase: true, out var parsedDuration) && !int.TryParse(value, out _):
                duration = parsedDuration;
                return true;
            default:
                return false;
        }
    }
}
