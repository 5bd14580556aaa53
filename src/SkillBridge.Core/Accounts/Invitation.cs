namespace SkillBridge.Core.Accounts;

/// <summary>A one-time link an admin sent to someone so they can create their account. Only a hash of its token is kept.</summary>
public sealed class Invitation
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(7);

    public int Id { get; set; }

    public required string Email { get; set; }

    /// <summary>The username the admin chose, if any; otherwise the invited person picks one.</summary>
    public string? Username { get; set; }

    /// <summary>SHA-256 of the token, hex.</summary>
    public required string TokenHash { get; set; }

    public required string InvitedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? AcceptedAt { get; set; }

    /// <summary>The name the admin gave; the invited person sees it filled in and may correct it.</summary>
    public string? Name { get; set; }

    /// <summary>The roles the account gets on accepting, space-separated (see <see cref="Accounts.Roles"/>).</summary>
    public string? Roles { get; set; }

    /// <summary>When an admin took the invitation back; its link no longer works.</summary>
    public DateTime? RevokedAt { get; set; }

    public IReadOnlyList<string> RoleList =>
        (Roles ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(Accounts.Roles.IsKnown).ToList();
}
