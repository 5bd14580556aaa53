namespace SkillBridge.Core.Accounts;

/// <summary>
/// One signed-in browser. Its id travels in the sign-in cookie; deleting the row signs that browser out on its next request
/// (within the one-second cache of <see cref="UserSessions"/>).
/// </summary>
public sealed class UserSession
{
    /// <summary>Random, 32 hex digits.</summary>
    public required string Id { get; set; }

    public required string UserId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Updated at most every <see cref="UserSessions.LastSeenPrecision"/>, so a request is a read, not a write.</summary>
    public DateTime LastSeenAt { get; set; }

    /// <summary>The client address at sign-in (as the site saw it, after trusted proxies).</summary>
    public string? ClientAddress { get; set; }

    /// <summary>"Firefox on Windows": a summary of the browser's User-Agent, not the whole string.</summary>
    public string? Browser { get; set; }
}
