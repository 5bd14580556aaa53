using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SkillBridge.Core.Search;

/// <summary>
/// Adds a query's proximity part (<see cref="RankedQuery.Proximity"/>) to the scores of the best matches only. Scoring
/// it on every match read the positions of both words in every module holding them (most of a common two-word query's
/// time); the match part alone ranks the matches, and the proximity part then reorders the best
/// <see cref="Window"/> of them. Within that window the order is the one scoring both parts on every match gives (the
/// same sum, ties by document).
/// </summary>
internal static class SearchRescorer
{
    /// <summary>
    /// How many of the best matches by the match part alone are rescored: ten pages, as many as Solr's re-ranking takes by
    /// default. Words close together move a module up within them; each one rescored reads both words' positions.
    /// </summary>
    public const int Window = 200;

    /// <summary><paramref name="hits"/> (best first by the match part) with the proximity part's score added, best first.</summary>
    public static ScoreDoc[] Rescore(IndexSearcher searcher, ScoreDoc[] hits, Query proximity)
    {
        if (hits.Length == 0)
        {
            return hits;
        }

        var byDoc = hits.Select(h => new ScoreDoc(h.Doc, h.Score)).OrderBy(h => h.Doc).ToArray();
        var weight = searcher.CreateNormalizedWeight(proximity);
        var leaves = searcher.IndexReader.Leaves;
        var leaf = -1;
        var end = 0;
        var docBase = 0;
        Scorer? scorer = null;
        for (var h = 0; h < byDoc.Length; h++)
        {
            var hit = byDoc[h];
            while (hit.Doc >= end)
            {
                var context = leaves[++leaf];
                docBase = context.DocBase;
                end = docBase + context.Reader.MaxDoc;
                // Only the hits are accepted: a phrase scorer then reads positions in these modules alone, not in every
                // module holding both words on its way from one hit to the next.
                var hitsHere = new FixedBitSet(context.Reader.MaxDoc);
                for (var next = h; next < byDoc.Length && byDoc[next].Doc < end; next++)
                {
                    hitsHere.Set(byDoc[next].Doc - docBase);
                }

                scorer = weight.GetScorer(context, hitsHere);
            }

            if (scorer is null)
            {
                continue;
            }

            var target = hit.Doc - docBase;
            var at = scorer.DocID < target ? scorer.Advance(target) : scorer.DocID;
            if (at == target)
            {
                hit.Score += scorer.GetScore();
            }
        }

        Array.Sort(byDoc, static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Doc.CompareTo(b.Doc));
        return byDoc;
    }
}
