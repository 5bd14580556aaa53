using SkillBridge.Core.Media;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Paths;

/// <summary>One published version of a path: what it held, who published it and when. Never changed afterwards.</summary>
public sealed class LearningPathRevision
{
    public int Id { get; set; }

    public int LearningPathId { get; set; }

    public int Number { get; set; }

    public required string Title { get; set; }

    public string Summary { get; set; } = "";

    public string? CoverPath { get; set; }

    public int? CoverMediaFileId { get; set; }

    public MediaFile? CoverMedia { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The curator who published it; null when an import wrote it.</summary>
    public string? CreatedBy { get; set; }

    public RevisionSource Source { get; set; }

    public List<LearningPathRevisionModule> Modules { get; } = [];
}

public sealed class LearningPathRevisionModule
{
    public int RevisionId { get; set; }

    public int Position { get; set; }

    public int ModuleId { get; set; }
}
