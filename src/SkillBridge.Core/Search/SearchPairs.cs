using System.Globalization;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;

namespace SkillBridge.Core.Search;

/// <summary>
/// Neighbouring body words indexed together as one term (<see cref="SearchFields.BodyPairs"/>), for the phrases that
/// are slowest to match by position: two words that are each in most modules and many times in each. Matching such a
/// phrase by position reads both words' positions in nearly every module (50-70 ms at 100,000 modules); its pair term
/// is one list of the modules holding the phrase, read like a single word.
/// <para>
/// A pair is indexed when the positions its phrase would read, estimated from a sample of bodies when the index is
/// built (<see cref="Choose"/>), exceed <see cref="SearchOptions.PhrasePositionsLimit"/>. The choice is part of the
/// index (its commit), so every module in it is indexed with the same pairs and queries use the pair term only for
/// those; a rebuild chooses again.
/// </para>
/// </summary>
public sealed class SearchPairs
{
    /// <summary>At most this many words take part in pairs: the ones with the most occurrences per module.</summary>
    private const int MostWords = 200;

    /// <summary>Bodies read to estimate how common each word is.</summary>
    public const int SampleSize = 1000;

    private readonly string[] _words;
    private readonly float[] _share;
    private readonly float[] _perModule;
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly double _limit;

    private SearchPairs(string[] words, float[] share, float[] perModule, int modules, long positionsLimit)
    {
        _words = words;
        _share = share;
        _perModule = perModule;
        Modules = modules;
        PositionsLimit = positionsLimit;
        _limit = modules == 0 ? double.MaxValue : (double)positionsLimit / modules;
        _index = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            _index[words[i]] = i;
        }

        _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>No pairs: a small catalogue, where every phrase is quick to match by position.</summary>
    public static SearchPairs None { get; } = new([], [], [], 0, 0);

    /// <summary>No pairs for an index of <paramref name="modules"/> modules, chosen with <paramref name="positionsLimit"/>.</summary>
    private static SearchPairs NoneFor(int modules, long positionsLimit) => new([], [], [], modules, positionsLimit);

    public bool IsEmpty => _words.Length == 0;

    /// <summary>Published modules when the pairs were chosen.</summary>
    public int Modules { get; }

    public long PositionsLimit { get; }

    /// <summary>Whether the phrase of the stems <paramref name="first"/> then <paramref name="second"/> is indexed as a pair.</summary>
    /// <summary>
    /// Whether an index of <paramref name="modules"/> modules should choose its pairs again (by a rebuild): the limit
    /// has changed, or the catalogue has at least doubled, to <see cref="SearchOptions.PairsRebuildFrom"/> modules or more.
    /// </summary>
    public bool ChooseAgain(int modules, SearchOptions options) =>
        PositionsLimit != options.PhrasePositionsLimit || (modules >= options.PairsRebuildFrom && modules >= 2L * Modules);

    public bool Indexed(string first, string second) =>
        _index.TryGetValue(first, out var a) && _index.TryGetValue(second, out var b) && Indexed(a, b);

    /// <summary>The pair term of two stems.</summary>
    public static string Term(string first, string second) => first + " " + second;

    /// <summary>
    /// The positions a phrase of the two words reads per module in the index: each module holding both reads both
    /// words' positions there.
    /// </summary>
    private bool Indexed(int a, int b) => (_share[b] * _perModule[a]) + (_share[a] * _perModule[b]) >= _limit;

    /// <summary>
    /// The pairs for an index of <paramref name="modules"/> modules, from the stems of <paramref name="bodies"/> (plain
    /// text of a sample of them): none when no phrase could read more than <paramref name="positionsLimit"/> positions.
    /// </summary>
    public static SearchPairs Choose(Analyzer analyzer, IReadOnlyCollection<string> bodies, int modules, long positionsLimit)
    {
        if (bodies.Count == 0)
        {
            return NoneFor(modules, positionsLimit);
        }

        var counts = new Dictionary<string, (int Modules, int Occurrences)>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var body in bodies)
        {
            seen.Clear();
            foreach (var stem in SearchAnalysis.Stems(analyzer, body))
            {
                var (inModules, occurrences) = counts.GetValueOrDefault(stem);
                counts[stem] = (inModules + (seen.Add(stem) ? 1 : 0), occurrences + 1);
            }
        }

        var candidates = counts
            .Select(c => (Word: c.Key, Share: (float)c.Value.Modules / bodies.Count, PerModule: (float)c.Value.Occurrences / bodies.Count))
            .OrderByDescending(c => c.PerModule).ThenBy(c => c.Word, StringComparer.Ordinal)
            .Take(MostWords)
            .ToList();
        var all = new SearchPairs([.. candidates.Select(c => c.Word)], [.. candidates.Select(c => c.Share)], [.. candidates.Select(c => c.PerModule)], modules, positionsLimit);

