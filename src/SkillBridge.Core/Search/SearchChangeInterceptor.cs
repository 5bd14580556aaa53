using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Search;

/// <summary>
/// Writes the search change log: when a save adds or deletes a module, changes its status, published revision or slug,
/// or renames a person or category that published modules show, one <see cref="SearchChange"/> per module is written
/// in the same transaction as the save (one is opened when the caller has none). Once that transaction commits, this
/// node's index applies the log before the save returns, so the author sees the change at once; other nodes poll.
/// Entries commit in id order (<see cref="SearchIndex"/> relies on it to skip the ids of rolled-back transactions).
/// The importer, the publishing workflow and the scheduler all get this without knowing about search.
/// </summary>
public sealed class SearchChangeInterceptor(SearchIndex index, TimeProvider clock) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, PendingSave> _pending = [];

    /// <summary>Contexts whose committed transaction holds log entries not yet applied here.</summary>
    private readonly ConditionalWeakTable<DbContext, object> _committing = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && await CollectAsync(context, cancellationToken) is { } pending)
        {
            if (context.Database.CurrentTransaction is null)
            {
                pending.OwnedTransaction = await context.Database.BeginTransactionAsync(cancellationToken);
            }

            _pending.AddOrUpdate(context, pending);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context || !_pending.TryGetValue(context, out var pending))
        {
            return result;
        }

        _pending.Remove(context);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (context.Database.IsNpgsql())
            {
                // PostgreSQL hands out ids before commit. Held to the end of the transaction, this lock makes entries
                // commit in id order, so a reader that sees an entry knows every lower id is committed or was rolled
                // back: a gap never has to be waited for. (SQLite has one writer at a time and gets this for free.)
                await context.Database.ExecuteSqlRawAsync("LOCK TABLE \"SearchChanges\" IN EXCLUSIVE MODE", cancellationToken);
            }

            foreach (var id in pending.Modules.Select(m => m.Id).Concat(pending.ModuleIds).Distinct())
            {
                await context.Database.ExecuteSqlAsync($"INSERT INTO \"SearchChanges\" (\"ModuleId\", \"RecordedAt\") VALUES ({id}, {now})", cancellationToken);
            }

            if (pending.OwnedTransaction is { } owned)
            {
                await owned.CommitAsync(cancellationToken);
            }
            else
            {
                _committing.AddOrUpdate(context, pending);
                return result;
            }
        }
        finally
        {
            if (pending.OwnedTransaction is { } owned)
            {
                await owned.DisposeAsync();
            }
        }

        await index.EnsureStartedAsync();
        await index.CatchUpAsync(cancellationToken);
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending))
        {
            _pending.Remove(context);
            if (pending.OwnedTransaction is { } owned)
            {
                await owned.RollbackAsync(cancellationToken);
                await owned.DisposeAsync();
            }
        }
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _committing.TryGetValue(context, out _))
        {
            _committing.Remove(context);
            await index.EnsureStartedAsync();
            await index.CatchUpAsync(cancellationToken);
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            _committing.Remove(context);
        }

        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionRolledBackAsync(transaction, eventData).GetAwaiter().GetResult();

    // Nothing in SkillBridge saves synchronously; the synchronous path does the same work so a future caller stays correct.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    private static async Task<PendingSave?> CollectAsync(DbContext context, CancellationToken cancellationToken)
    {
        context.ChangeTracker.DetectChanges();
        PendingSave? pending = null;
        foreach (var entry in context.ChangeTracker.Entries<Module>())
        {
            switch (entry.State)
            {
                case EntityState.Deleted:
                    (pending ??= new()).ModuleIds.Add(entry.Entity.Id);
                    break;
                case EntityState.Added:
                case EntityState.Modified when Changed(entry):
                    (pending ??= new()).Modules.Add(entry.Entity);
                    break;
            }
        }

        var people = context.ChangeTracker.Entries<People.Person>()
            .Where(e => e.State == EntityState.Modified && (e.Property(p => p.Name).IsModified || e.Property(p => p.Username).IsModified))
            .Select(e => e.Entity.Id).ToList();
        var categories = context.ChangeTracker.Entries<Catalogue.Category>()
            .Where(e => e.State == EntityState.Modified && (e.Property(c => c.Name).IsModified || e.Property(c => c.Key).IsModified))
            .Select(e => e.Entity.Id).ToList();
        if (people.Count > 0 || categories.Count > 0)
        {
            // The index holds names and keys as they were published; the modules showing these are written again.
            var shown = await context.Set<Module>()
                .Where(m => m.PublishedRevisionId != null && m.Revisions.Any(r => r.Id == m.PublishedRevisionId
                    && (categories.Contains(r.CategoryId) || r.Authors.Any(a => people.Contains(a.PersonId)))))
                .Select(m => m.Id)
                .ToListAsync(cancellationToken);
            if (shown.Count > 0)
            {
                (pending ??= new()).ModuleIds.AddRange(shown);
            }
        }

        return pending;
    }

    private static bool Changed(EntityEntry<Module> entry) =>
        entry.Property(m => m.Status).IsModified || entry.Property(m => m.PublishedRevisionId).IsModified || entry.Property(m => m.Slug).IsModified;

    private sealed class PendingSave
    {
        /// <summary>Added or changed modules: their ids are known once the save is done.</summary>
        public List<Module> Modules { get; } = [];

        public List<int> ModuleIds { get; } = [];

        public IDbContextTransaction? OwnedTransaction { get; set; }
    }
}
