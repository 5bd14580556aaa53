using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SkillBridge.Core.Search;

/// <summary>
/// One pass over every module the words match: applies the filters (category, level, duration, author) from doc
/// values, hands the modules that pass to the top-results collector, counts them exactly, and counts each facet over
/// the modules that pass every other filter (so choosing a category still shows how many there are in the others).
/// Counts go into arrays by segment ordinal and become names once per segment; single-valued facets (category, level,
/// duration) read one ordinal per module.
/// </summary>
internal sealed class SearchCollector(ICollector top, string?[] filters, bool countFacets) : ICollector
{
    private const int Facets = 4;

    /// <summary>No filter on this facet.</summary>
    private const long NoFilter = -1;

    /// <summary>A filter on a value no module of this segment has.</summary>
    private const long Unmatched = -2;

    private readonly Dictionary<string, int>[] _counts = [.. SearchFields.Facets.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];
    private readonly SortedSetDocValues?[] _values = new SortedSetDocValues?[Facets];
    private readonly SortedDocValues?[] _single = new SortedDocValues?[Facets];
    private readonly long[] _filterOrds = new long[Facets];
    private readonly int[][] _segmentCounts = new int[Facets][];
    private readonly long[][] _docOrds = [.. SearchFields.Facets.Select(_ => new long[4])];
    private readonly int[] _docOrdCount = new int[Facets];
    private readonly bool[] _read = new bool[Facets];

    /// <summary>Modules that match and pass every filter.</summary>
    public int Total { get; private set; }

    public IReadOnlyDictionary<string, int> Counts(int facet) => _counts[facet];

    public bool AcceptsDocsOutOfOrder => top.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => top.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        top.SetNextReader(context);
        for (var f = 0; f < Facets; f++)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(SearchFields.Facets[f]);
            _values[f] = values;
            _single[f] = values is null ? null : DocValues.UnwrapSingleton(values);
            _filterOrds[f] = filters[f] is not { } value ? NoFilter : values is null ? Unmatched : values.LookupTerm(new BytesRef(value)) is var ord and >= 0 ? ord : Unmatched;
            _segmentCounts[f] = countFacets && values is not null ? new int[values.ValueCount] : [];
            // A facet is read for a module when its counts are wanted or a filter tests it.
            _read[f] = values is not null && (countFacets || _filterOrds[f] >= 0);
        }
    }

    public void Collect(int doc)
    {
        var failures = 0;
        var failed = -1;
        for (var f = 0; f < Facets; f++)
        {
            var count = 0;
            if (_read[f])
            {
                count = Read(f, doc);
            }

            _docOrdCount[f] = count;
            var filter = _filterOrds[f];
            if (filter != NoFilter && (filter == Unmatched || Array.IndexOf(_docOrds[f], filter, 0, count) < 0))
            {
                failures++;
                failed = f;
            }
        }

        if (failures == 0)
        {
            Total++;
            top.Collect(doc);
        }

        if (!countFacets || failures > 1)
        {
            return;
        }

        // Passing every filter, the module counts in every facet; failing one, it counts only in that one.
        for (var f = 0; f < Facets; f++)
        {
            if (failures == 0 || f == failed)
            {
                var ords = _docOrds[f];
                var counts = _segmentCounts[f];
                for (var i = 0; i < _docOrdCount[f]; i++)
                {
                    counts[ords[i]]++;
                }
            }
        }
    }

    /// <summary>Reads the module's ordinals of facet <paramref name="f"/> into its buffer; returns how many.</summary>
    private int Read(int f, int doc)
    {
        if (_single[f] is { } single)
        {
            var ord = single.GetOrd(doc);
            if (ord < 0)
            {
                return 0;
            }

            _docOrds[f][0] = ord;
            return 1;
        }

        var values = _values[f]!;
        values.SetDocument(doc);
        var count = 0;
        for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
        {
            if (count == _docOrds[f].Length)
            {
                Array.Resize(ref _docOrds[f], count * 2);
            }

            _docOrds[f][count++] = ord;
        }

        return count;
    }

    /// <summary>Adds the finished segment's counts by value (ordinals are per segment).</summary>
    public void Flush()
    {
        var term = new BytesRef();
        for (var f = 0; f < Facets; f++)
        {
            if (_values[f] is not { } values || _segmentCounts[f] is not { Length: > 0 } counts)
            {
                continue;
            }

            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    values.LookupOrd(ord, term);
                    var key = term.Utf8ToString();
                    _counts[f][key] = _counts[f].GetValueOrDefault(key) + counts[ord];
                }
            }

            _segmentCounts[f] = [];
        }
    }
}
