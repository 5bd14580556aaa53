using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SkillBridge.Core.Search;

/// <summary>
/// One pass over every module the words match: applies the filters (category, level, duration, author) from doc
/// values, hands the modules that pass to the top-results collector, counts them exactly, and counts each facet over
/// the modules that pass every other filter (so choosing a category still shows how many there are in the others).
/// </summary>
internal sealed class SearchCollector(ICollector top, string?[] filters, bool countFacets) : ICollector
{
    private readonly Dictionary<string, int>[] _counts = [.. SearchFields.Facets.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];
    private readonly SortedSetDocValues?[] _values = new SortedSetDocValues?[SearchFields.Facets.Length];
    private readonly long[] _filterOrds = new long[SearchFields.Facets.Length];
    private readonly int[][] _segmentCounts = new int[SearchFields.Facets.Length][];
    private readonly List<long>[] _docOrds = [.. SearchFields.Facets.Select(_ => new List<long>(4))];
    private readonly bool[] _passes = new bool[SearchFields.Facets.Length];

    /// <summary>Modules that match and pass every filter.</summary>
    public int Total { get; private set; }

    public IReadOnlyDictionary<string, int> Counts(int facet) => _counts[facet];

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => top.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        top.SetNextReader(context);
        for (var f = 0; f < SearchFields.Facets.Length; f++)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(SearchFields.Facets[f]);
            _values[f] = values;
            // -1: no filter on this facet; -2: a filter no module of this segment has.
            _filterOrds[f] = filters[f] is not { } value ? -1 : values is null ? -2 : values.LookupTerm(new BytesRef(value)) is var ord and >= 0 ? ord : -2;
            _segmentCounts[f] = countFacets && values is not null ? new int[values.ValueCount] : [];
        }
    }

    public void Collect(int doc)
    {
        var failures = 0;
        for (var f = 0; f < _values.Length; f++)
        {
            var ords = _docOrds[f];
            ords.Clear();
            if (_values[f] is { } values && (countFacets || _filterOrds[f] >= 0))
            {
                values.SetDocument(doc);
                for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
                {
                    ords.Add(ord);
                }
            }

            _passes[f] = _filterOrds[f] == -1 || (_filterOrds[f] >= 0 && ords.Contains(_filterOrds[f]));
            if (!_passes[f])
            {
                failures++;
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

        for (var f = 0; f < _values.Length; f++)
        {
            if (failures == 0 || !_passes[f])
            {
                foreach (var ord in _docOrds[f])
                {
                    _segmentCounts[f][ord]++;
                }
            }
        }
    }

    /// <summary>Adds the finished segment's counts by value (ordinals are per segment).</summary>
    public void Flush()
    {
        var term = new BytesRef();
        for (var f = 0; f < _values.Length; f++)
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
