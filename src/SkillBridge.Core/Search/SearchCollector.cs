using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SkillBridge.Core.Search;

/// <summary>
/// One pass over every module the words match: applies the filters (category, level, duration, author) from doc
/// values, hands the modules that pass to the top-results collector, counts them exactly, and counts each facet over
/// the modules that pass every other filter (so choosing a category still shows how many there are in the others).
/// Counts go into arrays by segment ordinal and become names once per segment; each module's ordinals come from plain
/// arrays kept per segment (<see cref="SearchFacetOrdinals"/>), not from decoding doc values for every match.
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
    private readonly long[] _filterOrds = new long[Facets];
    private readonly int[][] _segmentCounts = new int[Facets][];
    private readonly bool _unfiltered = filters.All(f => f is null);
    private SearchFacetOrdinals? _ordinals;

    /// <summary>Without filters, the segment's matches, counted by facet once the segment is done (in module order).</summary>
    private FixedBitSet? _matched;

    /// <summary>Modules that match and pass every filter.</summary>
    public int Total { get; private set; }

    public IReadOnlyDictionary<string, int> Counts(int facet) => _counts[facet];

    public bool AcceptsDocsOutOfOrder => top.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => top.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        top.SetNextReader(context);
        _ordinals = SearchFacetOrdinals.Of(context.AtomicReader);
        for (var f = 0; f < Facets; f++)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(SearchFields.Facets[f]);
            _values[f] = values;
            _filterOrds[f] = filters[f] is not { } value ? NoFilter : values is null ? Unmatched : values.LookupTerm(new BytesRef(value)) is var ord and >= 0 ? ord : Unmatched;
            _segmentCounts[f] = countFacets && values is not null ? new int[values.ValueCount] : [];
        }

        _matched = _unfiltered && countFacets ? new FixedBitSet(context.AtomicReader.MaxDoc) : null;
    }

    public void Collect(int doc)
    {
        var ordinals = _ordinals!;
        if (_unfiltered)
        {
            Total++;
            top.Collect(doc);
            _matched?.Set(doc);
            return;
        }

        var failures = 0;
        var failed = -1;
        for (var f = 0; f < Facets; f++)
        {
            var filter = _filterOrds[f];
            if (filter != NoFilter && (filter == Unmatched || !ordinals.Holds(f, doc, (int)filter)))
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
                ordinals.Count(f, doc, _segmentCounts[f]);
            }
        }
    }

    /// <summary>Adds the finished segment's counts by value (ordinals are per segment).</summary>
    public void Flush()
    {
        if (_matched is { } matched && _ordinals is { } ordinals)
        {
            ordinals.CountAll(matched, _segmentCounts);
            _matched = null;
        }

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
