using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Search;

/// <summary>
/// Keeps the search index in step with publishing: when a save adds or deletes a module or changes its status or
/// published revision, or renames a person or category that published modules show, those modules' index rows are
/// rewritten on the same connection, inside the same transaction, before it commits. The importer, the publishing workflow and the scheduler all get this without knowing about search.
/// </summary>
public sealed class SearchIndexInterceptor : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, PendingSave> _pending = [];

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
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending))
        {
            _pending.Remove(context);
            try
            {
                var ids = pending.Modules.Select(m => m.Id).Concat(pending.RewriteIds).ToList();
                await SearchIndexWriter.IndexModulesAsync(
                    context.Database.GetDbConnection(), context.Database.CurrentTransaction?.GetDbTransaction(), ids, cancellationToken);
                if (pending.OwnedTransaction is { } owned)
                {
                    await owned.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                if (pending.OwnedTransaction is { } owned)
                {
                    await owned.DisposeAsync();
                }
            }
        }

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
        var pending = Collect(context);
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
                (pending ??= new()).RewriteIds.AddRange(shown);
            }
        }

        return pending;
    }

    private static PendingSave? Collect(DbContext context)
    {
        PendingSave? pending = null;
        foreach (var entry in context.ChangeTracker.Entries<Module>())
        {
            switch (entry.State)
            {
                case EntityState.Deleted:
                    (pending ??= new()).RewriteIds.Add(entry.Entity.Id);
                    break;
                case EntityState.Added:
                case EntityState.Modified when Changed(entry):
                    (pending ??= new()).Modules.Add(entry.Entity);
                    break;
            }
        }

        return pending;
    }

    private static bool Changed(EntityEntry<Module> entry) =>
        entry.Property(m => m.Status).IsModified || entry.Property(m => m.PublishedRevisionId).IsModified;

    private sealed class PendingSave
    {
        public List<Module> Modules { get; } = [];

        /// <summary>Modules to write again from what is stored once the save is done: deleted ones leave the index.</summary>
        public List<int> RewriteIds { get; } = [];

        public IDbContextTransaction? OwnedTransaction { get; set; }
    }
}
