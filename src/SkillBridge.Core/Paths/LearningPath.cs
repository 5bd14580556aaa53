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
}