        // Keep only the words that are in at least one indexed pair.
        var kept = Enumerable.Range(0, candidates.Count).Where(a => Enumerable.Range(0, candidates.Count).Any(b => all.Indexed(a, b))).ToList();
        return kept.Count == 0
            ? NoneFor(modules, positionsLimit)
            : new SearchPairs([.. kept.Select(i => candidates[i].Word)], [.. kept.Select(i => candidates[i].Share)], [.. kept.Select(i => candidates[i].PerModule)], modules, positionsLimit);
    }

    /// <summary>The choice as the index commit stores it: modules and limit, then each word with its share of modules and occurrences per module.</summary>
    public string ToCommitText()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Modules} {PositionsLimit}");
        for (var i = 0; i < _words.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{_words[i]} {_share[i]:R} {_perModule[i]:R}");
        }

        return text.ToString();
    }

    /// <summary>The choice <see cref="ToCommitText"/> wrote; null when <paramref name="text"/> is not one.</summary>
    public static SearchPairs? FromCommitText(string text)
    {
        var lines = text.Split('\n');
        var head = lines[0].Split(' ');
        if (head.Length != 2 || !int.TryParse(head[0], CultureInfo.InvariantCulture, out var modules) || !long.TryParse(head[1], CultureInfo.InvariantCulture, out var limit))
        {
            return null;
        }

        var words = new List<string>();
        var share = new List<float>();
        var perModule = new List<float>();
        foreach (var line in lines.Skip(1))
        {
            var parts = line.Split(' ');
            if (parts.Length != 3 || !float.TryParse(parts[1], CultureInfo.InvariantCulture, out var s) || !float.TryParse(parts[2], CultureInfo.InvariantCulture, out var p))
            {
                return null;
            }

            words.Add(parts[0]);
            share.Add(s);
            perModule.Add(p);
        }

        return new SearchPairs([.. words], [.. share], [.. perModule], modules, limit);
    }

    /// <summary>
    /// The body field of a document that also has pairs: analysed as any body, while it notes the position of each stem
    /// that takes part in pairs, for <see cref="PairsField"/> to read.
    /// </summary>
    internal sealed class BodyField(string text, FieldType type, Recording recording) : Field(SearchFields.Body, text, type)
    {
        public override TokenStream GetTokenStream(Analyzer analyzer) => new RecordingFilter(base.GetTokenStream(analyzer), recording);
    }

    /// <summary>
    /// The pair terms of one body. Lucene inverts a document's fields in name order, so the body ("body") has been
    /// analysed, and its stems noted, before this field ("body_pairs"); if not, the body is analysed again here.
    /// </summary>
    internal sealed class PairsField(string body, FieldType type, Recording recording) : Field(SearchFields.BodyPairs, body, type)
    {
        public override TokenStream GetTokenStream(Analyzer analyzer)
        {
            if (!recording.Complete)
            {
                recording.Record(analyzer, GetStringValue(CultureInfo.InvariantCulture));
            }

            return new PairStream(recording);
        }
    }

    /// <summary>The stems of one body that take part in pairs, with their positions.</summary>
    internal sealed class Recording(SearchPairs pairs)
    {
        public SearchPairs Pairs { get; } = pairs;

        public List<(int Position, int Word)> Stems { get; } = [];

        public bool Complete { get; set; }

        /// <summary>The stem at <paramref name="position"/> (the last term the body's analysis gives there).</summary>
        public void Note(int position, ReadOnlySpan<char> stem)
        {
            if (Pairs._lookup.TryGetValue(stem, out var word))
            {
                Stems.Add((position, word));
            }
        }

        public void Record(Analyzer analyzer, string body)
        {
            Stems.Clear();
            using var stream = analyzer.GetTokenStream(SearchFields.StemsOnly, body);
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken())
            {
                position += increment.PositionIncrement;
                Note(position, term.Buffer.AsSpan(0, term.Length));
            }

            stream.End();
            Complete = true;
        }
    }

    /// <summary>Passes the body's terms on unchanged and notes each position's stem (the last term at the position).</summary>
    private sealed class RecordingFilter : TokenFilter
    {
        private readonly Recording _recording;
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _increment;
        private char[] _stem = new char[32];
        private int _stemLength = -1;
        private int _position = -1;

        public RecordingFilter(TokenStream input, Recording recording)
            : base(input)
        {
            _recording = recording;
            _term = AddAttribute<ICharTermAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                NoteStem();
                _recording.Complete = true;
                return false;
            }

            if (_increment.PositionIncrement > 0)
            {
                NoteStem();
                _position += _increment.PositionIncrement;
            }

            if (_stem.Length < _term.Length)
            {
                _stem = new char[_term.Length];
            }

            Array.Copy(_term.Buffer, _stem, _term.Length);
            _stemLength = _term.Length;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _recording.Stems.Clear();
            _recording.Complete = false;
            _stemLength = -1;
            _position = -1;
        }

        private void NoteStem()
        {
            if (_stemLength >= 0)
            {
                _recording.Note(_position, _stem.AsSpan(0, _stemLength));
                _stemLength = -1;
            }
        }
    }

    /// <summary>One term per neighbouring pair of noted stems that is an indexed pair.</summary>
    private sealed class PairStream : TokenStream
    {
        private readonly Recording _recording;
        private readonly ICharTermAttribute _term;
        private int _next;

        public PairStream(Recording recording)
        {
            _recording = recording;
            _term = AddAttribute<ICharTermAttribute>();
        }

        public override bool IncrementToken()
        {
            ClearAttributes();
            var stems = _recording.Stems;
            var pairs = _recording.Pairs;
            while (_next + 1 < stems.Count)
            {
                var (position, first) = stems[_next];
                var (nextPosition, second) = stems[_next + 1];
                _next++;
                if (nextPosition == position + 1 && pairs.Indexed(first, second))
                {
                    _term.SetEmpty().Append(pairs._words[first]).Append(' ').Append(pairs._words[second]);
                    return true;
                }
            }

            return false;
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
        }
    }
}
