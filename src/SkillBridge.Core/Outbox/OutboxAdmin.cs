using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Outbox;

public sealed record OutboxEntry(long Id, string Kind, string Recipient, string Summary, OutboxState State, int Attempts, string? LastError, DateTime CreatedAt, DateTime NextAttemptAt, bool Sending);

public enum OutboxRetryStatus
{
    Due,
    NotFound,
    NotFailed,

    /// <summary>Its content was removed (an expired reset link): sending it again cannot help.</summary>
    ContentRemoved,
}

/// <summary>What Admin › Mail shows and does: the queued and failed rows, and Retry for a failed one.</summary>
public sealed class OutboxAdmin(SkillBridgeDbContext db, OutboxSignal signal, TimeProvider clock)
{
    public const int ListLimit = 200;

    /// <summary>Failed rows first, then queued ones, oldest first within each.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> ListUnsentAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => m.State != OutboxState.Sent)
            .OrderByDescending(m => m.State).ThenBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Take(ListLimit)
            .Select(m => new OutboxEntry(m.Id, m.Kind, m.Recipient, m.Summary, m.State, m.Attempts, m.LastError, m.CreatedAt, m.NextAttemptAt, m.LeaseExpiresAt != null && m.LeaseExpiresAt > now))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Makes a failed row due now; the sender tries it once more (and retries it again if that fails).</summary>
    public async Task<OutboxRetryStatus> RetryAsync(long id, CancellationToken cancellationToken = default)
    {
        var row = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.State, HasPayload = m.Payload != null }).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return OutboxRetryStatus.NotFound;
        }

        if (!row.HasPayload)
        {
            return OutboxRetryStatus.ContentRemoved;
        }

        var now = clock.GetUtcNow().UtcDateTime;

        // Attempts start again, so the row gets the whole series of retries.
        var changed = await db.OutboxMessages.Where(m => m.Id == id && m.State == OutboxState.Failed && m.Payload != null)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.State, OutboxState.Pending).SetProperty(m => m.NextAttemptAt, now).SetProperty(m => m.Attempts, 0).SetProperty(m => m.InterruptedSends, 0), cancellationToken);
        if (changed == 0)
        {
            return OutboxRetryStatus.NotFailed;
        }

        signal.Pulse();
        return OutboxRetryStatus.Due;
    }
}
