using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace SkillBridge.Core.Search;

/// <summary>
/// One segment's facet ordinals (category, level, duration, authors) as plain arrays, read from its doc values once and
/// kept while the segment lives: counting a facet is then an array read per module instead of decoding packed doc values.
/// Its size follows the segment's (four to five integers per module); it goes when the segment's readers are gone.
/// </summary>
internal sealed class SearchFacetOrdinals
{
    private static readonly ConditionalWeakTable<object, SearchFacetOrdinals> BySegment = [];

    private SearchFacetOrdinals(AtomicReader reader)
    {
        var facets = SearchFields.Facets.Length;
        Single = new int[facets][];
        Starts = new int[facets][];
        Ordinals = new int[facets][];
        for (var f = 0; f < facets; f++)
        {
            var values = reader.GetSortedSetDocValues(SearchFields.Facets[f]);
            if (values is null)
            {
                continue;
            }

            if (DocValues.UnwrapSingleton(values) is { } single)
            {
                var ords = new int[reader.MaxDoc];
                for (var doc = 0; doc < ords.Length; doc++)
                {
                    ords[doc] = single.GetOrd(doc);
                }

                Single[f] = ords;
                continue;
            }

            var starts = new int[reader.MaxDoc + 1];
            var ordinals = new List<int>(reader.MaxDoc);
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                starts[doc] = ordinals.Count;
                values.SetDocument(doc);
                for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
                {
                    ordinals.Add((int)ord);
                }
            }

            starts[reader.MaxDoc] = ordinals.Count;
            Starts[f] = starts;
            Ordinals[f] = [.. ordinals];
        }
    }

    /// <summary>Per facet that holds at most one value per module (category, level, duration): each module's ordinal, or -1.</summary>
    public int[]?[] Single { get; }

    /// <summary>Per facet of several values per module (authors): where each module's ordinals begin in <see cref="Ordinals"/>; one more entry than modules.</summary>
    public int[]?[] Starts { get; }

    /// <summary>Per facet of several values per module, every module's ordinals in module order.</summary>
    public int[]?[] Ordinals { get; }

    /// <summary>Adds one to <paramref name="counts"/> at each of the module's ordinals of facet <paramref name="facet"/>.</summary>
    public void Count(int facet, int doc, int[] counts)
    {
        if (Single[facet] is { } single)
        {
            if (single[doc] is var ord and >= 0)
            {
                counts[ord]++;
            }
        }
        else if (Starts[facet] is { } starts)
        {
            var ordinals = Ordinals[facet]!;
            for (var i = starts[doc]; i < starts[doc + 1]; i++)
            {
                counts[ordinals[i]]++;
            }
        }
    }

    /// <summary>
    /// Adds every module in <paramref name="docs"/> to <paramref name="counts"/> (per facet, by ordinal), all facets in one
    /// pass over the set's words: a bit set of tens of thousands of matches is read once, not once per facet.
    /// </summary>
    public void CountAll(FixedBitSet docs, int[][] counts)
    {
        var words = docs.GetBits();
        var wordCount = FixedBitSet.Bits2words(docs.Length);
        var facets = Single.Length;
        for (var w = 0; w < wordCount; w++)
        {
            var bits = (ulong)words[w];
            while (bits != 0)
            {
                var doc = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                for (var f = 0; f < facets; f++)
                {
                    if (counts[f].Length == 0)
                    {
                        continue;
                    }

                    if (Single[f] is { } single)
                    {
                        if (single[doc] is var ord and >= 0)
                        {
                            counts[f][ord]++;
                        }
                    }
                    else if (Starts[f] is { } starts)
                    {
                        var ordinals = Ordinals[f]!;
                        for (var i = starts[doc]; i < starts[doc + 1]; i++)
                        {
                            counts[f][ordinals[i]]++;
                        }
                    }
                }
            }
        }
    }

    /// <summary>Whether the module holds <paramref name="ordinal"/> in facet <paramref name="facet"/>.</summary>
    public bool Holds(int facet, int doc, int ordinal)
    {
        if (Single[facet] is { } single)
        {
            return single[doc] == ordinal;
        }

        if (Starts[facet] is { } starts)
        {
            var ordinals = Ordinals[facet]!;
            for (var i = starts[doc]; i < starts[doc + 1]; i++)
            {
                if (ordinals[i] == ordinal)
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static SearchFacetOrdinals Of(AtomicReader reader) => BySegment.GetValue(reader.CoreCacheKey, _ => new SearchFacetOrdinals(reader));
}
