namespace SkillBridge.Core.Accounts;

/// <summary>
/// A one-time link an admin made for someone who forgot their password on a site that sends no mail. Only a hash of
/// its token is kept; it works once, for <see cref="ValidFor"/>.
/// </summary>
public sealed class PasswordResetLink
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromHours(24);

    public int Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>SHA-256 of the token, hex.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The username of the admin who made it.</summary>
    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }
}
