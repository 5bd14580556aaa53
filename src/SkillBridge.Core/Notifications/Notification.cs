namespace SkillBridge.Core.Notifications;

/// <summary>A short in-app message to one account, with a link to what it is about.</summary>
public sealed class Notification
{
    public const int TextMaxLength = 500;
    public const int LinkMaxLength = 300;

    public int Id { get; set; }

    public required string UserId { get; set; }

    public required string Text { get; set; }

    /// <summary>A path on this site, e.g. /mentoring/12.</summary>
    public required string Link { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }

    /// <summary>Waiting to go out in the recipient's daily review digest mail (<see cref="ReviewDigest"/>).</summary>
    public bool MailDigestPending { get; set; }
}
