using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Authoring;

/// <summary>
/// One message in a module's review conversation: a curator asking for changes, or a reply from a curator or an author.
/// The conversation is shown oldest first, so each reply follows what it answers.
/// </summary>
public sealed class ReviewComment
{
    public const int TextMaxLength = 4000;

    public int Id { get; set; }

    public int ModuleId { get; set; }

    public Module Module { get; set; } = null!;

    public required string Author { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// On a curator's request for changes: the draft as they reviewed it (JSON of <see cref="ReviewedContent"/>), so the
    /// resubmission can be compared with what they saw. Null on replies.
    /// </summary>
    public string? ReviewedContent { get; set; }

    /// <summary>True when this comment asked for changes (rather than replying).</summary>
    public bool IsChangeRequest => ReviewedContent is not null;
}
