using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Content;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Modules;

public sealed record RevisionSummary(int Number, string Title, DateTime CreatedAt, string CreatedBy, RevisionSource Source, bool IsPublished, string? PublishNote);

public enum DiffLineKind
{
    Unchanged,
    Added,
    Removed,
}

public sealed record DiffLine(DiffLineKind Kind, string Text);

/// <summary>A module's revisions: who published what and when, what changed between two, and restoring one as the draft.</summary>
public sealed class ModuleHistory(SkillBridgeDbContext db, DraftEditor drafts, TimeProvider clock)
{
    /// <summary>Whether the actor may see and restore this module's history: its authors (published or drafting) and curators.</summary>
    public async Task<bool> MayViewAsync(string slug, Actor actor, CancellationToken cancellationToken = default)
    {
        if (actor.IsCurator)
        {
            return true;
        }

        var published = await db.Modules.Where(m => m.Slug == slug && m.PublishedRevision != null)
            .SelectMany(m => m.PublishedRevision!.Authors.Select(a => a.Person.Username)).ToListAsync(cancellationToken);
        var drafting = await db.ModuleDrafts.Where(d => d.Module.Slug == slug).Select(d => d.Authors).FirstOrDefaultAsync(cancellationToken) ?? [];
        return actor.MayEdit(published.Concat(drafting));
    }

    public async Task<ModuleStatus?> StatusAsync(string slug, CancellationToken cancellationToken = default) =>
        await db.Modules.Where(m => m.Slug == slug).Select(m => (ModuleStatus?)m.Status).FirstOrDefaultAsync(cancellationToken);

    public async Task<List<RevisionSummary>?> ListAsync(string slug, CancellationToken cancellationToken = default)
    {
        var module = await db.Modules.AsNoTracking().Where(m => m.Slug == slug).Select(m => new { m.Id, m.PublishedRevisionId, m.Status }).FirstOrDefaultAsync(cancellationToken);
        if (module is null)
        {
            return null;
        }

        return await db.ModuleRevisions.AsNoTracking()
            .Where(r => r.ModuleId == module.Id)
            .OrderByDescending(r => r.Number)
            .Select(r => new RevisionSummary(r.Number, r.Title, r.CreatedAt, r.CreatedBy ?? "import", r.Source, r.Id == module.PublishedRevisionId && module.Status == ModuleStatus.Published, r.PublishNote))
            .ToListAsync(cancellationToken);
    }

    /// <summary>A line-by-line diff of two revisions in the content format, so metadata changes show as well as text.</summary>
    public async Task<List<DiffLine>?> DiffAsync(string slug, int fromNumber, int toNumber, CancellationToken cancellationToken = default)
    {
        var revisions = await LoadAsync(slug, [fromNumber, toNumber], cancellationToken);
        if (revisions.Count != (fromNumber == toNumber ? 1 : 2))
        {
            return null;
        }

        var from = ContentExporter.ToCanonical(revisions.First(r => r.Number == fromNumber)).ToText();
        var to = ContentExporter.ToCanonical(revisions.First(r => r.Number == toNumber)).ToText();
        return Diff(from, to);
    }

    /// <summary>A line-by-line diff of two texts (the raw source view).</summary>
    internal static List<DiffLine> Diff(string from, string to) =>
        new InlineDiffBuilder(new Differ()).BuildDiffModel(from, to, ignoreWhitespace: false).Lines
            .Select(line => new DiffLine(
                line.Type switch
                {
                    ChangeType.Inserted => DiffLineKind.Added,
                    ChangeType.Deleted => DiffLineKind.Removed,
                    _ => DiffLineKind.Unchanged,
                },
                line.Text))
            .ToList();

    /// <summary>What the draft in review changes compared with the published revision (everything is new for a first version).</summary>
    public async Task<List<DiffLine>?> DiffDraftAsync(string slug, CancellationToken cancellationToken = default)
    {
        var draft = await db.ModuleDrafts.AsNoTracking().Include(d => d.Module).Include(d => d.Category)
            .FirstOrDefaultAsync(d => d.Module.Slug == slug, cancellationToken);
        if (draft is null)
        {
            return null;
        }

        var published = draft.Module.PublishedRevisionId is { } id
            ? (await LoadAsync(slug, [await db.ModuleRevisions.Where(r => r.Id == id).Select(r => r.Number).FirstAsync(cancellationToken)], cancellationToken)).Single()
            : null;
        var before = published is null ? "" : ContentExporter.ToCanonical(published).ToText();
        var after = new CanonicalModule(
            slug,
            draft.Title,
            draft.Summary,
            draft.Category?.Key ?? "",
            CanonicalModule.SortTags(draft.Tags),
            draft.Level,
            draft.Minutes,
            draft.Authors,
            draft.Cover,
            published?.UpdatedOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            draft.Body).ToText();
        return Diff(before, after);
    }

    /// <summary>Makes the draft hold revision <paramref name="number"/>'s content; the published revision is untouched.</summary>
    public async Task<AuthoringResult<ModuleDraft>> RestoreAsDraftAsync(string slug, int number, Actor actor, CancellationToken cancellationToken = default)
    {
        var opened = await drafts.OpenAsync(slug, actor, cancellationToken);
        if (opened.Value is not { } draft)
        {
            return opened;
        }

        if (!actor.IsCurator && draft.State is DraftState.InReview or DraftState.Scheduled)
        {
            return AuthoringResult<ModuleDraft>.Fail(AuthoringFailure.WrongState, "This module is waiting for a curator; it cannot be replaced now.");
        }

        var revision = (await LoadAsync(slug, [number], cancellationToken)).FirstOrDefault();
        if (revision is null)
        {
            return AuthoringResult<ModuleDraft>.Fail(AuthoringFailure.NotFound, $"There is no revision {number}.");
        }

        var restored = DraftEditor.FromRevision(draft.Module, revision, actor.Username, clock.GetUtcNow().UtcDateTime);
        draft.Title = restored.Title;
        draft.Summary = restored.Summary;
        draft.CategoryId = restored.CategoryId;
        draft.Tags = restored.Tags;
        draft.Level = restored.Level;
        draft.Minutes = restored.Minutes;
        draft.Cover = restored.Cover;
        draft.Body = restored.Body;
        draft.Authors = restored.Authors;
        draft.BasedOnRevisionId = revision.Id;
        draft.State = DraftState.Editing;
        draft.Version++;
        draft.UpdatedAt = restored.UpdatedAt;
        draft.UpdatedBy = actor.Username;
        foreach (var image in revision.Images.Where(i => draft.Images.All(d => d.Path != i.Path)))
        {
            draft.Images.Add(new DraftImage { Path = image.Path, MediaFileId = image.MediaFileId });
        }

        await db.SaveChangesAsync(cancellationToken);
        return AuthoringResult<ModuleDraft>.Ok(draft);
    }

    private Task<List<ModuleRevision>> LoadAsync(string slug, int[] numbers, CancellationToken cancellationToken) =>
        db.ModuleRevisions
            .Include(r => r.Module)
            .Include(r => r.Category)
            .Include(r => r.Tags)
            .Include(r => r.Authors).ThenInclude(a => a.Person)
            .Include(r => r.Images)
            .AsSplitQuery()
            .Where(r => r.Module.Slug == slug && numbers.Contains(r.Number))
            .ToListAsync(cancellationToken);
}
