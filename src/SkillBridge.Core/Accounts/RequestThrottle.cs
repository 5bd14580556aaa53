using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Accounts;

/// <summary>The count for a key after a hit, and when its window ends.</summary>
public sealed record ThrottleState(int Count, DateTime WindowEndsAt)
{
    public TimeSpan RetryAfter(DateTimeOffset now) => WindowEndsAt > now.UtcDateTime ? WindowEndsAt - now.UtcDateTime : TimeSpan.Zero;
}

/// <summary>
/// Fixed-window counters in the ThrottleCounters table. A hit is one upsert that returns the new count, so two web nodes
/// (or two requests) counting the same key at once never lose a hit; a window does not grow with further hits.
/// </summary>
public sealed class RequestThrottle(SkillBridgeDbContext db, TimeProvider clock)
{
    /// <summary>Counts one hit for the key and returns the count in the current window, this hit included.</summary>
    public async Task<ThrottleState> HitAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var endsAt = now + window;

        // Both engines take INSERT … ON CONFLICT DO UPDATE … RETURNING; SET expressions read the row as it was.
        var rows = await db.Database.SqlQuery<ThrottleState>($"""
            INSERT INTO "ThrottleCounters" ("Key", "Count", "WindowEndsAt") VALUES ({key}, 1, {endsAt})
            ON CONFLICT ("Key") DO UPDATE SET
                "Count" = CASE WHEN "ThrottleCounters"."WindowEndsAt" <= {now} THEN 1 ELSE "ThrottleCounters"."Count" + 1 END,
                "WindowEndsAt" = CASE WHEN "ThrottleCounters"."WindowEndsAt" <= {now} THEN {endsAt} ELSE "ThrottleCounters"."WindowEndsAt" END
            RETURNING "Count", "WindowEndsAt"
            """).ToListAsync(cancellationToken);
        var state = rows.Single();
        return state with { WindowEndsAt = DateTime.SpecifyKind(state.WindowEndsAt, DateTimeKind.Utc) };
    }

    /// <summary>The count in the current window without counting a hit (0 when there is none).</summary>
    public async Task<ThrottleState> PeekAsync(string key, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.Set<ThrottleCounter>().AsNoTracking()
            .Where(c => c.Key == key && c.WindowEndsAt > now)
            .Select(c => new ThrottleState(c.Count, c.WindowEndsAt))
            .FirstOrDefaultAsync(cancellationToken);
        return row ?? new ThrottleState(0, now);
    }

    public Task<int> ResetAsync(string key, CancellationToken cancellationToken = default) =>
        db.Set<ThrottleCounter>().Where(c => c.Key == key).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Removes every counter whose key starts with the prefix (e.g. all clients' counts for one account).</summary>
    public Task<int> ResetAllAsync(string keyPrefix, CancellationToken cancellationToken = default) =>
        db.Set<ThrottleCounter>().Where(c => c.Key.StartsWith(keyPrefix)).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Windows that ended are worth nothing; names tried by an attacker must not pile up.</summary>
    public Task<int> PurgeEndedAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<ThrottleCounter>().Where(c => c.WindowEndsAt <= now).ExecuteDeleteAsync(cancellationToken);
    }
}
