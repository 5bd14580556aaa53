using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace SkillBridge.Core.Search;

/// <summary>
/// How text becomes index terms. Every field folds case and accents. The text fields (<see cref="SearchFields.Stemmed"/>)
/// hold each word's English (Porter) stem and, at the same position, the word as written where it differs from its stem
/// ("sharing" gives "share" and "sharing"; "share" gives "share" once), so one field answers both a stem and an exact
/// word. Irregular and American forms are stemmed as one (<see cref="SearchWordForms"/>: "forgot" as "forget",
/// "organize" as "organise"). The words and authors fields keep the words as written, and <see cref="SearchFields.Prefix"/> holds the leading letters of
/// each title and tag word (edge n-grams), so a prefix is one term, however short. Stop words are indexed like any word
/// (phrases and joined forms need them); queries leave them out (<see cref="SearchQueryPlanner"/>).
/// </summary>
public static class SearchAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The longest prefix kept in <see cref="SearchFields.Prefix"/>; a longer typed prefix matches whole words only.</summary>
    public const int LongestPrefix = 20;

    /// <summary>The analyzer of every field, by name.</summary>
    public static Analyzer Create() => new PerFieldAnalyzerWrapper(new StemmedAnalyzer(keepWritten: true), new Dictionary<string, Analyzer>(StringComparer.Ordinal)
    {
        [SearchFields.StemsOnly] = new StemmedAnalyzer(keepWritten: false),
        [SearchFields.Words] = new ExactAnalyzer(),
        [SearchFields.Authors] = new ExactAnalyzer(),
        [SearchFields.Prefix] = new PrefixAnalyzer(),
    });

    /// <summary>The word's stems as the stemmed fields index it (one for a word of letters; CJK text may give several).</summary>
    public static List<string> Stems(Analyzer analyzer, string text) => Terms(analyzer, SearchFields.StemsOnly, text);

    /// <summary>The terms <paramref name="analyzer"/> makes of <paramref name="text"/> for <paramref name="field"/>.</summary>
    public static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    /// <summary>Standard tokenizer, possessives dropped, lower case, accents folded: the words as written.</summary>
    private sealed class ExactAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new EnglishPossessiveFilter(Version, source);
            stream = new LowerCaseFilter(Version, stream);
            stream = new ASCIIFoldingFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    }

    /// <summary>Stems; with <paramref name="keepWritten"/>, also the word as written (first, same position) where it differs.</summary>
    private sealed class StemmedAnalyzer(bool keepWritten) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new EnglishPossessiveFilter(Version, source);
            stream = new LowerCaseFilter(Version, stream);
            stream = new ASCIIFoldingFilter(stream);
            if (!keepWritten)
            {
                return new TokenStreamComponents(source, new PorterStemFilter(new SearchWordForms.Filter(stream)));
            }

            stream = new WrittenThenStemFilter(stream);
            stream = new SearchWordForms.Filter(stream);
            stream = new PorterStemFilter(stream);
            stream = new UnchangedStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    }

    /// <summary>
    /// Each word twice at one position: first marked as a keyword (the stemmer leaves it as written), then unmarked (the
    /// stemmer stems it). KeywordRepeatFilter does the same by capturing and restoring every attribute of every word;
    /// here the second copy is the first with the mark taken off, since no filter before the stemmer changes a keyword.
    /// </summary>
    private sealed class WrittenThenStemFilter : TokenFilter
    {
        private readonly IKeywordAttribute _keyword;
        private readonly IPositionIncrementAttribute _position;
        private bool _again;

        public WrittenThenStemFilter(TokenStream input)
            : base(input)
        {
            _keyword = AddAttribute<IKeywordAttribute>();
            _position = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            if (_again)
            {
                _again = false;
                _keyword.IsKeyword = false;
                _position.PositionIncrement = 0;
                return true;
            }

            if (!m_input.IncrementToken())
            {
                return false;
            }

            _keyword.IsKeyword = true;
            _again = true;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _again = false;
        }
    }

    /// <summary>Drops the stemmed copy of a word whose stem is the word itself ("share" is indexed once, "sharing" twice).</summary>
    private sealed class UnchangedStemFilter : TokenFilter
    {
        private readonly ICharTermAttribute _term;
        private readonly IKeywordAttribute _keyword;
        private char[] _written = new char[32];
        private int _writtenLength;

        public UnchangedStemFilter(TokenStream input)
            : base(input)
        {
            _term = AddAttribute<ICharTermAttribute>();
            _keyword = AddAttribute<IKeywordAttribute>();
        }

        public override bool IncrementToken()
        {
            while (m_input.IncrementToken())
            {
                if (_keyword.IsKeyword)
                {
                    if (_written.Length < _term.Length)
                    {
                        _written = new char[_term.Length];
                    }

                    Array.Copy(_term.Buffer, _written, _term.Length);
                    _writtenLength = _term.Length;
                    return true;
                }

                if (!_term.Buffer.AsSpan(0, _term.Length).SequenceEqual(_written.AsSpan(0, _writtenLength)))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private sealed class PrefixAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new LowerCaseFilter(Version, source);
            stream = new ASCIIFoldingFilter(stream);
            stream = new EdgeNGramTokenFilter(Version, stream, 1, LongestPrefix);
            return new TokenStreamComponents(source, stream);
        }
    }
}

/// <summary>The index's field names, in one place.</summary>
public static class SearchFields
{
    public const string Id = "id";

    /// <summary>The module id as a number per document (doc values), to read the page's ids without stored fields.</summary>
    public const string ModuleId = "module_id";
    public const string Title = "title";
    public const string Tags = "tags";
    public const string Summary = "summary";
    public const string Body = "body";

    /// <summary>Neighbouring body stems that a phrase reads slowly by position, as one term each (<see cref="SearchPairs"/>).</summary>
    public const string BodyPairs = "body_pairs";
    public const string Authors = "authors";

    /// <summary>
    /// The words of the title, tags, summary and authors as written (modules only, no frequencies): with the text fields'
    /// written forms, the catalogue's vocabulary for corrections and joined/split forms.
    /// </summary>
    public const string Words = "words";

    /// <summary>Not an index field: the name under which the analyzer gives stems only, for queries and highlighting.</summary>
    public const string StemsOnly = "stems_only";

    /// <summary>The module's level as a word ("beginner"), stemmed, so a query's "beginners" prefers or finds that level.</summary>
    public const string LevelWords = "level_words";

    public const string Prefix = "prefix";
    public const string Category = "category";
    public const string Level = "level";
    public const string Duration = "duration";
    public const string Author = "author";
    public const string TitleSort = "title_sort";

    /// <summary>The stemmed text fields and their weights.</summary>
    public static readonly (string Field, float Weight)[] Stemmed =
    [
        (Title, 4f),
        (Tags, 3f),
        (Summary, 2f),
        (Body, 1f),
    ];

    /// <summary>Facet and filter fields (doc values), in the order of <see cref="SearchFilters"/>.</summary>
    public static readonly string[] Facets = [Category, Level, Duration, Author];
}
