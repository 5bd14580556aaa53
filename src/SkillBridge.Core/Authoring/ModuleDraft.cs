using SkillBridge.Core.Catalogue;
using SkillBridge.Core.Media;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Authoring;

/// <summary>
/// The next version of a module while it is written and reviewed; at most one per module. Publishing turns it into an
/// immutable <see cref="ModuleRevision"/> and removes it; the published revision stays live until then.
/// </summary>
public sealed class ModuleDraft
{
    public int Id { get; set; }

    public int ModuleId { get; set; }

    public Module Module { get; set; } = null!;

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public int? CategoryId { get; set; }

    public Category? Category { get; set; }

    public List<string> Tags { get; set; } = [];

    public ModuleLevel Level { get; set; }

    public int Minutes { get; set; }

    /// <summary>Path of the cover image, as in the content format (images/cover.png).</summary>
    public string? Cover { get; set; }

    public string Body { get; set; } = "";

    /// <summary>Usernames of the people credited, in order.</summary>
    public List<string> Authors { get; set; } = [];

    /// <summary>The published revision this draft started from, if any.</summary>
    public int? BasedOnRevisionId { get; set; }

    public DraftState State { get; set; } = DraftState.Editing;

    public DateTime? SubmittedAt { get; set; }

    /// <summary>When a scheduled draft is due to be published (UTC).</summary>
    public DateTime? ScheduledFor { get; set; }

    /// <summary>The curator who scheduled it; the revision is credited to them.</summary>
    public string? ScheduledBy { get; set; }

    /// <summary>Set by the one web node that claimed a due schedule, so no other node publishes it too.</summary>
    public DateTime? ScheduleClaimedAt { get; set; }

    /// <summary>Why the last scheduled publish failed; shown in the review queue until someone acts.</summary>
    public string? ScheduleProblem { get; set; }

    /// <summary>Goes up by one on every save; a save based on an older version is refused (two people editing).</summary>
    public int Version { get; set; } = 1;

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    public List<DraftImage> Images { get; } = [];
}

public enum DraftState
{
    Editing,
    InReview,
    ChangesRequested,
    Scheduled,
}

/// <summary>An image uploaded into a draft, named by the path its Markdown uses (images/screenshot-1.png).</summary>
public sealed class DraftImage
{
    public int DraftId { get; set; }

    public required string Path { get; set; }

    public int MediaFileId { get; set; }

    public MediaFile MediaFile { get; set; } = null!;
}
