namespace SkillBridge.Core.Modules;

/// <summary>A module: a short lesson with steps, always linked to its authors. Its content lives in revisions.</summary>
public sealed class Module
{
    public int Id { get; set; }

    /// <summary>Fixed once the module is first published.</summary>
    public required string Slug { get; set; }

    public ModuleStatus Status { get; set; } = ModuleStatus.Draft;

    public DateTime CreatedAt { get; set; }

    public int? PublishedRevisionId { get; set; }

    public ModuleRevision? PublishedRevision { get; set; }

    public DateTime? PublishedAt { get; set; }

    /// <summary>The revision the last import wrote, so a later import can tell whether the site changed the module since.</summary>
    public int? LastImportedRevisionId { get; set; }

    public List<ModuleRevision> Revisions { get; } = [];
}
