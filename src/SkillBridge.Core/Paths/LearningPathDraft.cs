using SkillBridge.Core.Media;

namespace SkillBridge.Core.Paths;

/// <summary>The next version of a path while a curator builds it; publishing turns it into a revision. One per path.</summary>
public sealed class LearningPathDraft
{
    public int Id { get; set; }

    public int LearningPathId { get; set; }

    public LearningPath LearningPath { get; set; } = null!;

    public required string Title { get; set; }

    public string Summary { get; set; } = "";

    public string? CoverPath { get; set; }

    public int? CoverMediaFileId { get; set; }

    public MediaFile? CoverMedia { get; set; }

    /// <summary>The modules in order, by id.</summary>
    public List<int> ModuleIds { get; set; } = [];

    public DateTime UpdatedAt { get; set; }

    /// <summary>Goes up with every save; a save that read an older version is refused and redone on the new one.</summary>
    public int Version { get; set; }

    public required string UpdatedBy { get; set; }
}
