using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SkillBridge.Core;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Search;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Search;

/// <summary>
/// How a node's index reads the search change log: entries commit in id order, so a missing id below a committed one
/// was rolled back and is skipped at once; the log is pruned after its retention, and a node that had not reached the
/// pruned part rebuilds from the database.
/// Each test drives its own <see cref="SearchIndex"/> on a site's database with a clock of its own.
/// </summary>
public sealed class SearchChangeLogTests : IDisposable
{
    private const string Phishing = "spot-a-phishing-message";
    private const string Inbox = "tame-your-inbox";

    private readonly SkillBridgeWebFactory _site = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow.AddMinutes(1));
    private readonly List<SearchIndex> _indexes = [];

    [Fact]
    public async Task MissingIdBelowACommittedEntry_IsARolledBackTransaction_AndLaterEntriesApplyAtOnce()
    {
        var index = await StartedIndexAsync();
        var last = await LastEntryAsync();
        await UnpublishUnloggedAsync(Phishing);
        await LogAsync(last + 2, Phishing);

        await index.CatchUpAsync();

        Assert.Equal(last + 2, index.Position);
        Assert.False(await IndexedAsync(index, Phishing), "An entry after a rolled-back id was held back.");
    }

#if POSTGRESQL
    [Fact]
    public async Task LogEntries_OnPostgreSql_CommitInIdOrder_ASecondWriterWaitsForTheFirstToCommit()
    {
        var index = await StartedIndexAsync();
        var last = await LastEntryAsync();
        await using var firstScope = _site.Services.CreateAsyncScope();
        var first = firstScope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        await using var transaction = await first.Database.BeginTransactionAsync();
        first.Entry(await first.Modules.SingleAsync(m => m.Slug == Phishing)).Property(m => m.Status).CurrentValue = ModuleStatus.Unpublished;
        await first.SaveChangesAsync();
        var second = WithDbAsync(async db =>
        {
            db.Entry(await db.Modules.SingleAsync(m => m.Slug == Inbox)).Property(m => m.Status).CurrentValue = ModuleStatus.Unpublished;
            return await db.SaveChangesAsync();
        });

        var clock = Stopwatch.StartNew();
        while (await WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_locks WHERE NOT granted AND relation = '\"SearchChanges\"'::regclass").SingleAsync()) == 0)
        {
            Assert.False(second.IsCompleted, "The second writer logged its change while the first still held an uncommitted entry.");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "The second writer never came to the log.");
            await Task.Delay(20);
        }

        await index.CatchUpAsync();
        Assert.Equal(last, index.Position);
        await transaction.CommitAsync();
        await second;
        await index.CatchUpAsync();

        Assert.Equal(last + 2, index.Position);
        Assert.False(await IndexedAsync(index, Phishing));
        Assert.False(await IndexedAsync(index, Inbox));
    }
#endif

    [Fact]
    public async Task PruneLog_DeletesEntriesPastTheRetentionAndKeepsAMarkerWhereTheLogNowStarts()
    {
        var index = await StartedIndexAsync();
        var last = await LastEntryAsync();
        var before = await WithDbAsync(db => db.SearchChanges.CountAsync());
        Assert.True(before > 1, "The starter content left no change-log entries to prune.");

        _clock.Advance(TimeSpan.FromDays(31));
        var deleted = await index.PruneLogAsync();

        Assert.Equal(before - 1, deleted);
        var left = Assert.Single(await WithDbAsync(db => db.SearchChanges.ToListAsync()));
        Assert.Equal((last, SearchChange.LogPruned), (left.Id, left.ModuleId));
        Assert.Equal(0, await index.PruneLogAsync());
    }

    [Fact]
    public async Task NodeStoppedPastThePrunedLog_RebuildsFromTheDatabaseWhenItStarts()
    {
        var stopped = await StartedIndexAsync("index-stopped");
        Assert.True(await IndexedAsync(stopped, Phishing));
        var path = stopped.IndexPath;
        stopped.Dispose();
        _indexes.Remove(stopped);

        // While the node is stopped a module is unpublished, and a month later the log is pruned past that change.
        await UnpublishUnloggedAsync(Phishing);
        await LogAsync(await LastEntryAsync() + 1, Phishing);
        _clock.Advance(TimeSpan.FromDays(31));
        var pruner = await StartedIndexAsync("index-pruner");
        Assert.True(await pruner.PruneLogAsync() > 0);

        var restarted = await StartedIndexAsync("index-stopped");

        Assert.Equal(path, restarted.IndexPath);
        Assert.False(await IndexedAsync(restarted, Phishing), "The node applied the pruned log as it was and kept a module that is no longer published.");
        Assert.True(await IndexedAsync(restarted, Inbox));
    }

    public void Dispose()
    {
        foreach (var index in _indexes)
        {
            index.Dispose();
        }

        _site.Dispose();
    }

    private async Task<SearchIndex> StartedIndexAsync(string folder = "index-under-test")
    {
        var site = _site.Services.GetRequiredService<IOptions<SkillBridgeOptions>>().Value;
        var options = new SkillBridgeOptions
        {
            DatabaseProvider = site.DatabaseProvider,
            ConnectionString = site.ConnectionString,
            ResolvedDataPath = site.ResolvedDataPath,
            Search = new SearchOptions { IndexPath = Path.Combine(site.ResolvedDataPath, folder) },
        };
        var index = new SearchIndex(Options.Create(options), _clock, NullLogger<SearchIndex>.Instance);
        _indexes.Add(index);
        await index.EnsureStartedAsync();
        var clock = Stopwatch.StartNew();
        while (!index.IsReady)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "The index was not built.");
            await Task.Delay(20);
        }

        return index;
    }

    private async Task<bool> IndexedAsync(SearchIndex index, string slug)
    {
        var id = await WithDbAsync(db => db.Modules.Where(m => m.Slug == slug).Select(m => m.Id).SingleAsync());
        using var lease = index.Acquire();
        Assert.NotNull(lease);
        var term = new Lucene.Net.Index.Term(SearchFields.Id, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return lease.Searcher.Search(new Lucene.Net.Search.TermQuery(term), 1).TotalHits > 0;
    }

    private async Task<long> LastEntryAsync() => await WithDbAsync(db => db.SearchChanges.MaxAsync(c => (long?)c.Id)) ?? 0;

    /// <summary>Takes a module out of publication without a log entry, so the test writes the entry with the id it wants.</summary>
    private Task<int> UnpublishUnloggedAsync(string slug) => WithDbAsync(db =>
        db.Modules.Where(m => m.Slug == slug).ExecuteUpdateAsync(m => m.SetProperty(x => x.Status, ModuleStatus.Unpublished)));

    private async Task LogAsync(long id, string slug)
    {
        var moduleId = await WithDbAsync(db => db.Modules.Where(m => m.Slug == slug).Select(m => m.Id).SingleAsync());
        await WithDbAsync(async db =>
        {
            db.SearchChanges.Add(new SearchChange { Id = id, ModuleId = moduleId, RecordedAt = _clock.GetUtcNow().UtcDateTime });
            return await db.SaveChangesAsync();
        });
    }

    private async Task<T> WithDbAsync<T>(Func<SkillBridgeDbContext, Task<T>> work)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>());
    }
}
