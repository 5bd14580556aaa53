using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Outbox;

/// <summary>Carries out one kind of outbox row (mail now; webhooks later). Throws when it did not happen.</summary>
public interface IOutboxDelivery
{
    string Kind { get; }

    Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>A row this sender holds until <see cref="ExpiresAt"/>.</summary>
internal sealed record OutboxClaim(long Id, string LeaseId, DateTime ExpiresAt);

/// <summary>
/// Sends due outbox rows. Each row is claimed with a conditional UPDATE that sets a lease (an id and an expiry), so two
/// senders, on one node or on several sharing the database, never hold the same row; a sender that dies leaves a lease
/// that expires, and another sender then claims the row again. A sender that dies after the server accepted a mail
/// but before recording it makes the next sender send it once more, with the same Message-ID; a row recorded as sent
/// is never claimed again. Failed attempts are retried after <see cref="RetryDelays"/>, then the row is marked failed.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxSender> logger) : IDisposable
{
    public static readonly IReadOnlyList<TimeSpan> RetryDelays =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(120)];

    /// <summary>Longer than any one delivery may take (<see cref="Mail.MailSender.Timeout"/>).</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A sender that stops after the server accepted a message makes the next one send it once more (same Message-ID).
    /// If that sender stops too, the message is marked failed instead of risking a third copy; an admin can retry it.
    /// </summary>
    public const int MaxInterruptedSends = 1;

    public const string InterruptedMessage =
        "Two senders stopped while sending this, so it may already have arrived. It is not sent again automatically: use Retry if the recipient did not get it.";

    /// <summary>Sent rows are deleted this long after sending.</summary>
    public static readonly TimeSpan KeepSent = TimeSpan.FromDays(30);

    private const int BatchSize = 20;

    // One pass at a time per sender: a wake-up during a pass waits for it rather than racing it for the same rows.
    private readonly SemaphoreSlim _pass = new(1, 1);

    /// <summary>Sends every row that is due now; returns how many were delivered.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            var delivered = 0;
            while (true)
            {
                var claims = await ClaimAsync(BatchSize, cancellationToken);
                foreach (var claim in claims)
                {
                    if (await DeliverAsync(claim, cancellationToken))
                    {
                        delivered++;
                    }
                }

                if (claims.Count < BatchSize)
                {
                    return delivered;
                }
            }
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <summary>Claims up to <paramref name="limit"/> due rows that no live lease holds.</summary>
    internal async Task<IReadOnlyList<OutboxClaim>> ClaimAsync(int limit, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        var now = Now;
        var candidates = await Due(db.OutboxMessages, now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        var claims = new List<OutboxClaim>();
        foreach (var id in candidates)
        {
            var lease = Guid.NewGuid().ToString("N");
            var expires = now + LeaseDuration;

            // The WHERE repeats the due test: of two senders racing for the row, only the first UPDATE matches it.
            var claimed = await Due(db.OutboxMessages.Where(m => m.Id == id), now)
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(m => m.LeaseId, lease)
                        .SetProperty(m => m.LeaseExpiresAt, expires)

                        // A lease still set was never released: the sender holding it stopped mid-send.
                        .SetProperty(m => m.InterruptedSends, m => m.LeaseId != null ? m.InterruptedSends + 1 : m.InterruptedSends),
                    cancellationToken);
            if (claimed == 1)
            {
                claims.Add(new OutboxClaim(id, lease, expires));
            }
        }

        return claims;
    }

    /// <summary>Delivers a claimed row and records the outcome; true when delivered.</summary>
    internal async Task<bool> DeliverAsync(OutboxClaim claim, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        var message = await db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == claim.Id && m.LeaseId == claim.LeaseId, cancellationToken);
        if (message is null)
        {
            return false;
        }

