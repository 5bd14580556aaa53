using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Content;
using SkillBridge.Core.Data;
using SkillBridge.Core.Media;
using SkillBridge.Core.Modules;

// In queries, string.ToUpper() becomes SQL UPPER(); the culture-aware overloads the analyzers want cannot be translated.
#pragma warning disable CA1304, CA1311, CA1862

namespace SkillBridge.Core.Paths;

/// <summary>
/// Curators build learning paths: create one, change its title, summary, cover and modules. Every change to a path that
/// has been published goes into its draft; learners keep seeing the published revision until <see cref="PathPublishing"/>
/// publishes the draft.
/// </summary>
public sealed class PathBuilder(SkillBridgeDbContext db, TimeProvider clock)
{
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 500;
    public const int PickerLimit = 20;

    /// <summary>Slugs the builder's own pages use under /paths.</summary>
    private static readonly string[] ReservedSlugs = ["new", "manage"];

    public async Task<List<PathListItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        var drafts = await db.LearningPathDrafts.AsNoTracking().ToDictionaryAsync(d => d.LearningPathId, cancellationToken);
        var paths = await db.LearningPaths.AsNoTracking()
            .Select(p => new
            {
                p.Id,
                p.Slug,
                p.Title,
                p.Status,
                Count = p.Modules.Count,
                Revision = db.LearningPathRevisions.Where(r => r.Id == p.PublishedRevisionId).Select(r => (int?)r.Number).FirstOrDefault(),
                p.PublishedAt,
            })
            .ToListAsync(cancellationToken);
        return [.. paths
            .Select(p => drafts.TryGetValue(p.Id, out var draft)
                ? new PathListItem(p.Slug, draft.Title, p.Status, true, draft.ModuleIds.Count, p.Revision, p.PublishedAt)
                : new PathListItem(p.Slug, p.Title, p.Status, false, p.Count, p.Revision, p.PublishedAt))
            .OrderBy(p => p.Status).ThenBy(p => p.Title, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async Task<PathResult<LearningPath>> CreateAsync(Actor actor, string? title, string? summary, CancellationToken cancellationToken = default)
    {
        if (!actor.IsCurator)
        {
            return PathResult<LearningPath>.Fail(PathFailure.Forbidden, "Only curators build learning paths.");
        }

        var problems = CheckDetails(title, summary);
        if (problems.Length > 0)
        {
            return PathResult<LearningPath>.Invalid(problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var path = new LearningPath { Slug = await FreeSlugAsync(title!, cancellationToken), Title = title!.Trim(), Summary = summary?.Trim() ?? "", CreatedAt = now };
        db.LearningPaths.Add(path);
        db.LearningPathDrafts.Add(new LearningPathDraft { LearningPath = path, Title = path.Title, Summary = path.Summary, UpdatedAt = now, UpdatedBy = actor.Username });
        await db.SaveChangesAsync(cancellationToken);
        return PathResult<LearningPath>.Ok(path);
    }

    /// <summary>The builder's view of a path: its draft when there is one, else what learners see.</summary>
    public async Task<PathBuilderView?> OpenAsync(string slug, CancellationToken cancellationToken = default)
    {
        var path = await db.LearningPaths.AsNoTracking().Include(p => p.Modules).Include(p => p.CoverMedia)
            .FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (path is null)
        {
            return null;
        }

        var draft = await db.LearningPathDrafts.AsNoTracking().Include(d => d.CoverMedia).FirstOrDefaultAsync(d => d.LearningPathId == path.Id, cancellationToken);
        var moduleIds = draft?.ModuleIds ?? [.. path.Modules.OrderBy(m => m.Position).Select(m => m.ModuleId)];
        var revisions = await db.LearningPathRevisions.AsNoTracking()
            .Where(r => r.LearningPathId == path.Id)
            .OrderByDescending(r => r.Number)
            .Select(r => new PathRevisionSummary(r.Number, r.Title, r.Modules.Count, r.CreatedAt, r.CreatedBy ?? "import", r.Source,
                r.Id == path.PublishedRevisionId && path.Status == PathStatus.Published))
            .ToListAsync(cancellationToken);
        var modules = await ModulesAsync(moduleIds, cancellationToken);
        return draft is null
            ? new PathBuilderView(path.Slug, path.Status, false, path.Title, path.Summary, path.CoverPath, path.CoverMedia?.FileName, modules, revisions)
            : new PathBuilderView(path.Slug, path.Status, true, draft.Title, draft.Summary, draft.CoverPath, draft.CoverMedia?.FileName, modules, revisions);
    }

    /// <summary>Published modules whose title or slug contains the text, for the picker; those already in the path are marked.</summary>
    public async Task<List<ModuleMatch>> SearchModulesAsync(PathBuilderView path, string? query, CancellationToken cancellationToken = default)
    {
        var text = query?.Trim() ?? "";
        if (text.Length == 0)
        {
            return [];
        }

        var inPath = path.Modules.Select(m => m.Slug).ToHashSet(StringComparer.Ordinal);
        var upper = text.ToUpperInvariant();
        var matches = await db.Modules.AsNoTracking()
            .Where(m => m.Status == ModuleStatus.Published && m.PublishedRevision != null
                && (m.PublishedRevision.Title.ToUpper().Contains(upper) || m.Slug.ToUpper().Contains(upper)))
            .OrderBy(m => m.PublishedRevision!.Title)
            .Take(PickerLimit)
            .Select(m => new { m.Slug, m.PublishedRevision!.Title, m.PublishedRevision.Minutes })
            .ToListAsync(cancellationToken);
        return [.. matches.Select(m => new ModuleMatch(m.Slug, m.Title, m.Minutes, inPath.Contains(m.Slug)))];
    }

    /// <summary>
    /// Saves the title and summary. <paramref name="loaded"/> is what the curator's form showed: when someone else has
    /// changed a field since (to something other than this save's value), nothing is saved and the problem says what it
    /// now reads, so two curators never silently overwrite each other's wording.
    /// </summary>
    public async Task<PathResult<LearningPathDraft>> SaveDetailsAsync(string slug, Actor actor, string? title, string? summary, PathDetails? loaded = null, CancellationToken cancellationToken = default)
    {
        var problems = CheckDetails(title, summary);
        if (problems.Length > 0)
        {
            return PathResult<LearningPathDraft>.Invalid(problems);
        }

        var (newTitle, newSummary) = (title!.Trim(), summary?.Trim() ?? "");
        return await ChangeAsync(slug, actor, draft =>
        {
            if (loaded is not null && draft.Title != loaded.Title.Trim() && draft.Title != newTitle)
            {
                return new PathProblem("Title", $"Someone else changed the title to \u201c{draft.Title}\u201d while you were editing. Your wording is still here: save again to use it.");
            }

            if (loaded is not null && draft.Summary != loaded.Summary.Trim() && draft.Summary != newSummary)
            {
                return new PathProblem("Summary", $"Someone else changed the summary to \u201c{draft.Summary}\u201d while you were editing. Your wording is still here: save again to use it.");
            }

            draft.Title = newTitle;
            draft.Summary = newSummary;
            return null;
        }, cancellationToken);
    }

    /// <summary>Makes an image stored through the media upload checks the draft's cover.</summary>
    public Task<PathResult<LearningPathDraft>> SetCoverAsync(string slug, Actor actor, MediaFile cover, string uploadedName, CancellationToken cancellationToken = default) =>
        ChangeAsync(slug, actor, draft =>
        {
            var name = Slug.FromTitle(Path.GetFileNameWithoutExtension(uploadedName));
            draft.CoverPath = $"images/{name}{ImageFormats.ExtensionFor(cover.ContentType)}";
            draft.CoverMediaFileId = cover.Id;
            return null;
        }, cancellationToken);

    public Task<PathResult<LearningPathDraft>> RemoveCoverAsync(string slug, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(slug, actor, draft =>
        {
            draft.CoverPath = null;
            draft.CoverMediaFileId = null;
            return null;
        }, cancellationToken);

    public async Task<PathResult<LearningPathDraft>> AddModuleAsync(string slug, Actor actor, string? moduleSlug, CancellationToken cancellationToken = default)
    {
        var module = await db.Modules.Where(m => m.Slug == moduleSlug && m.Status == ModuleStatus.Published && m.PublishedRevision != null)
            .Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);
        if (module is not { } id)
        {
            return PathResult<LearningPathDraft>.Invalid(new PathProblem("Module", "Choose a published module to add."));
        }

        return await ChangeAsync(slug, actor, draft =>
        {
            if (draft.ModuleIds.Contains(id))
            {
                return new PathProblem("Module", "That module is already in this path.");
            }

            draft.ModuleIds = [.. draft.ModuleIds, id];
            return null;
        }, cancellationToken);
    }

    public async Task<PathResult<LearningPathDraft>> RemoveModuleAsync(string slug, Actor actor, string? moduleSlug, CancellationToken cancellationToken = default)
    {
        var id = await ModuleIdAsync(moduleSlug, cancellationToken);
        return await ChangeAsync(slug, actor, draft =>
        {
            if (id is null || !draft.ModuleIds.Contains(id.Value))
            {
                return new PathProblem("Module", "That module is not in this path.");
            }

            draft.ModuleIds = [.. draft.ModuleIds.Where(m => m != id)];
            return null;
        }, cancellationToken);
    }

    /// <summary>Moves a module one place up (-1) or down (+1); at either end it stays where it is.</summary>
    public async Task<PathResult<LearningPathDraft>> MoveAsync(string slug, Actor actor, string? moduleSlug, int offset, CancellationToken cancellationToken = default)
    {
        var id = await ModuleIdAsync(moduleSlug, cancellationToken);
        return await ChangeAsync(slug, actor, draft =>
        {
            var order = draft.ModuleIds.ToList();
            var from = id is null ? -1 : order.IndexOf(id.Value);
            if (from < 0)
            {
                return new PathProblem("Module", "That module is not in this path.");
            }

            var to = Math.Clamp(from + Math.Sign(offset), 0, order.Count - 1);
            (order[from], order[to]) = (order[to], order[from]);
            draft.ModuleIds = order;
            return null;
        }, cancellationToken);
    }

    /// <summary>Puts the path's modules in the given order (dragging, with JavaScript); it must name each module once.</summary>
    public async Task<PathResult<LearningPathDraft>> ReorderAsync(string slug, Actor actor, IReadOnlyList<string> moduleSlugs, CancellationToken cancellationToken = default)
    {
        var ids = await db.Modules.Where(m => moduleSlugs.Contains(m.Slug)).ToDictionaryAsync(m => m.Slug, m => m.Id, StringComparer.Ordinal, cancellationToken);
        return await ChangeAsync(slug, actor, draft =>
        {
            if (moduleSlugs.Count != draft.ModuleIds.Count || !moduleSlugs.All(ids.ContainsKey)
                || !moduleSlugs.Select(s => ids[s]).Order().SequenceEqual(draft.ModuleIds.Order()))
            {
                return new PathProblem("Module", "The path changed meanwhile; look at the list again and move the module once more.");
            }

            draft.ModuleIds = [.. moduleSlugs.Select(s => ids[s])];
            return null;
        }, cancellationToken);
    }

    /// <summary>Throws away the draft of a path that has been published; learners' version is untouched.</summary>
    public async Task<PathResult<LearningPath>> DiscardDraftAsync(string slug, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsCurator)
        {
            return PathResult<LearningPath>.Fail(PathFailure.Forbidden, "Only curators build learning paths.");
        }

        var path = await db.LearningPaths.FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (path is null)
        {
            return PathResult<LearningPath>.Fail(PathFailure.NotFound, "There is no such path.");
        }

        var draft = await db.LearningPathDrafts.FirstOrDefaultAsync(d => d.LearningPathId == path.Id, cancellationToken);
        if (draft is null || path.PublishedRevisionId is null)
        {
            return PathResult<LearningPath>.Fail(PathFailure.WrongState, "There are no unpublished changes to throw away.");
        }

        db.LearningPathDrafts.Remove(draft);
        await db.SaveChangesAsync(cancellationToken);
        return PathResult<LearningPath>.Ok(path);
    }

    private async Task<int?> ModuleIdAsync(string? moduleSlug, CancellationToken cancellationToken) =>
        await db.Modules.Where(m => m.Slug == moduleSlug).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Opens the path's draft (starting one from the published path if needed), applies the change and saves. Every
    /// change is a small step (add, move, remove, set) applied to the draft as it is now: when another curator saved in
    /// between, the save is refused by the draft's version (or the one-draft-per-path index) and the step is applied
    /// again to their result, so neither change is lost.
    /// </summary>
    private async Task<PathResult<LearningPathDraft>> ChangeAsync(string slug, Actor actor, Func<LearningPathDraft, PathProblem?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ChangeOnceAsync(slug, actor, change, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<PathResult<LearningPathDraft>> ChangeOnceAsync(string slug, Actor actor, Func<LearningPathDraft, PathProblem?> change, CancellationToken cancellationToken)
    {
        if (!actor.IsCurator)
        {
            return PathResult<LearningPathDraft>.Fail(PathFailure.Forbidden, "Only curators build learning paths.");
        }

        var path = await db.LearningPaths.Include(p => p.Modules).FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (path is null)
        {
            return PathResult<LearningPathDraft>.Fail(PathFailure.NotFound, "There is no such path.");
        }

        if (path.Status == PathStatus.Archived)
        {
            return PathResult<LearningPathDraft>.Fail(PathFailure.WrongState, "This path is archived; it cannot be changed.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var draft = await db.LearningPathDrafts.FirstOrDefaultAsync(d => d.LearningPathId == path.Id, cancellationToken);
        if (draft is null)
        {
            draft = new LearningPathDraft
            {
                LearningPathId = path.Id,
                Title = path.Title,
                Summary = path.Summary,
                CoverPath = path.CoverPath,
                CoverMediaFileId = path.CoverMediaFileId,
                ModuleIds = [.. path.Modules.OrderBy(m => m.Position).Select(m => m.ModuleId)],
                UpdatedBy = actor.Username,
            };
            db.LearningPathDrafts.Add(draft);
        }

        if (change(draft) is { } problem)
        {
            db.ChangeTracker.Clear();
            return PathResult<LearningPathDraft>.Invalid(problem);
        }

        draft.UpdatedAt = now;
        draft.UpdatedBy = actor.Username;
        draft.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return PathResult<LearningPathDraft>.Ok(draft);
    }

    private async Task<List<BuilderModule>> ModulesAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var modules = await db.Modules.AsNoTracking()
            .Where(m => ids.Contains(m.Id))
            .Select(m => new
            {
                m.Id,
                m.Slug,
                m.Status,
                Title = m.PublishedRevision != null ? m.PublishedRevision.Title : m.Slug,
                Minutes = m.PublishedRevision != null ? m.PublishedRevision.Minutes : 0,
                HasRevision = m.PublishedRevision != null,
            })
            .ToDictionaryAsync(m => m.Id, cancellationToken);

        // A module deleted since it was added has no row any more; it simply drops out of the draft's list.
        return [.. ids.Where(modules.ContainsKey).Select(id => modules[id])
            .Select(m => new BuilderModule(m.Id, m.Slug, m.Title, m.Minutes, m.Status, m.Status == ModuleStatus.Published && m.HasRevision))];
    }

    private static PathProblem[] CheckDetails(string? title, string? summary)
    {
        var problems = new List<PathProblem>();
        if (string.IsNullOrWhiteSpace(title))
        {
            problems.Add(new("Title", "Give the path a title."));
        }
        else if (title.Trim().Length > MaxTitleLength)
        {
            problems.Add(new("Title", $"Keep the title under {MaxTitleLength} characters."));
        }
        else if (!SingleLineText.IsValid(title))
        {
            problems.Add(new("Title", SingleLineText.Problem("The title")));
        }

        if (summary is not null && summary.Trim().Length > MaxSummaryLength)
        {
            problems.Add(new("Summary", $"Keep the summary under {MaxSummaryLength} characters."));
        }
        else if (!SingleLineText.IsValid(summary))
        {
            problems.Add(new("Summary", SingleLineText.Problem("The summary")));
        }

        return [.. problems];
    }

    private async Task<string> FreeSlugAsync(string title, CancellationToken cancellationToken)
    {
        var stem = Slug.FromTitle(title);
        var taken = await db.LearningPaths.Where(p => p.Slug == stem || p.Slug.StartsWith(stem + "-")).Select(p => p.Slug).ToListAsync(cancellationToken);
        var candidate = stem;
        for (var n = 2; taken.Contains(candidate, StringComparer.Ordinal) || ReservedSlugs.Contains(candidate); n++)
        {
            candidate = $"{stem}-{n}";
        }

        return candidate;
    }
}

/// <summary>A path's title and summary as a curator's form showed them.</summary>
public sealed record PathDetails(string Title, string Summary);
