using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Paths;

/// <summary>A row of the curators' list of paths.</summary>
public sealed record PathListItem(string Slug, string Title, PathStatus Status, bool HasDraft, int ModuleCount, int? RevisionNumber, DateTime? PublishedAt);

/// <summary>A module in the builder. Unavailable ones (unpublished or archived) stay in the path but learners do not see them.</summary>
public sealed record BuilderModule(int Id, string Slug, string Title, int Minutes, ModuleStatus Status, bool Available);

public sealed record PathRevisionSummary(int Number, string Title, int ModuleCount, DateTime CreatedAt, string CreatedBy, RevisionSource Source, bool IsPublished);

/// <summary>A module the picker offers: published, matching the search.</summary>
public sealed record ModuleMatch(string Slug, string Title, int Minutes, bool InPath);

/// <summary>What the builder shows: the draft when there is one, else the published path.</summary>
public sealed record PathBuilderView(
    string Slug,
    PathStatus Status,
    bool HasDraft,
    string Title,
    string Summary,
    string? CoverPath,
    string? CoverFileName,
    IReadOnlyList<BuilderModule> Modules,
    IReadOnlyList<PathRevisionSummary> Revisions)
{
    /// <summary>Minutes of the modules learners can take; unavailable ones do not count.</summary>
    public int TotalMinutes => Modules.Where(m => m.Available).Sum(m => m.Minutes);

    public IReadOnlyList<BuilderModule> Unavailable => [.. Modules.Where(m => !m.Available)];

    public int? PublishedRevision => Revisions.FirstOrDefault(r => r.IsPublished)?.Number;
}
