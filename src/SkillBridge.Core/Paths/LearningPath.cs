using SkillBridge.Core.Media;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Paths;

/// <summary>An ordered list of modules that belong together. Title, summary, cover and modules are the published ones.</summary>
public sealed class LearningPath
{
    public int Id { get; set; }

    /// <summary>Fixed when the path is created.</summary>
    public required string Slug { get; set; }

    public required string Title { get; set; }

    public string Summary { get; set; } = "";

    public PathStatus Status { get; set; } = PathStatus.Draft;

    /// <summary>The cover as the content format names it, relative to paths/ (e.g. images/first-week.png).</summary>
    public string? CoverPath { get; set; }

    public int? CoverMediaFileId { get; set; }

    public MediaFile? CoverMedia { get; set; }

    public DateTime CreatedAt { get; set; }

    public int? PublishedRevisionId { get; set; }

    public DateTime? PublishedAt { get; set; }

    /// <summary>The revision the last import wrote, so a later import can tell whether the site changed the path since.</summary>
    public int? LastImportedRevisionId { get; set; }

    /// <summary>The published module order: what learners see.</summary>
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
