using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Assignments;

/// <summary>When a person started and completed what they were assigned.</summary>
public readonly record struct LearnerProgressDates(DateTime? StartedAt, DateTime? CompletedAt);

/// <summary>
/// Keeps <see cref="LearnerAssignment.StartedAt"/> and <see cref="LearnerAssignment.CompletedAt"/> copies of the
/// person's progress: filled when a share is written (earlier progress counts) and updated when the learner moves on.
/// A completion of any revision, before or after the assignment, counts. For a path, started means any available module
/// started and completed means the learner's path progress says completed, or every available module completed
/// (available: published, with a published revision); <see cref="DatesAsync"/> is the one place that says so.
/// </summary>
public sealed class AssignmentProgress(SkillBridgeDbContext db, TimeProvider clock)
{
    /// <summary>Fills the dates of new shares of one assignment from the people's progress so far (tracked, not saved).</summary>
    public async Task FillAsync(Assignment assignment, IReadOnlyCollection<LearnerAssignment> shares, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(shares);
        if (shares.Count == 0)
        {
            return;
        }

        var personIds = shares.Select(s => s.PersonId).Distinct().ToList();
        var accounts = await db.Users.AsNoTracking()
            .Where(u => u.PersonId != null && personIds.Contains(u.PersonId.Value))
            .Select(u => new { u.Id, PersonId = u.PersonId!.Value })
            .ToListAsync(cancellationToken);
        var dates = await DatesAsync(assignment.ModuleId, assignment.LearningPathId, accounts.Select(a => a.Id).ToList(), cancellationToken);
        var byPerson = accounts.ToDictionary(a => a.PersonId, a => dates.GetValueOrDefault(a.Id));
        foreach (var share in shares)
        {
            if (byPerson.TryGetValue(share.PersonId, out var progress))
            {
                share.StartedAt = progress.StartedAt;
                share.CompletedAt = progress.CompletedAt;
            }
        }
    }

    /// <summary>
    /// Called by <see cref="Progress.ProgressService"/> after the learner reached a step of, or completed, a module: brings
    /// the dates of their open shares of that module, and of paths holding it, up to date, and stops the reminders of
    /// shares now completed. Saves on the caller's context (and transaction, when one is open).
    /// </summary>
    public async Task LearnerProgressedAsync(string userId, int moduleId, CancellationToken cancellationToken = default)
    {
        var personId = await db.Users.Where(u => u.Id == userId).Select(u => u.PersonId).FirstOrDefaultAsync(cancellationToken);
        if (personId is null)
        {
            return;
        }

        var open = await (
                from share in db.LearnerAssignments
                join assignment in db.Assignments on share.AssignmentId equals assignment.Id
                where share.PersonId == personId && share.EndedAt == null && share.CompletedAt == null
                    && (assignment.ModuleId == moduleId
                        || db.LearningPaths.Any(p => p.Id == assignment.LearningPathId && p.Modules.Any(m => m.ModuleId == moduleId)))
                select new { share, assignment.ModuleId, assignment.LearningPathId })
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return;
        }

        var completed = new List<int>();
        foreach (var group in open.GroupBy(o => (o.ModuleId, o.LearningPathId)))
        {
            var dates = (await DatesAsync(group.Key.ModuleId, group.Key.LearningPathId, [userId], cancellationToken)).GetValueOrDefault(userId);
            foreach (var item in group)
            {
                item.share.StartedAt = dates.StartedAt;
                item.share.CompletedAt = dates.CompletedAt;
                if (dates.CompletedAt is not null)
                {
                    completed.Add(item.share.Id);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (completed.Count > 0)
        {
            await ReminderPlanner.StopAsync(db, completed, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
    }

    /// <summary>Started and completed dates per account for a module or a path, from module progress of any revision.</summary>
    public async Task<Dictionary<string, LearnerProgressDates>> DatesAsync(int? moduleId, int? pathId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var moduleIds = moduleId is { } single ? [single] : await AvailableModulesAsync(pathId!.Value, cancellationToken);
        if (moduleIds.Count == 0 || userIds.Count == 0)
        {
            return [];
        }

        var rows = await db.ModuleProgress.AsNoTracking()
            .Where(p => p.UserId != null && userIds.Contains(p.UserId) && moduleIds.Contains(p.ModuleId))
            .GroupBy(p => new { p.UserId, p.ModuleId })
            .Select(g => new { g.Key.UserId, g.Key.ModuleId, Started = g.Min(p => p.StartedAt), Completed = g.Min(p => p.CompletedAt) })
            .ToListAsync(cancellationToken);
        var dates = rows.GroupBy(r => r.UserId!).ToDictionary(
            g => g.Key,
            g => new LearnerProgressDates(
                g.Min(r => r.Started),
                g.Count(r => r.Completed is not null) == moduleIds.Count ? g.Max(r => r.Completed) : null));
        if (pathId is not { } path)
        {
            return dates;
        }

        // A path completed once stays completed (its certificate says so) even when a module is added later: the
        // learner's path progress is the one record of that, so it wins over the modules' dates.
        var completedPaths = await db.PathProgress.AsNoTracking()
            .Where(p => p.LearningPathId == path && p.CompletedAt != null && userIds.Contains(p.UserId))
            .Select(p => new { p.UserId, p.StartedAt, p.CompletedAt })
            .ToListAsync(cancellationToken);
        foreach (var done in completedPaths)
        {
            var known = dates.GetValueOrDefault(done.UserId);
            dates[done.UserId] = new LearnerProgressDates(known.StartedAt ?? done.StartedAt, done.CompletedAt);
        }

        return dates;
    }

    /// <summary>The modules of a path that count: published, with a published revision.</summary>
    public Task<List<int>> AvailableModulesAsync(int pathId, CancellationToken cancellationToken = default) =>
        db.LearningPaths.AsNoTracking()
            .Where(p => p.Id == pathId)
            .SelectMany(p => p.Modules)
            .Where(m => m.Module.Status == ModuleStatus.Published && m.Module.PublishedRevisionId != null)
            .Select(m => m.ModuleId)
            .Distinct()
            .ToListAsync(cancellationToken);
}
