namespace SkillBridge.Core.Accounts;

/// <summary>One thing that happened: who did what to what, and when (UTC).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>One of <see cref="AuditAction"/>.</summary>
    public required string Action { get; set; }

    /// <summary>The username of whoever did it; null for the site itself or an anonymous visitor.</summary>
    public string? Actor { get; set; }

    /// <summary>What it was done to: a username, an e-mail address, a module slug.</summary>
    public required string Subject { get; set; }

    public string? Details { get; set; }
}
