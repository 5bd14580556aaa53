using System.Data.Common;
using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SkillBridge.Core.Search;

/// <summary>
/// This node's Lucene index, in its own data folder (never shared between nodes). One writer applies the search change
/// log (<see cref="SearchChange"/>) in order and stores the last entry applied in the same Lucene commit as the
/// documents, so a crash at any moment resumes from the last commit: nothing lost, nothing applied twice (applying an
/// entry writes the module as the database holds it now, so an entry applied again changes nothing). An index that is
/// missing, of an older schema or unreadable is rebuilt from the database in a separate folder while the previous
/// one (if any) keeps serving, then swapped in.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    /// <summary>Bumped whenever fields or analysis change: an index of another schema is rebuilt at start-up.</summary>
    public const int SchemaVersion = 6;

    private const string SchemaKey = "schema";

    private const string PairsKey = "pairs";

    private const string PositionKey = "search-change";

    private const int BatchSize = 500;

    private readonly SkillBridgeOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<SearchIndex> _logger;
    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly SemaphoreSlim _rebuild = new(1, 1);

    /// <summary>Reset while a rebuilt index replaces the previous one, so searches wait for it instead of finding none.</summary>
    private readonly ManualResetEventSlim _swapped = new(true);
    private readonly System.Threading.Lock _startLock = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task? _started;
    private Generation? _current;
    private long _position;
    private long _lastApplyDelay = long.MinValue;
    private (int Done, int Total)? _building;
    private bool _commandLine;

    public SearchIndex(IOptions<SkillBridgeOptions> options, TimeProvider clock, ILogger<SearchIndex> logger)
    {
        _options = options.Value;
        _clock = clock;
        FacetNames = new SearchFacetNames(clock);
        _logger = logger;
        _configuredPath = _options.Search.IndexPath is { Length: > 0 } path
            ? Path.GetFullPath(path, _options.ResolvedDataPath)
            : Path.Combine(_options.ResolvedDataPath, "search-index");
        IndexPath = _configuredPath;
    }

    private readonly string _configuredPath;

    /// <summary>Held open (exclusively) while this process owns <see cref="IndexPath"/>.</summary>
    private FileStream? _owner;

    /// <summary>
    /// The folder of this node's index: the configured one, or, when another process on the same data folder owns it
    /// (two nodes started on one shared folder), the first free "-2", "-3", ... beside it. Nodes never share index files.
    /// </summary>
    public string IndexPath { get; private set; }

    public Analyzer Analyzer { get; } = SearchAnalysis.Create();

    /// <summary>The last change-log entry this index includes.</summary>
    public long Position => Volatile.Read(ref _position);

    /// <summary>
    /// How long the last change-log entries this node applied took to become searchable here, counted from when the
    /// oldest of them was recorded (while its transaction was still open, so never less than the real delay); null
    /// until this node applies an entry. /health shows it; other nodes' changes are promised here within 2 s.
    /// </summary>
    public TimeSpan? LastApplyDelay => Volatile.Read(ref _lastApplyDelay) is var ticks and not long.MinValue ? TimeSpan.FromTicks(ticks) : null;

    /// <summary>Category and people names for facets, kept a few seconds on this node.</summary>
    public SearchFacetNames FacetNames { get; }

    /// <summary>How far a rebuild has got, while one runs.</summary>
    public (int Done, int Total)? Building => _building;

    /// <summary>There is an index to search: one is open, or a rebuilt one is being swapped in (searches wait for it).</summary>
    public bool IsReady => Volatile.Read(ref _current) is not null || !_swapped.IsSet;

    /// <summary>
    /// This process runs a command (import, reindex, ...), not a site. Changes it writes are left in the log for the
    /// site's own index to apply (now if the site runs, when it next starts otherwise), so a command never builds an
    /// index of its own; and a rebuild refuses a folder that a running site owns instead of building beside it.
    /// </summary>
    public void ForCommandLine() => _commandLine = true;

    /// <summary>Opens the index, or starts rebuilding it; once per process, whoever asks first (the start-up worker, a search, a save).</summary>
    public Task EnsureStartedAsync()
    {
        if (_commandLine)
        {
            return Task.CompletedTask;
        }

        lock (_startLock)
        {
            return _started ??= StartAsync(_stopping.Token);
        }
    }

    private void Claim()
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(_configuredPath)!);
        for (var n = 1; _owner is null; n++)
        {
            var candidate = n == 1 ? _configuredPath : _configuredPath + "-" + n.ToString(CultureInfo.InvariantCulture);
            try
            {
                _owner = new FileStream(candidate + ".owner", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                IndexPath = candidate;
            }
            catch (IOException) when (_commandLine)
            {
                throw new SearchIndexInUseException(candidate);
            }
            catch (IOException) when (n < 100)
            {
                // Another node owns this folder: try the next.
            }
        }
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken);
        try
        {
            Claim();
            // A rebuild asked for before anything else (the reindex command, the benchmark) has opened it already.
            _current ??= TryOpen(IndexPath, out _position);
        }
        finally
        {
            _write.Release();
        }

        if (_current is not null)
        {
            await CatchUpAsync(cancellationToken);
            var modules = _current.Writer.NumDocs;
            if (_current.Pairs.ChooseAgain(modules, _options.Search))
            {
                // Searches keep using this index until the new one is swapped in.
                _logger.LogInformation("The search index in {Path} chose its word pairs for {Modules} modules: it is rebuilt in the background for {Now}", IndexPath, _current.Pairs.Modules, modules);
                RebuildInBackground(modules);
            }

            return;
        }

        await BuildAsync(cancellationToken);
    }

    /// <summary>Rebuilds now for a catalogue up to <see cref="SearchOptions.ForegroundBuildLimit"/> modules, in the background above it.</summary>
    private async Task BuildAsync(CancellationToken cancellationToken)
    {
        int published;
        await using (var db = NewContext())
        {
            published = await PublishedIds(db).CountAsync(cancellationToken);
        }

        if (published <= _options.Search.ForegroundBuildLimit)
        {
            await RebuildAsync(null, cancellationToken);
            return;
        }

        RebuildInBackground(published);
    }

    private void RebuildInBackground(int published)
    {
        _building = (0, published);
        _ = Task.Run(async () =>
        {
            try
            {
                await RebuildAsync(null, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                // The site is stopping; the next start builds again.
            }
            catch (Exception e) when (e is IOException or DbException or InvalidOperationException)
            {
                _logger.LogError(e, "Building the search index in {Path} failed", IndexPath);
            }
        }, CancellationToken.None);
    }

    /// <summary>A searcher over the latest applied state, or null while there is no index yet; release it with <see cref="Release"/>.</summary>
    public Lease? Acquire()
    {
        var generation = Volatile.Read(ref _current);
        if (generation is null && !_swapped.IsSet)
        {
            _swapped.Wait(TimeSpan.FromSeconds(30));
            generation = Volatile.Read(ref _current);
        }

        if (generation is null)
        {
            return null;
        }

        try
        {
            return new Lease(generation.Searchers, generation.Searchers.Acquire(), generation.Pairs);
        }
        catch (ObjectDisposedException)
        {
            // Swapped for a rebuilt index between the read and the acquire: take the new one.
            return Volatile.Read(ref _current) is { } next ? new Lease(next.Searchers, next.Searchers.Acquire(), next.Pairs) : null;
        }
    }

    /// <summary>
    /// Applies every committed change-log entry after <see cref="Position"/>, in order, and makes it searchable. When
    /// the log was pruned past this index's position (the node was stopped longer than <see cref="SearchOptions.LogRetention"/>),
    /// the index is rebuilt from the database instead.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        if (!await ApplyLogAsync(cancellationToken) && _rebuild.CurrentCount > 0)
        {
            _logger.LogInformation("The search change log was pruned past this index's position {Position}: the index is rebuilt", Position);
            await BuildAsync(cancellationToken);
        }
    }

    /// <summary>Applies the log after <see cref="Position"/>; false when entries it needed were pruned.</summary>
    private async Task<bool> ApplyLogAsync(CancellationToken cancellationToken)
    {
        await _write.WaitAsync(cancellationToken);
        try
        {
            if (_current is not { } generation)
            {
                return true;
            }

            await using var db = NewContext();
            while (true)
            {
                var entries = await db.SearchChanges.AsNoTracking().Where(c => c.Id > _position).OrderBy(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
                if (entries.Count > 0 && entries[0].ModuleId == SearchChange.LogPruned)
                {
                    return false;
                }

                // Entries commit in id order (SearchChangeInterceptor), so a missing id below a visible entry belongs
                // to a transaction that was rolled back: it is skipped, never waited for.
                if (entries.Count == 0)
                {
                    return true;
                }

                var ids = entries.Select(e => e.ModuleId).Distinct().ToList();
                await ApplyAsync(db, generation.Writer, generation.Pairs, ids, cancellationToken);

                // Searchable first, from the writer's memory; then the commit (with its fsync) makes it durable. A crash
                // in between resumes from the previous commit and applies these entries again, which changes nothing.
                generation.Searchers.MaybeRefreshBlocking();
                Volatile.Write(ref _lastApplyDelay, (_clock.GetUtcNow().UtcDateTime - entries.Min(e => e.RecordedAt)).Ticks);
                Commit(generation.Writer, entries[^1].Id, generation.Pairs);
                Volatile.Write(ref _position, entries[^1].Id);
                if (entries.Count < BatchSize)
                {
                    return true;
                }
            }
        }
        finally
        {
            _write.Release();
        }
    }

    /// <summary>
    /// Builds a new index from every published module in a folder beside this one, then swaps it in and applies what
    /// changed meanwhile. Searches use the previous index (if any) until the swap.
    /// </summary>
    public async Task<int> RebuildAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken = default)
    {
        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            lock (_startLock)
            {
                Claim();
            }

            await using var db = NewContext();
            // Read before the modules: every change up to here is in what the build reads, and any later one is applied
            // after the swap (applying an entry again is harmless: it writes the module as it is now).
            var position = await db.SearchChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
            var ids = await PublishedIds(db).OrderBy(id => id).ToListAsync(cancellationToken);
            var pairs = await ChoosePairsAsync(db, ids, cancellationToken);
            var building = IndexPath + ".new";
            DeleteFolder(building);
            _building = (0, ids.Count);
            progress?.Report((0, ids.Count));
            using (var directory = FSDirectory.Open(building))
            using (var writer = new IndexWriter(directory, Config(OpenMode.CREATE, bulk: true)))
            {
                await SearchBulkIndexer.AddAllAsync(db, writer, pairs, ids, BatchSize, done =>
                {
                    _building = (done, ids.Count);
                    progress?.Report((done, ids.Count));
                }, cancellationToken);

                writer.ForceMerge(1);
                Commit(writer, position, pairs);
            }

            await _write.WaitAsync(cancellationToken);
            if (_current is not null)
            {
                _swapped.Reset();
            }

            try
            {
                _current?.Dispose();
                _current = null;
                DeleteFolder(IndexPath);
                System.IO.Directory.Move(building, IndexPath);
                _current = TryOpen(IndexPath, out var opened, checkFiles: false) ?? throw new InvalidOperationException($"The search index just built in {IndexPath} cannot be opened.");
                Volatile.Write(ref _position, opened);
            }
            finally
            {
                _building = null;
                _swapped.Set();
                _write.Release();
            }

            await CatchUpAsync(cancellationToken);
            return ids.Count;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    /// <summary>Held by a rebuild from start to swap; tests take it to see the site while an index is being prepared.</summary>
    internal SemaphoreSlim RebuildGate => _rebuild;

    /// <summary>Documents in the index (each a published module).</summary>
    public int Count()
    {
        using var lease = Acquire();
        return lease?.Searcher.IndexReader.NumDocs ?? 0;
    }

    /// <summary>
    /// Deletes change-log entries older than <see cref="SearchOptions.LogRetention"/>. The newest of them stays as a
    /// marker (<see cref="SearchChange.LogPruned"/>) where the log now starts: a node whose index has not reached it may
    /// have missed deleted entries, and rebuilds. Any node may prune; doing it twice changes nothing more.
    /// </summary>
    public async Task<int> PruneLogAsync(CancellationToken cancellationToken = default)
    {
        await using var db = NewContext();
        var cutoff = _clock.GetUtcNow().UtcDateTime - _options.Search.LogRetention;
        var boundary = await db.SearchChanges.Where(c => c.RecordedAt < cutoff).MaxAsync(c => (long?)c.Id, cancellationToken);
        if (boundary is not { } last)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deleted = await db.SearchChanges.Where(c => c.Id < last).ExecuteDeleteAsync(cancellationToken);
        await db.SearchChanges.Where(c => c.Id == last).ExecuteUpdateAsync(c => c.SetProperty(e => e.ModuleId, SearchChange.LogPruned), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    /// <summary>The log's last entry, to show this index's lag on /health.</summary>
    public async Task<long> LogPositionAsync(CancellationToken cancellationToken)
    {
        await using var db = NewContext();
        return await db.SearchChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
    }

    /// <summary>The word pairs for an index of the modules <paramref name="ids"/>, from the bodies of an even sample of them.</summary>
    private async Task<SearchPairs> ChoosePairsAsync(SkillBridgeDbContext db, List<int> ids, CancellationToken cancellationToken)
    {
        var step = Math.Max(1, ids.Count / SearchPairs.SampleSize);
        var sample = new List<string>();
        foreach (var batch in ids.Where((_, i) => i % step == 0).Take(SearchPairs.SampleSize).Chunk(BatchSize))
        {
            db.ChangeTracker.Clear();
            sample.AddRange((await SearchDocument.LoadAsync(db, batch, cancellationToken)).Select(d => SearchText.PlainBody(d.Body)));
        }

        return SearchPairs.Choose(Analyzer, sample, ids.Count, _options.Search.PhrasePositionsLimit);
    }

    internal static IQueryable<int> PublishedIds(SkillBridgeDbContext db) =>
        db.Modules.Where(m => m.Status == ModuleStatus.Published && m.PublishedRevisionId != null).Select(m => m.Id);

    private static async Task ApplyAsync(SkillBridgeDbContext db, IndexWriter writer, SearchPairs pairs, List<int> ids, CancellationToken cancellationToken)
    {
        var documents = (await SearchDocument.LoadAsync(db, ids, cancellationToken)).ToDictionary(d => d.ModuleId);
        foreach (var id in ids)
        {
            var term = new Term(SearchFields.Id, id.ToString(CultureInfo.InvariantCulture));
            if (documents.TryGetValue(id, out var document))
            {
                writer.UpdateDocument(term, document.ToDocument(pairs));
            }
            else
            {
                writer.DeleteDocuments(term);
            }
        }
    }

    private static void Commit(IndexWriter writer, long position, SearchPairs pairs)
    {
        writer.SetCommitData(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SchemaKey] = SchemaVersion.ToString(CultureInfo.InvariantCulture),
            [PositionKey] = position.ToString(CultureInfo.InvariantCulture),
            [PairsKey] = pairs.ToCommitText(),
        });
        writer.Commit();
    }

    private IndexWriterConfig Config(OpenMode mode, bool bulk = false) => new(SearchAnalysis.Version, Analyzer)
    {
        OpenMode = mode,
        Similarity = new BM25Similarity(),
        RAMBufferSizeMB = bulk ? 64 : 16,
    };

    /// <summary>
    /// The index in <paramref name="path"/> with its position, or null when it is missing, of another schema or unreadable
    /// (every file is read to find out, unless <paramref name="checkFiles"/> is false: an index this process has just built).
    /// </summary>
    private Generation? TryOpen(string path, out long position, bool checkFiles = true)
    {
        position = 0;
        if (!System.IO.Directory.Exists(path))
        {
            return null;
        }

        LuceneDirectory? directory = null;
        IndexWriter? writer = null;
        try
        {
            directory = FSDirectory.Open(path);
            if (!DirectoryReader.IndexExists(directory))
            {
                directory.Dispose();
                return null;
            }

            var commit = DirectoryReader.ListCommits(directory)[^1];
            if (!commit.UserData.TryGetValue(SchemaKey, out var schema) || schema != SchemaVersion.ToString(CultureInfo.InvariantCulture)
                || !commit.UserData.TryGetValue(PositionKey, out var stored) || !long.TryParse(stored, CultureInfo.InvariantCulture, out position)
                || !commit.UserData.TryGetValue(PairsKey, out var pairsText) || SearchPairs.FromCommitText(pairsText) is not { } pairs)
            {
                _logger.LogInformation("The search index in {Path} is of another schema: it is rebuilt", path);
                directory.Dispose();
                return null;
            }

            // Reads every segment's files once, so a damaged index is found here rather than by a learner's search. The
            // check reads through ordinary file reads, not the memory map searches use: read through the map, every page
            // of the index stayed in the site's resident memory although searches touch only part of it.
            if (checkFiles)
            {
                CheckFiles(path);
            }

            writer = new IndexWriter(directory, Config(OpenMode.APPEND));
            var searchers = new SearcherManager(writer, true, new Bm25SearcherFactory());
            return new Generation(directory, writer, searchers, pairs);
        }
#pragma warning disable CA1031 // A damaged index can fail in many ways inside Lucene; every one of them means "rebuild it".
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            _logger.LogWarning(e, "The search index in {Path} cannot be read: it is rebuilt", path);
            try
            {
                writer?.Rollback();
            }
#pragma warning disable CA1031 // Best effort on an index already known to be damaged.
            catch (Exception)
#pragma warning restore CA1031
            {
            }

            directory?.Dispose();
            position = 0;
            return null;
        }
    }

    private static void CheckFiles(string path)
    {
        using var checkDirectory = new NIOFSDirectory(path);
        using var check = DirectoryReader.Open(checkDirectory);
        foreach (var leaf in check.Leaves)
        {
            ((SegmentReader)leaf.AtomicReader).CheckIntegrity();
        }
    }

    private static void DeleteFolder(string path)
    {
        if (System.IO.Directory.Exists(path))
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
    }

    private SkillBridgeDbContext NewContext()
    {
        var builder = new DbContextOptionsBuilder<SkillBridgeDbContext>();
        DependencyInjection.Configure(builder, _options);
        return new SkillBridgeDbContext(builder.Options);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _current?.Dispose();
        _current = null;
        _owner?.Dispose();
        _stopping.Dispose();
        _write.Dispose();
        _rebuild.Dispose();
        _swapped.Dispose();
        Analyzer.Dispose();
    }

    /// <summary>A searcher borrowed from the index; disposing gives it back.</summary>
    public sealed class Lease(SearcherManager owner, IndexSearcher searcher, SearchPairs pairs) : IDisposable
    {
        public IndexSearcher Searcher { get; } = searcher;

        /// <summary>The word pairs this searcher's index holds as terms.</summary>
        public SearchPairs Pairs { get; } = pairs;

        public void Dispose() => owner.Release(Searcher);
    }

    private sealed class Generation(LuceneDirectory directory, IndexWriter writer, SearcherManager searchers, SearchPairs pairs) : IDisposable
    {
        public IndexWriter Writer { get; } = writer;

        public SearchPairs Pairs { get; } = pairs;

        public SearcherManager Searchers { get; } = searchers;

        public void Dispose()
        {
            Searchers.Dispose();
            Writer.Dispose();
            directory.Dispose();
        }
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}

/// <summary>A command asked to rebuild an index folder that a running site owns.</summary>
public sealed class SearchIndexInUseException(string path)
    : InvalidOperationException($"The search index in {path} belongs to a site that is running. That site keeps it up to date from the search change log; to rebuild it, stop the site and run reindex again.")
{
    public string IndexPath { get; } = path;
}
