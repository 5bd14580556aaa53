using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkillBridge.Core.Data;
using SkillBridge.Core.Search.Benchmark;

namespace SkillBridge.Core.Search;

/// <summary>
/// A benchmark, not a test: a corpus's modules (<see cref="SyntheticBenchmarkCorpus"/>, or files) published in a throwaway
/// database, indexed, then the corpus's queries timed per kind.
/// </summary>
public sealed class SearchBenchmark(TextWriter output)
{
    /// <summary>Authors the modules are shared out among, by their place in the corpus.</summary>
    private const int People = 200;

    /// <summary>Leave the generated database in place (its folder is printed) instead of deleting it.</summary>
    public bool KeepDatabase { get; init; }

    /// <summary>A folder kept by an earlier run: rebuild the index from its database and time the queries, skipping generation.</summary>
    public string? ReuseFolder { get; init; }

    /// <summary>
    /// How long each throughput figure runs (each client asks at least one query): one pass of a short mix lasts half a
    /// second, too short to average out the machine.
    /// </summary>
    public TimeSpan ThroughputSpan { get; init; } = TimeSpan.FromSeconds(5);

    public Task<int> RunAsync(int modules, int queriesPerKind, CancellationToken cancellationToken) =>
        RunAsync(new SyntheticBenchmarkCorpus(modules), queriesPerKind, cancellationToken);

    public async Task<int> RunAsync(IBenchmarkCorpus corpus, int queriesPerKind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);

