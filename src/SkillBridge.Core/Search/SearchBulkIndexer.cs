using Lucene.Net.Documents;
using Lucene.Net.Index;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Search;

/// <summary>
/// Adds every published module to an index being rebuilt: the next batch is read from the database (and turned into
/// Lucene documents) while the current one is analysed, and a large rebuild analyses on every core at once (the
/// writer takes documents from several threads). A small rebuild adds in module order, so ties rank the same every time.
/// </summary>
internal static class SearchBulkIndexer
{
    /// <summary>Rebuilds of more modules than this analyse on every core.</summary>
    private const int ParallelFrom = 2000;

    public static async Task AddAllAsync(
        SkillBridgeDbContext db, IndexWriter writer, SearchPairs pairs, IReadOnlyList<int> ids, int batchSize, Action<int> progress, CancellationToken cancellationToken)
    {
        var batches = ids.Chunk(batchSize).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Task<List<Document>>? next = batches.Count > 0 ? LoadAsync(batches[0]) : null;
        var done = 0;
        try
        {
            for (var b = 0; b < batches.Count; b++)
            {
                var documents = await next!;
                next = b + 1 < batches.Count ? LoadAsync(batches[b + 1]) : null;
                if (ids.Count > ParallelFrom)
                {
                    Parallel.ForEach(documents, parallel, document => writer.AddDocument(document));
                }
                else
                {
                    foreach (var document in documents)
                    {
                        writer.AddDocument(document);
                    }
                }

                done += batches[b].Length;
                progress(done);
            }
        }
        finally
        {
            // The database context is the caller's: never leave a read running on it.
            if (next is not null)
            {
                await next.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
        }

        Task<List<Document>> LoadAsync(int[] batch) => Task.Run(async () =>
        {
            db.ChangeTracker.Clear();
            var loaded = await SearchDocument.LoadAsync(db, batch, cancellationToken);
            return loaded.Select(d => d.ToDocument(pairs)).ToList();
        }, cancellationToken);
    }
}
