using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SkillBridge.Core.Search;

/// <summary>
/// A search for several words, each required, run in two steps. First the modules holding every word (and none of the
/// excluded ones) are found from the words' lists of modules alone, without scores; then all the words' alternatives are
/// scored as one flat list over those modules only (<see cref="SearchQueryPlanner.Either"/>), a block at a time. Lucene
/// would otherwise merge each word's alternatives module by module inside a conjunction, most of a two-word search's time.
/// BM25 has no coordination factor, so a module's score is the same sum either way.
/// </summary>
internal sealed class SearchConjunction
{
    private readonly List<Query> _required;
    private readonly List<Query> _excluded;

    private SearchConjunction(List<Query> required, List<Query> excluded) => (_required, _excluded) = (required, excluded);

    /// <summary>The query as a conjunction of two or more required parts (and excluded ones), or null when it is not one.</summary>
    public static SearchConjunction? Of(Query query)
    {
        var required = new List<Query>();
        var excluded = new List<Query>();
        if (!Split(query, required, excluded) || required.Count < 2)
        {
            return null;
        }

        return new SearchConjunction(required, excluded);
    }

    public void Search(IndexSearcher searcher, ICollector collector)
    {
        // The parts that are plain lists of terms are read first, from their lists of modules; the others (phrases,
        // joined words) are then only tested in the modules left, which for a phrase saves reading positions elsewhere.
        var terms = _required.Select(Terms).ToList();
        var order = Enumerable.Range(0, _required.Count).OrderBy(i => terms[i] is null ? 1 : 0).ToList();
        var weights = _required.Select((part, i) => terms[i] is null ? searcher.CreateNormalizedWeight(part) : null).ToList();
        var excludedWeights = _excluded.Select(searcher.CreateNormalizedWeight).ToList();
        var scoring = searcher.CreateNormalizedWeight(SearchQueryPlanner.Either(_required));
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            FixedBitSet? matching = null;
            foreach (var i in order)
            {
                var part = new FixedBitSet(reader.MaxDoc);
                var accepted = (IBits?)matching ?? reader.LiveDocs;
                if (terms[i] is { } list)
                {
                    AddTerms(reader, list, accepted, part);
                }
                else
                {
                    AddMatches(weights[i]!, leaf, accepted, part);
                }

                if (matching is null)
                {
                    matching = part;
                }
                else
                {
                    matching.And(part);
                }
            }

            foreach (var weight in excludedWeights)
            {
                var part = new FixedBitSet(reader.MaxDoc);
                AddMatches(weight, leaf, matching, part);
                matching!.AndNot(part);
            }

            collector.SetNextReader(leaf);
            if (matching!.Cardinality > 0)
            {
                scoring.GetBulkScorer(leaf, !collector.AcceptsDocsOutOfOrder, matching)?.Score(collector);
            }
        }
    }

    /// <summary>Splits a required query into its required and excluded parts: false when it has anything else (alternatives, a boost).</summary>
    private static bool Split(Query query, List<Query> required, List<Query> excluded)
    {
        if (query is not BooleanQuery { Boost: 1f, MinimumNumberShouldMatch: 0 } boolean)
        {
            required.Add(query);
            return true;
        }

        foreach (var clause in boolean.Clauses)
        {
            switch (clause.Occur)
            {
                case Occur.MUST when clause.Query is BooleanQuery { Boost: 1f, MinimumNumberShouldMatch: 0 } inner && inner.Clauses.All(c => c.Occur != Occur.SHOULD):
                    if (!Split(inner, required, excluded))
                    {
                        return false;
                    }

                    break;
                case Occur.MUST:
                    required.Add(clause.Query);
                    break;
                case Occur.MUST_NOT:
                    excluded.Add(clause.Query);
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>The terms of a part that is one term or alternatives of terms only, or null.</summary>
    private static List<Term>? Terms(Query part)
    {
        var terms = new List<Term>();
        return Collect(part, terms) ? terms : null;

        static bool Collect(Query query, List<Term> terms)
        {
            switch (query)
            {
                case TermQuery term:
                    terms.Add(term.Term);
                    return true;
                case BooleanQuery { MinimumNumberShouldMatch: 0 } boolean when boolean.Clauses.All(c => c.Occur == Occur.SHOULD):
                    return boolean.Clauses.All(c => Collect(c.Query, terms));
                default:
                    return false;
            }
        }
    }

    private static void AddTerms(AtomicReader reader, List<Term> terms, IBits? accepted, FixedBitSet into)
    {
        DocsEnum? reuse = null;
        foreach (var term in terms)
        {
            if (reader.GetTerms(term.Field) is not { } fieldTerms)
            {
                continue;
            }

            var each = fieldTerms.GetEnumerator();
            if (!each.SeekExact(term.Bytes))
            {
                continue;
            }

            reuse = each.Docs(accepted, reuse, DocsFlags.NONE);
            for (var doc = reuse.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = reuse.NextDoc())
            {
                into.Set(doc);
            }
        }
    }

    private static void AddMatches(Weight weight, AtomicReaderContext leaf, IBits? accepted, FixedBitSet into)
    {
        if (weight.GetScorer(leaf, accepted) is not { } scorer)
        {
            return;
        }

        for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
        {
            into.Set(doc);
        }
    }
}