        // Read the queries first: a mistake in their file shows before minutes of indexing.
        var queries = corpus.Queries(queriesPerKind)
            .GroupBy(q => q.Kind, StringComparer.Ordinal)
            .Select(g => (Kind: g.Key, Requests: g.Select(q => new SearchRequest(q.Query, Category: q.Category)).ToList()))
            .ToList();
        var folder = ReuseFolder ?? Path.Combine(Path.GetTempPath(), "skillbridge-benchmark-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var keep = KeepDatabase || ReuseFolder is not null;
        try
        {
            var options = new SkillBridgeOptions { DataPath = folder, ResolvedDataPath = folder };
            var builder = new DbContextOptionsBuilder<SkillBridgeDbContext>();
            DependencyInjection.Configure(builder, options);
            await using var db = new SkillBridgeDbContext(builder.Options);
            await new DatabaseInitializer(db, Options.Create(options)).InitializeAsync(cancellationToken);

            using var index = new SearchIndex(Options.Create(options), TimeProvider.System, NullLogger<SearchIndex>.Instance);
            var search = new SearchService(db, index, new NoSearchSynonyms(), TimeProvider.System);
            if (ReuseFolder is null)
            {
                await GenerateAsync(db, corpus, folder, cancellationToken);
            }
            else
            {
                output.WriteLine($"Reusing the database in {folder} (generated from the same corpus: pass the same --modules or --corpus).");
            }

            await IndexAsync(search, index, folder, cancellationToken);

            var warmUpPasses = await WarmUpAsync(search, queries.SelectMany(q => q.Requests).ToList(), cancellationToken);
            output.WriteLine();
            output.WriteLine($"{string.Join(", ", queries.Select(q => $"{q.Requests.Count} {q.Kind}"))} queries after {warmUpPasses} untimed passes over all of them, with and without facets, until a pass was no faster than the one before (as in a site that has been serving: .NET optimises code that is called often a while after it first runs); latency in ms of SearchService.SearchAsync (count, top 20 by rank, highlights and snippets).");
            output.WriteLine($"{"kind",-10} {"facets",-7} {"p50",8} {"p95",8} {"p99",8} {"max",8} {"avg hits",9}");
            // Processor time per query: a busy machine stretches the latencies far more than it does this.
            var processorTimes = new List<string>();
            using var self = Process.GetCurrentProcess();
            foreach (var includeFacets in new[] { false, true })
            {
                foreach (var (kind, list) in queries)
                {
                    var times = new List<double>();
                    var hits = 0L;
                    self.Refresh();
                    var processorBefore = self.TotalProcessorTime;
                    foreach (var request in list)
                    {
                        var watch = Stopwatch.StartNew();
                        var result = await search.SearchAsync(request with { IncludeFacets = includeFacets }, cancellationToken);
                        times.Add(watch.Elapsed.TotalMilliseconds);
                        hits += result.Total;
                    }

                    self.Refresh();
                    processorTimes.Add($"{kind} {(includeFacets ? "with" : "without")} facets {(self.TotalProcessorTime - processorBefore).TotalMilliseconds / list.Count:F2}");
                    times.Sort();
                    output.WriteLine($"{kind,-10} {(includeFacets ? "yes" : "no"),-7} {Percentile(times, 50),8:F2} {Percentile(times, 95),8:F2} {Percentile(times, 99),8:F2} {times[^1],8:F2} {hits / (double)list.Count,9:N0}");
                }
            }

            output.WriteLine($"Processor time per query in ms (all threads of this process): {string.Join("; ", processorTimes)}.");

            // The header box asks as the learner types: the prefix queries again, as suggestions.
            var prefixes = queries.Where(q => q.Kind == "prefix").SelectMany(q => q.Requests).Select(r => r.Query!).ToList();
            if (prefixes.Count == 0)
            {
                return 0;
            }

            foreach (var prefix in prefixes)
            {
                // Untimed first, as the searches were.
                await search.SuggestAsync(prefix, cancellationToken);
            }

            var suggestTimes = new List<double>();
            foreach (var prefix in prefixes)
            {
                var watch = Stopwatch.StartNew();
                await search.SuggestAsync(prefix, cancellationToken);
                suggestTimes.Add(watch.Elapsed.TotalMilliseconds);
            }

            suggestTimes.Sort();
            output.WriteLine($"{"suggest",-10} {"-",-7} {Percentile(suggestTimes, 50),8:F2} {Percentile(suggestTimes, 95),8:F2} {Percentile(suggestTimes, 99),8:F2} {suggestTimes[^1],8:F2} {"",9}");

            var mix = queries.SelectMany(q => q.Requests).ToList();
            var single = await ThroughputAsync(builder.Options, index, mix, clients: 1, cancellationToken);
            var eight = await ThroughputAsync(builder.Options, index, mix, clients: 8, cancellationToken);
            output.WriteLine($"Throughput, every kind with facets, {ThroughputSpan.TotalSeconds:0.#} s each, {(System.Runtime.GCSettings.IsServerGC ? "Server" : "Workstation")} GC: 1 client {single}; 8 concurrent clients {eight}: {eight.PerSecond / single.PerSecond:F2}x on {Environment.ProcessorCount} cores.");
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            output.WriteLine($"Working set after the queries: {process.WorkingSet64 / 1048576.0:F0} MiB (peak {process.PeakWorkingSet64 / 1048576.0:F0} MiB{(ReuseFolder is null ? ", including generating and indexing" : ", including indexing")}); managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MiB.");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (keep)
            {
                output.WriteLine($"Kept the database in {folder}");
            }
            else
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    output.WriteLine($"Could not delete {folder}; remove it by hand.");
                }
            }
        }
    }

    private async Task GenerateAsync(SkillBridgeDbContext db, IBenchmarkCorpus corpus, string folder, CancellationToken cancellationToken)
    {
        output.WriteLine($"Loading {corpus.Description} into {folder} ...");
        var generate = Stopwatch.StartNew();
        await GenerateAsync(db, corpus, cancellationToken);
        output.WriteLine($"Generated in {generate.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Builds the index from the database (a kept one is rebuilt too, so a change to the index is measured).</summary>
    private async Task IndexAsync(SearchService search, SearchIndex searchIndex, string folder, CancellationToken cancellationToken)
    {
        var index = Stopwatch.StartNew();
        var lastReported = 0;
        await search.ReindexAsync(new InlineProgress(p =>
        {
            if (p.Done - lastReported >= Math.Max(1, p.Total / 10) || p.Done == p.Total)
            {
                lastReported = p.Done;
                output.WriteLine($"indexed {p.Done:N0}/{p.Total:N0} ({index.Elapsed.TotalSeconds:F1} s)");
            }
        }), cancellationToken);
        var indexTime = index.Elapsed;
        var size = new DirectoryInfo(searchIndex.IndexPath).EnumerateFiles().Sum(f => f.Length);
        output.WriteLine($"Index time: {indexTime.TotalSeconds:F1} s (including the final merge); Lucene index: {size / 1024.0 / 1024.0:F1} MiB; database file: {new FileInfo(Path.Combine(folder, "skillbridge.db")).Length / 1024.0 / 1024.0:F1} MiB");
    }

    /// <summary>
    /// Runs every query with and without facets until a pass is no longer faster than the one before (at least
    /// <see cref="FewestWarmUpPasses"/>, at most <see cref="MostWarmUpPasses"/> or <see cref="LongestWarmUp"/>): .NET
    /// first compiles a method quickly, and again, optimised, in the background once it has been called often. Timing before that settles measures a
    /// site just started, not one that has been serving (after one pass, typo searches took 15-40 ms now and then
    /// while their code was recompiled). Returns the passes run.
    /// </summary>
    private static async Task<int> WarmUpAsync(SearchService search, List<SearchRequest> requests, CancellationToken cancellationToken)
    {
        var passes = 0;
        var previous = TimeSpan.MaxValue;
        var total = Stopwatch.StartNew();
        // A long query file warms up in fewer passes: each pass already calls the same code many times.
        while (passes < MostWarmUpPasses && (passes == 0 || total.Elapsed < LongestWarmUp))
        {
            var watch = Stopwatch.StartNew();
            foreach (var includeFacets in new[] { false, true })
            {
                foreach (var request in requests)
                {
                    await search.SearchAsync(request with { IncludeFacets = includeFacets }, cancellationToken);
                }
            }

            passes++;
            var took = watch.Elapsed;
            if (passes >= FewestWarmUpPasses && took > previous * 0.95)
            {
                break;
            }

            previous = took;
            // The optimised copies are compiled a moment after the calls that asked for them.
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        return passes;
    }

    private const int FewestWarmUpPasses = 3;

    private const int MostWarmUpPasses = 10;

    private static readonly TimeSpan LongestWarmUp = TimeSpan.FromMinutes(1);


    /// <summary>
    /// Queries per second when <paramref name="clients"/> clients, each with its own database context, go round the mix
    /// at once for <see cref="ThroughputSpan"/> (each finishes the query it is in), as a load generator such as wrk does:
    /// every client is busy until the end, so no client's last queries run alone.
    /// </summary>
    private async Task<Throughput> ThroughputAsync(
        DbContextOptions<SkillBridgeDbContext> options, SearchIndex index, List<SearchRequest> mix, int clients, CancellationToken cancellationToken)
    {
        var done = 0L;
        using var self = Process.GetCurrentProcess();
        var processorBefore = self.TotalProcessorTime;
        var pausedBefore = GC.GetTotalPauseDuration();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            await using var db = new SkillBridgeDbContext(options);
            var search = new SearchService(db, index, new NoSearchSynonyms(), TimeProvider.System);
            // Each client starts at a different place in the mix, so they do not ask the same query at the same moment.
            var i = client * mix.Count / clients;
            do
            {
                await search.SearchAsync(mix[i++ % mix.Count], cancellationToken);
                Interlocked.Increment(ref done);
            }
            while (watch.Elapsed < ThroughputSpan);
        }, cancellationToken)));
        var elapsed = watch.Elapsed;
        self.Refresh();
        return new Throughput(done / elapsed.TotalSeconds, (self.TotalProcessorTime - processorBefore) / elapsed, (GC.GetTotalPauseDuration() - pausedBefore) / elapsed);
    }

    /// <summary>Queries per second, the cores busy on average (processor time over elapsed time), and the share of the time every thread was paused for garbage collection.</summary>
    private sealed record Throughput(double PerSecond, double CoresBusy, double Paused)
    {
        public override string ToString() => $"{PerSecond:F0} queries/s ({CoresBusy:F2} cores busy, paused for garbage collection {Paused:P1} of the time)";
    }

    private static double Percentile(List<double> sorted, int percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private async Task GenerateAsync(SkillBridgeDbContext db, IBenchmarkCorpus corpus, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        for (var p = 1; p <= People; p++)
        {
            await ExecuteAsync(connection, transaction, $"INSERT INTO People (Username, Name, Bio, HelpsWith, Roles) VALUES ('person.{p}', 'Person {p}', '', '[]', '[\"author\"]')");
        }

        await using var category = Prepared(connection, transaction, "INSERT INTO Categories (Id, Key, Name, Description, Position) VALUES ($id, $key, $key, '', $id)", "$id", "$key");
        await using var module = Prepared(connection, transaction, "INSERT INTO Modules (Id, Slug, Status, CreatedAt) VALUES ($id, $slug, 'Published', '2026-01-01 00:00:00')", "$id", "$slug");
        await using var revision = Prepared(connection, transaction,
            "INSERT INTO ModuleRevisions (Id, ModuleId, Number, Title, Summary, CategoryId, Level, Minutes, Body, UpdatedOn, CreatedAt, Source, ContentHash) " +
            "VALUES ($id, $id, 1, $title, $summary, $category, $level, $minutes, $body, '2026-01-01', '2026-01-01 00:00:00', 'Import', '')",
            "$id", "$title", "$summary", "$category", "$level", "$minutes", "$body");
        await using var tag = Prepared(connection, transaction, "INSERT OR IGNORE INTO RevisionTags (RevisionId, Tag) VALUES ($id, $tag)", "$id", "$tag");
        await using var author = Prepared(connection, transaction, "INSERT INTO RevisionAuthors (RevisionId, PersonId, Position) VALUES ($id, $person, 0)", "$id", "$person");
        await using var publish = Prepared(connection, transaction, "UPDATE Modules SET PublishedRevisionId = $id WHERE Id = $id", "$id");
        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        var id = 0;
        foreach (var item in corpus.Modules())
        {
            id++;
            if (!categories.TryGetValue(item.Category, out var categoryId))
            {
                categoryId = categories[item.Category] = categories.Count + 1;
                await RunAsync(category, categoryId, item.Category);
            }

            // Minutes and author follow from the module's place, so a corpus written to files and read back gives the same facets.
            await RunAsync(module, id, item.Id);
            await RunAsync(revision, id, item.Title, item.Summary, categoryId, item.Level.ToString(), 3 + (id % 13), item.Body);
            foreach (var name in item.Tags)
            {
                await RunAsync(tag, id, name);
            }

            await RunAsync(author, id, 1 + (id % People));
            await RunAsync(publish, id);
            if (id % 10_000 == 0)
            {
                output.WriteLine($"loaded {id:N0}");
            }
        }

        await transaction.CommitAsync(cancellationToken);
        await db.Database.CloseConnectionAsync();
        output.WriteLine($"loaded {id:N0} modules in {categories.Count} categories");
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static DbCommand Prepared(DbConnection connection, DbTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task RunAsync(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        await command.ExecuteNonQueryAsync();
    }

    private sealed class InlineProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
