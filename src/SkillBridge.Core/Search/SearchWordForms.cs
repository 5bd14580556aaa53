using System.Collections.Frozen;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SkillBridge.Core.Search;

/// <summary>
/// Forms of one word that the Porter stemmer leaves apart, brought together before it stems: irregular verbs ("forgot",
/// "forgotten": "forget"; "wrote": "write") and American spellings of the British ones the starter modules use
/// ("summarize", "analyze", "color", "favorite", "center": "summarise", "analyse", "colour", "favourite", "centre"). Index
/// and queries go through the same analysis, so either form finds the other, and neither is shown as a typo to correct.
/// </summary>
public static class SearchWordForms
{
    /// <summary>The form <paramref name="word"/> (lower case, folded) is stemmed as, or null when that is the word itself.</summary>
    public static string? Canonical(ReadOnlySpan<char> word)
    {
        if (IrregularLookup.TryGetValue(word, out var form) || AmericanLookup.TryGetValue(word, out form))
        {
            return form;
        }

        return WithBritishEnding(word);
    }

    /// <summary>
    /// "-ize" and "-yze" words in their "-ise" and "-yse" spelling ("organizing": "organising"; "analyzed": "analysed").
    /// Not a word where "ize" is part of a shorter root ("size", "prize", "seize", "resize"), which British English spells
    /// the same.
    /// </summary>
    private static string? WithBritishEnding(ReadOnlySpan<char> word)
    {
        foreach (var ending in IzeEndings)
        {
            if (!word.EndsWith(ending, StringComparison.Ordinal))
            {
                continue;
            }

            var root = word[..^ending.Length];
            // "size" and words built on it, but "emphasize" and its like are -ise in British English.
            if (root.Length < 3 || (ending[0] == 'i' && root[^1] == 's' && !StartsWithAny(root, SizeLike)))
            {
                return null;
            }

            return string.Concat(root, ending.AsSpan(0, 1), "s", ending.AsSpan(2));
        }

        return null;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> word, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (word.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] IzeEndings =
    [
        "izations", "ization", "izers", "izer", "izing", "ized", "izes", "ize",
        "yzers", "yzer", "yzing", "yzed", "yzes", "yze",
    ];

    /// <summary>Roots ending in "s" whose "-size" is an "-ise" word, not the word "size".</summary>
    private static readonly string[] SizeLike = ["emphas", "synthes", "hypothes", "fantas", "parenthes", "metastas"];

    private static readonly FrozenDictionary<string, string> Irregular = Forms(
        ("forget", "forgot forgotten"), ("write", "wrote written"), ("rewrite", "rewrote rewritten"),
        ("overwrite", "overwrote overwritten"), ("send", "sent"), ("take", "took taken"), ("mistake", "mistook mistaken"),
        ("make", "made"), ("give", "gave given"), ("get", "got gotten"), ("see", "saw seen"), ("know", "knew known"),
        ("find", "found"), ("think", "thought"), ("tell", "told"), ("speak", "spoke spoken"), ("break", "broke broken"),
        ("choose", "chose chosen"), ("begin", "began begun"), ("draw", "drew drawn"), ("drive", "drove driven"),
        ("fall", "fell fallen"), ("feel", "felt"), ("keep", "kept"), ("lose", "lost"), ("mean", "meant"), ("meet", "met"),
        ("pay", "paid"), ("run", "ran"), ("say", "said"), ("sell", "sold"), ("show", "shown"), ("sit", "sat"),
        ("stand", "stood"), ("understand", "understood"), ("go", "went gone"), ("win", "won"), ("wear", "wore worn"),
        ("hide", "hid hidden"), ("lead", "led"), ("build", "built"), ("buy", "bought"), ("bring", "brought"),
        ("catch", "caught"), ("teach", "taught"), ("fight", "fought"), ("spend", "spent"), ("lend", "lent"),
        ("hold", "held"), ("freeze", "froze frozen"), ("shake", "shook shaken"), ("wake", "woke woken"),
        ("fly", "flew flown"), ("grow", "grew grown"), ("throw", "threw thrown"), ("blow", "blew blown"),
        ("undo", "undid undone"), ("ring", "rang rung"), ("become", "became"), ("deal", "dealt"), ("feed", "fed"),
        ("hear", "heard"), ("prove", "proven"), ("sleep", "slept"), ("steal", "stole stolen"), ("tear", "tore torn"),
        ("withdraw", "withdrew withdrawn"), ("override", "overrode overridden"), ("forgive", "forgave forgiven"),
        ("eat", "ate eaten"), ("ride", "rode ridden"), ("rise", "risen"), ("sing", "sang sung"));

    private static readonly FrozenDictionary<string, string> American = Forms(
        ("colour", "color colors colored coloring"), ("colours", "colors"), ("coloured", "colored"), ("colouring", "coloring"),
        ("favourite", "favorite"), ("favourites", "favorites"), ("favour", "favor"), ("favours", "favors"),
        ("favoured", "favored"), ("behaviour", "behavior"), ("behaviours", "behaviors"), ("honour", "honor"),
        ("labour", "labor"), ("neighbour", "neighbor"), ("neighbours", "neighbors"), ("humour", "humor"),
        ("centre", "center"), ("centres", "centers"), ("centred", "centered"), ("theatre", "theater"), ("fibre", "fiber"),
        ("catalogue", "catalog"), ("catalogues", "catalogs"), ("grey", "gray"), ("licence", "license"),
        ("enrol", "enroll"), ("enrolment", "enrollment"), ("fulfil", "fulfill"), ("programme", "program"),
        ("defence", "defense"), ("offence", "offense"), ("travelling", "traveling"), ("travelled", "traveled"),
        ("cancelling", "canceling"), ("cancelled", "canceled"), ("labelled", "labeled"), ("labelling", "labeling"),
        ("modelling", "modeling"), ("signalling", "signaling"), ("totalled", "totaled"), ("jewellery", "jewelry"));

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> IrregularLookup = Irregular.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> AmericanLookup = American.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>(form, its other forms separated by spaces) pairs as a lookup from each other form to the form.</summary>
    private static FrozenDictionary<string, string> Forms(params (string Form, string Others)[] forms)
    {
        var lookup = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (form, others) in forms)
        {
            foreach (var other in others.Split(' '))
            {
                lookup[other] = form;
            }
        }

        return lookup.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Puts each word the stemmer will stem (not one kept as written) in its <see cref="Canonical"/> form.</summary>
    internal sealed class Filter : TokenFilter
    {
        private readonly ICharTermAttribute _term;
        private readonly IKeywordAttribute _keyword;

        public Filter(TokenStream input)
            : base(input)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _keyword = AddAttribute<IKeywordAttribute>();
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            if (!_keyword.IsKeyword && _term.Length >= 3 && Canonical(_term.Buffer.AsSpan(0, _term.Length)) is { } canonical)
            {
                _term.SetEmpty().Append(canonical);
            }

            return true;
        }
    }
}
