using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Paths;

/// <summary>
/// Publishing a path's draft makes its next revision (who, when) and what learners see; unpublishing and archiving take
/// it away from learners. Each step is recorded in the audit log with the subject "paths/&lt;slug&gt;".
/// </summary>
public sealed class PathPublishing(SkillBridgeDbContext db, AuditLog audit, TimeProvider clock)
{
    public static string AuditSubject(string slug) => $"paths/{slug}";

    public async Task<PathResult<LearningPathRevision>> PublishAsync(string slug, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsCurator)
        {
            return PathResult<LearningPathRevision>.Fail(PathFailure.Forbidden, "Only curators publish learning paths.");
        }

        var path = await db.LearningPaths.Include(p => p.Modules).FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (path is null)
        {
            return PathResult<LearningPathRevision>.Fail(PathFailure.NotFound, "There is no such path.");
        }

        if (path.Status == PathStatus.Archived)
        {
            return PathResult<LearningPathRevision>.Fail(PathFailure.WrongState, "This path is archived; it cannot be published.");
        }

        var draft = await db.LearningPathDrafts.Include(d => d.CoverMedia).FirstOrDefaultAsync(d => d.LearningPathId == path.Id, cancellationToken);
        if (draft is null)
        {
            return PathResult<LearningPathRevision>.Fail(PathFailure.WrongState, "There are no changes to publish.");
        }

        var existing = await db.Modules.Where(m => draft.ModuleIds.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
        var moduleIds = draft.ModuleIds.Where(existing.Contains).ToList();
        if (moduleIds.Count == 0)
        {
            return PathResult<LearningPathRevision>.Invalid(new PathProblem("Module", "Add at least one module before publishing."));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var number = 1 + (await db.LearningPathRevisions.Where(r => r.LearningPathId == path.Id).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0);
        var revision = PathRevisionWriter.Publish(path, number, new PathContent(draft.Title, draft.Summary, draft.CoverPath, draft.CoverMedia, moduleIds), actor.Username, RevisionSource.Editor, now);
        db.LearningPathRevisions.Add(revision);
        db.LearningPathDrafts.Remove(draft);

        // The path points at its revision only once the revision has an id: two saves, one transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        path.PublishedRevisionId = revision.Id;
        await audit.RecordAsync(AuditAction.Published, actor.Username, AuditSubject(slug), $"revision {number}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return PathResult<LearningPathRevision>.Ok(revision);
    }

    public Task<PathResult<LearningPath>> UnpublishAsync(string slug, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(slug, actor, PathStatus.Unpublished, [PathStatus.Published], "Only a published path can be unpublished.", cancellationToken);

    /// <summary>Shows an unpublished path's last revision to learners again.</summary>
    public Task<PathResult<LearningPath>> RepublishAsync(string slug, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(slug, actor, PathStatus.Published, [PathStatus.Unpublished], "Only an unpublished path can be put back.", cancellationToken);

    public Task<PathResult<LearningPath>> ArchiveAsync(string slug, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(slug, actor, PathStatus.Archived, [PathStatus.Draft, PathStatus.Published, PathStatus.Unpublished], "This path is already archived.", cancellationToken);

    private async Task<PathResult<LearningPath>> ChangeStatusAsync(string slug, Actor actor, PathStatus to, PathStatus[] from, string wrongState, CancellationToken cancellationToken)
    {
        if (!actor.IsCurator)
        {
            return PathResult<LearningPath>.Fail(PathFailure.Forbidden, "Only curators publish, unpublish or archive learning paths.");
        }

        var path = await db.LearningPaths.FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (path is null)
        {
            return PathResult<LearningPath>.Fail(PathFailure.NotFound, "There is no such path.");
        }

        if (!from.Contains(path.Status) || (to == PathStatus.Published && path.PublishedRevisionId is null))
        {
            return PathResult<LearningPath>.Fail(PathFailure.WrongState, wrongState);
        }

        path.Status = to;
        var action = to switch
        {
            PathStatus.Unpublished => AuditAction.Unpublished,
            PathStatus.Archived => AuditAction.Archived,
            _ => AuditAction.Published,
        };
        await audit.RecordAsync(action, actor.Username, AuditSubject(slug), null, cancellationToken);
        return PathResult<LearningPath>.Ok(path);
    }
}
