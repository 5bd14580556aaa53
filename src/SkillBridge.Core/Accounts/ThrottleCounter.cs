namespace SkillBridge.Core.Accounts;

/// <summary>
/// How many times something happened for one key (a failed sign-in for an account from one client address, a reset mail
/// to one address, ...) in a fixed window. Kept in the database so that every web node sees the same counts.
/// </summary>
public sealed class ThrottleCounter
{
    /// <summary>What is counted, e.g. <c>sign-in:client:{account}@{address}</c>; see <see cref="ThrottleKeys"/>.</summary>
    public required string Key { get; set; }

    public int Count { get; set; }

    /// <summary>When this window ends (UTC); the next hit after it starts a new window at 1.</summary>
    public DateTime WindowEndsAt { get; set; }
}
