using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Paths;

/// <summary>An ordered list of modules that belong together.</summary>
public sealed class LearningPath
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Title { get; set; }

    public string Summary { get; set; } = "";

    public List<LearningPathModule> Modules { get; } = [];
}

public sealed class LearningPathModule
{
    public int LearningPathId { get; set; }

    public int ModuleId { get; set; }

    public Module Module { get; set; } = null!;

    public int Position { get; set; }

    /// <summary>
    /// When the module entered the published list of this path (UTC); kept when a later revision of the path keeps
    /// the module. Learners who completed the path before this see the module as "New in this path".
    /// </summary>
    public DateTime AddedAt { get; set; }
}