        if (message.InterruptedSends > MaxInterruptedSends)
        {
            await db.OutboxMessages.Where(m => m.Id == claim.Id && m.LeaseId == claim.LeaseId).ExecuteUpdateAsync(
                set => set
                    .SetProperty(m => m.State, OutboxState.Failed)
                    .SetProperty(m => m.LastError, InterruptedMessage)
                    .SetProperty(m => m.LeaseId, (string?)null)
                    .SetProperty(m => m.LeaseExpiresAt, (DateTime?)null),
                CancellationToken.None);
            logger.LogError("Outbox message {Id} ({Kind} to {Recipient}) marked failed: two senders stopped while sending it", message.Id, message.Kind, message.Recipient);
            return false;
        }

        string? error;
        if (message.Payload is null)
        {
            error = "Its content was removed before it could be sent (the link in it had expired).";
        }
        else if (scope.ServiceProvider.GetServices<IOutboxDelivery>().FirstOrDefault(d => d.Kind == message.Kind) is not { } delivery)
        {
            error = $"Nothing on this site delivers outbox messages of kind \"{message.Kind}\".";
        }
        else
        {
            try
            {
                await delivery.DeliverAsync(message, cancellationToken);
                error = null;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Anything the server or the network throws is this row's failure, not the sender's: record it and go on.
                logger.LogWarning(exception, "Could not send outbox message {Id} ({Kind} to {Recipient}), attempt {Attempt}", message.Id, message.Kind, message.Recipient, message.Attempts + 1);
                error = exception.Message;
            }
        }

        var now = Now;
        var mine = db.OutboxMessages.Where(m => m.Id == claim.Id && m.LeaseId == claim.LeaseId);
        if (error is null)
        {
            await mine.ExecuteUpdateAsync(
                set => set
                    .SetProperty(m => m.State, OutboxState.Sent)
                    .SetProperty(m => m.SentAt, now)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.Payload, m => m.RemovePayloadWhenSent ? null : m.Payload)
                    .SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.LeaseId, (string?)null)
                    .SetProperty(m => m.LeaseExpiresAt, (DateTime?)null),
                CancellationToken.None);
            return true;
        }

        var attempts = message.Attempts + 1;
        var failed = message.Payload is null || attempts > RetryDelays.Count;
        var next = failed ? message.NextAttemptAt : now + RetryDelays[attempts - 1];
        var lastError = error.Length > OutboxMessage.LastErrorMaxLength ? error[..OutboxMessage.LastErrorMaxLength] : error;
        await mine.ExecuteUpdateAsync(
            set => set
                .SetProperty(m => m.State, failed ? OutboxState.Failed : OutboxState.Pending)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastError, lastError)
                .SetProperty(m => m.LeaseId, (string?)null)
                .SetProperty(m => m.LeaseExpiresAt, (DateTime?)null),
            CancellationToken.None);
        if (failed)
        {
            logger.LogError("Outbox message {Id} ({Kind} to {Recipient}) failed after {Attempts} attempts: {Error}", message.Id, message.Kind, message.Recipient, attempts, lastError);
        }

        return false;
    }

    /// <summary>
    /// Removes what the outbox should no longer hold: the body of a mail whose secret has expired (the row is marked
    /// failed if it was still unsent), and sent rows older than <see cref="KeepSent"/>.
    /// </summary>
    public async Task PurgeAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        var now = Now;
        await db.OutboxMessages
            .Where(m => m.State != OutboxState.Sent && m.Payload != null && m.PayloadExpiresAt != null && m.PayloadExpiresAt <= now && (m.LeaseExpiresAt == null || m.LeaseExpiresAt <= now))
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(m => m.Payload, (string?)null)
                    .SetProperty(m => m.State, OutboxState.Failed)
                    .SetProperty(m => m.LastError, "The link in it expired before it could be sent, so its content was removed."),
                cancellationToken);
        var sentBefore = now - KeepSent;
        await db.OutboxMessages.Where(m => m.State == OutboxState.Sent && m.SentAt <= sentBefore).ExecuteDeleteAsync(cancellationToken);
    }

    public void Dispose() => _pass.Dispose();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static IQueryable<OutboxMessage> Due(IQueryable<OutboxMessage> rows, DateTime now) =>
        rows.Where(m => m.State == OutboxState.Pending && m.NextAttemptAt <= now && (m.LeaseExpiresAt == null || m.LeaseExpiresAt <= now));
}
