using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Accounts;

/// <summary>A session as Settings lists it.</summary>
public sealed record SessionSummary(string Id, DateTime CreatedAt, DateTime LastSeenAt, string? ClientAddress, string? Browser);

/// <summary>
/// Sessions as database rows: started at sign-in, checked on every request (one read by primary key, then cached on this
/// node for at most <see cref="CacheFor"/>), ended by signing out, by "Sign out everywhere", or for all of a person's
/// browsers when their password changes, an admin locks the account or a role is removed.
/// </summary>
public sealed class UserSessions(SkillBridgeDbContext db, IMemoryCache cache, TimeProvider clock)
{
    /// <summary>The claim in the sign-in cookie that names the session.</summary>
    public const string Claim = "skillbridge:session";

    /// <summary>How long a node trusts what it read: another node's sign-out takes effect here within this time.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(1);

    /// <summary>
    /// When the memory cache drops an entry. Its own clock is the system's, so it only frees memory; whether an entry is
    /// still fresh is decided by <see cref="CacheFor"/> on the injected clock.
    /// </summary>
    private static readonly TimeSpan EvictAfter = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(5);

    /// <summary>The cookie's own lifetime (14 days, sliding): a session not seen for longer is over.</summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromDays(14);

    public async Task<string> StartAsync(string userId, string? clientAddress, string? userAgent, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new UserSession
        {
            Id = RandomNumberGenerator.GetHexString(32, lowercase: true),
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,
            ClientAddress = clientAddress is { Length: > 64 } ? clientAddress[..64] : clientAddress,
            Browser = BrowserSummary.Of(userAgent),
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(session).State = EntityState.Detached;

        // Sessions whose cookie has expired anyway; one indexed delete for this person, at the moment a new one starts.
        var idleSince = now - IdleLimit;
        await db.UserSessions.Where(s => s.UserId == userId && s.LastSeenAt < idleSince).ExecuteDeleteAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>Whether the session exists and belongs to the user: at most one read per node per second.</summary>
    public async Task<bool> IsActiveAsync(string sessionId, string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var key = CacheKey(sessionId);
        if (cache.TryGetValue(key, out CachedSession? cached) && cached is not null && now - cached.ReadAt < CacheFor)
        {
            return cached.UserId == userId;
        }

        var row = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == sessionId)
            .Select(s => new { s.UserId, s.LastSeenAt })
            .FirstOrDefaultAsync(cancellationToken);
        var nowUtc = now.UtcDateTime;
        if (row is null || row.LastSeenAt < nowUtc - IdleLimit)
        {
            cache.Set(key, new CachedSession(null, now), EvictAfter);
            return false;
        }

        if (nowUtc - row.LastSeenAt >= LastSeenPrecision)
        {
            await db.UserSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, nowUtc), cancellationToken);
        }

        // The absolute expiry is on the system clock; the ReadAt check above applies the site's TimeProvider as well.
        cache.Set(key, new CachedSession(row.UserId, now), EvictAfter);
        return row.UserId == userId;
    }

    public async Task<IReadOnlyList<SessionSummary>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        var idleSince = clock.GetUtcNow().UtcDateTime - IdleLimit;
        return await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.LastSeenAt >= idleSince)
            .OrderByDescending(s => s.LastSeenAt).ThenByDescending(s => s.CreatedAt)
            .Select(s => new SessionSummary(s.Id, s.CreatedAt, s.LastSeenAt, s.ClientAddress, s.Browser))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Ends one session of this user; false when there is no such session of theirs.</summary>
    public async Task<bool> EndAsync(string userId, string sessionId, CancellationToken cancellationToken = default)
    {
        var deleted = await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        cache.Remove(CacheKey(sessionId));
        return deleted > 0;
    }

    /// <summary>Ends every session of the user except <paramref name="keep"/> (the browser that asked, when it should stay signed in).</summary>
    public async Task<int> EndAllAsync(string userId, string? keep = null, CancellationToken cancellationToken = default)
    {
        var ids = await db.UserSessions.Where(s => s.UserId == userId && s.Id != keep).Select(s => s.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        var deleted = await db.UserSessions.Where(s => s.UserId == userId && s.Id != keep).ExecuteDeleteAsync(cancellationToken);

        // This node forgets at once; other nodes within CacheFor.
        foreach (var id in ids)
        {
            cache.Remove(CacheKey(id));
        }

        return deleted;
    }

    /// <summary>Sessions not seen for longer than the cookie lives; their cookies have expired anyway.</summary>
    public Task<int> PurgeIdleAsync(CancellationToken cancellationToken = default)
    {
        var idleSince = clock.GetUtcNow().UtcDateTime - IdleLimit;
        return db.UserSessions.Where(s => s.LastSeenAt < idleSince).ExecuteDeleteAsync(cancellationToken);
    }

    private static string CacheKey(string sessionId) => "session:" + sessionId;

    private sealed record CachedSession(string? UserId, DateTimeOffset ReadAt);
}
