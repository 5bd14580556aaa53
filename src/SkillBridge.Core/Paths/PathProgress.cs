namespace SkillBridge.Core.Paths;

/// <summary>
/// A learner on a path: since they started it (the path page's Start path button) and, once every available module of
/// the path was completed, when they completed it. <see cref="CompletedAt"/> is set once and never cleared or moved,
/// so a module added to the path later does not take the completion (or the certificate) away.
/// </summary>
public sealed class PathProgress
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public int LearningPathId { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? CompletedAt { get; set; }
}
