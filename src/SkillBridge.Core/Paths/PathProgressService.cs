using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Content;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;
using SkillBridge.Core.People;
using SkillBridge.Core.Progress;

namespace SkillBridge.Core.Paths;

/// <summary>
/// Learners on a path: starting it, their progress and next module, "Next in {path}" after a module, and the
/// certificate of a completed path. Only available modules (published, with a published revision) count; a
/// completion of any revision of a module counts. The completion itself is <see cref="PathCompletion"/>.
/// </summary>
public sealed class PathProgressService(SkillBridgeDbContext db, LearnerModuleStates states, ProgressService progress, RenderedModuleCache renderedModules, TimeProvider clock)
{
    /// <summary>
    /// The paths the learner is on (their ids): started with Start path, or assigned to them (an open share of an
    /// assignment not removed). Completion is stored on the learner's <see cref="PathProgress"/> row; an assigned
    /// learner gets theirs from <see cref="PathCompletion.JoinAssignedPathsAsync"/> as soon as they make progress.
    /// </summary>
    public Task<List<int>> PathsTheLearnerIsOnAsync(string userId, CancellationToken cancellationToken = default) =>
        db.PathProgress.AsNoTracking().Where(p => p.UserId == userId).Select(p => p.LearningPathId)
            .Union(
                from u in db.Users
                where u.Id == userId
                join l in db.LearnerAssignments on u.PersonId equals l.PersonId
                where l.EndedAt == null
                join a in db.Assignments on l.AssignmentId equals a.Id
                where a.RemovedAt == null && a.LearningPathId != null
                select a.LearningPathId!.Value)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Puts the learner on the path (insert-or-ignore: a double click or a second way in never makes a second row, and
    /// never moves the start), then completes it at once if every available module is already done.
    /// </summary>
    public async Task JoinAsync(string userId, int pathId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "PathProgress" ("UserId", "LearningPathId", "StartedAt")
            VALUES ({userId}, {pathId}, {now})
            ON CONFLICT ("UserId", "LearningPathId") DO NOTHING
            """, cancellationToken);
        await PathCompletion.CompleteFinishedPathsAsync(db, userId, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The path page's Start path button: puts the learner on the path and says where to go next.</summary>
    public async Task<PathResult<LearnerOnPath>> StartAsync(string userId, string slug, CancellationToken cancellationToken = default)
    {
        var pathId = await db.LearningPaths.AsNoTracking().Where(p => p.Slug == slug && p.Status == PathStatus.Published).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (pathId is not { } id)
        {
            return PathResult<LearnerOnPath>.Fail(PathFailure.NotFound, "There is no such learning path.");
        }

        await JoinAsync(userId, id, cancellationToken);
        return PathResult<LearnerOnPath>.Ok((await ForLearnerAsync(userId, slug, cancellationToken))!);
    }

    /// <summary>The learner's progress on the path page; null when there is no such path.</summary>
    public async Task<LearnerOnPath?> ForLearnerAsync(string userId, string slug, CancellationToken cancellationToken = default)
    {
        var path = await db.LearningPaths.AsNoTracking()
            .Where(p => p.Slug == slug)
            .Select(p => new { p.Id, Progress = db.PathProgress.Where(r => r.UserId == userId && r.LearningPathId == p.Id).Select(r => new { r.CompletedAt }).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (path is null)
        {
            return null;
        }

        var onPath = path.Progress is not null || (await PathsTheLearnerIsOnAsync(userId, cancellationToken)).Contains(path.Id);
        var learner = await ProgressOnPathAsync(userId, path.Id, onPath, path.Progress?.CompletedAt, cancellationToken);
        learner = learner with { HasBegun = path.Progress is not null || learner.Modules.Values.Any(m => m.State is not null) };
        if (learner is { IsOnPath: true, IsCompleted: false } && learner.ModuleCount > 0 && learner.DoneCount == learner.ModuleCount)
        {
            // Done, but the completion was missed (e.g. the last open module was taken off the path): complete it now.
            var now = clock.GetUtcNow().UtcDateTime;
            await PathCompletion.CompleteFinishedPathsAsync(db, userId, now, cancellationToken);
            var completedAt = await db.PathProgress.AsNoTracking().Where(r => r.UserId == userId && r.LearningPathId == path.Id).Select(r => r.CompletedAt).FirstOrDefaultAsync(cancellationToken);
            learner = learner with { CompletedAt = completedAt };
        }

        return learner;
    }

    /// <summary>For a module's finish page: each path the learner is on that holds the module, and its next unfinished module.</summary>
    public async Task<IReadOnlyList<NextInPath>> NextInPathsAsync(string userId, int moduleId, CancellationToken cancellationToken = default)
    {
        var onPaths = await PathsTheLearnerIsOnAsync(userId, cancellationToken);
        if (onPaths.Count == 0)
        {
            return [];
        }

        var paths = await db.LearningPaths.AsNoTracking()
            .Where(p => onPaths.Contains(p.Id) && p.Status == PathStatus.Published && p.Modules.Any(m => m.ModuleId == moduleId))
            .OrderBy(p => p.Title)
            .Select(p => new { p.Id, p.Slug, p.Title, CompletedAt = db.PathProgress.Where(r => r.UserId == userId && r.LearningPathId == p.Id).Select(r => r.CompletedAt).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var next = new List<NextInPath>();
        foreach (var path in paths)
        {
            var learner = await ProgressOnPathAsync(userId, path.Id, isOnPath: true, path.CompletedAt, cancellationToken);
            next.Add(new NextInPath(path.Slug, path.Title, learner.Next, learner.IsCompleted));
        }

        return next;
    }

    /// <summary>The certificate of a path the learner completed; null when there is no such path or they did not complete it.</summary>
    public async Task<PathCertificate?> CertificateAsync(string userId, string slug, CancellationToken cancellationToken = default)
    {
        var path = await db.LearningPaths.AsNoTracking()
            .Where(p => p.Slug == slug)
            .Select(p => new { p.Id, p.Slug, p.Title, CompletedAt = db.PathProgress.Where(r => r.UserId == userId && r.LearningPathId == p.Id).Select(r => r.CompletedAt).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (path?.CompletedAt is not { } completedAt)
        {
            return null;
        }

        var learner = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.UserName, Name = db.People.Where(p => p.Id == u.PersonId).Select(p => p.Name).FirstOrDefault() })
            .FirstAsync(cancellationToken);
        var revisions = await db.LearningPaths.AsNoTracking()
            .Where(p => p.Id == path.Id)
            .SelectMany(p => p.Modules)
            .Where(m => m.Module.Status == ModuleStatus.Published && m.Module.PublishedRevision != null)
            .Select(m => new { m.Position, RevisionId = m.Module.PublishedRevisionId!.Value })
            .ToListAsync(cancellationToken);
        var order = revisions.ToDictionary(r => r.RevisionId, r => r.Position);
        var revisionIds = order.Keys.ToList();
        var authors = await (
                from r in db.ModuleRevisions.AsNoTracking()
                where revisionIds.Contains(r.Id)
                from a in r.Authors
                select new { RevisionId = r.Id, a.Position, a.Person.Name, IsFormer = a.Person.LeftAt != null })
            .ToListAsync(cancellationToken);
        var names = authors
            .OrderBy(a => order[a.RevisionId]).ThenBy(a => a.Position)
            .Select(a => a.IsFormer ? Person.FormerColleagueName : a.Name)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new PathCertificate(string.IsNullOrWhiteSpace(learner.Name) ? learner.UserName ?? "" : learner.Name, path.Slug, path.Title, completedAt, names);
    }

    private async Task<LearnerOnPath> ProgressOnPathAsync(string userId, int pathId, bool isOnPath, DateTime? completedAt, CancellationToken cancellationToken)
    {
        var modules = await db.LearningPaths.AsNoTracking()
            .Where(p => p.Id == pathId)
            .SelectMany(p => p.Modules)
            .Where(m => m.Module.Status == ModuleStatus.Published && m.Module.PublishedRevision != null)
            .OrderBy(m => m.Position)
            .Select(m => new { m.ModuleId, m.Module.Slug, RevisionId = m.Module.PublishedRevisionId!.Value, m.AddedAt })
            .ToListAsync(cancellationToken);
        var byModule = await states.ForModulesAsync(userId, modules.Select(m => m.ModuleId), cancellationToken);

        var shown = new Dictionary<string, PathModuleProgress>(StringComparer.Ordinal);
        foreach (var module in modules)
        {
            var state = byModule.GetValueOrDefault(module.ModuleId);
            var isNew = completedAt is { } completed && module.AddedAt > completed && state is not { IsCompleted: true };
            shown[module.Slug] = new PathModuleProgress(module.Slug, state, isNew);
        }

        PathStep? next = null;
        if (modules.FirstOrDefault(m => byModule.GetValueOrDefault(m.ModuleId) is not { IsCompleted: true }) is { } open)
        {
            var step = byModule.ContainsKey(open.ModuleId) ? await ResumeStepAsync(userId, open.ModuleId, open.RevisionId, cancellationToken) : 1;
            next = new PathStep(open.Slug, step);
        }

        var done = modules.Count(m => byModule.GetValueOrDefault(m.ModuleId) is { IsCompleted: true });
        return new LearnerOnPath(isOnPath, completedAt, shown, done, modules.Count, next);
    }

    /// <summary>The step the module page would continue at: the player's own resume rule (<see cref="ProgressService.StateAsync"/>).</summary>
    private async Task<int> ResumeStepAsync(string userId, int moduleId, int revisionId, CancellationToken cancellationToken)
    {
        var rendered = await renderedModules.GetAsync(revisionId, cancellationToken);
        var state = await progress.StateAsync(userId, moduleId, revisionId, rendered.Steps.Count, cancellationToken);
        return state.ResumeStep ?? 1;
    }
}
