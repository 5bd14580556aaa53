using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Outbox;

/// <summary>Wakes the sender when new rows are committed, so mail goes out at once rather than at the next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _pulse = new(0, 1);

    public void Pulse()
    {
        // At most one pending wake-up: several commits before the sender looks need only one pass.
        try
        {
            _pulse.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => _pulse.WaitAsync(cancellationToken);

    public void Dispose() => _pulse.Dispose();
}

/// <summary>
/// Pulses <see cref="OutboxSignal"/> once a save that added outbox rows is committed: right after the save, or, inside
/// an explicit transaction, when that commits (before then the sender could not see the rows).
/// </summary>
public sealed class OutboxInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSave(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => AfterCommit(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AfterCommit(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void AfterSave(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is SkillBridgeDbContext { OutboxRowsAdded: true } db && db.Database.CurrentTransaction is null)
        {
            db.OutboxRowsAdded = false;
            signal.Pulse();
        }
    }

    private void AfterCommit(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is SkillBridgeDbContext { OutboxRowsAdded: true } db)
        {
            db.OutboxRowsAdded = false;
            signal.Pulse();
        }
    }

    private static void Forget(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is SkillBridgeDbContext db)
        {
            db.OutboxRowsAdded = false;
        }
    }
}
