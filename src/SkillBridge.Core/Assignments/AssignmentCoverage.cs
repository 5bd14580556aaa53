using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Assignments;

/// <summary>
/// Keeps each person's share of group and department assignments in step with who is in them: joining later adds the
/// person's <see cref="LearnerAssignment"/> rows, leaving ends the ones still open. Changes are tracked on the caller's
/// context, so they commit in the same save as the membership change that causes them.
/// </summary>
public sealed class AssignmentCoverage(SkillBridgeDbContext db, AssignmentProgress progress)
{
    /// <summary>Gives a person who joined a group or department every assignment that targets it and is not removed.</summary>
    public async Task PersonJoinedAsync(int personId, AssignmentTargetKind kind, int targetId, DateTime joinedAt, CancellationToken cancellationToken = default)
    {
        var assignments = await db.Assignments
            .Where(a => a.RemovedAt == null && a.Targets.Any(t => t.Kind == kind && t.TargetId == targetId))
            .ToListAsync(cancellationToken);
        var alreadyOpen = await db.LearnerAssignments
            .Where(l => l.PersonId == personId && l.ViaKind == kind && l.ViaId == targetId && l.EndedAt == null)
            .Select(l => l.AssignmentId)
            .ToListAsync(cancellationToken);
        foreach (var assignment in assignments.Where(a => !alreadyOpen.Contains(a.Id)))
        {
            var share = new LearnerAssignment
            {
                AssignmentId = assignment.Id,
                PersonId = personId,
                ViaKind = kind,
                ViaId = targetId,
                AssignedAt = joinedAt,
                DueAt = DueAt(assignment, joinedAt, joinedLater: joinedAt > assignment.AssignedAt),
            };
            db.LearnerAssignments.Add(share);

            // Progress made before joining counts, and a share already completed gets no reminders.
            await progress.FillAsync(assignment, [share], cancellationToken);
            ReminderPlanner.PlanForNewShare(db, assignment, share);
        }
    }

    /// <summary>Ends the person's open (not completed) assignments that came from the group or department they left.</summary>
    public async Task PersonLeftAsync(int personId, AssignmentTargetKind kind, int targetId, DateTime leftAt, CancellationToken cancellationToken = default)
    {
        var open = await db.LearnerAssignments
            .Where(l => l.PersonId == personId && l.ViaKind == kind && l.ViaId == targetId && l.EndedAt == null && l.CompletedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var row in open)
        {
            row.EndedAt = leftAt;
        }

        var ids = open.Select(o => o.Id).ToList();
        var pending = await db.AssignmentReminders
            .Where(r => ids.Contains(r.LearnerAssignmentId) && r.SentAt == null && r.CancelledAt == null)
            .ToListAsync(cancellationToken);
        foreach (var reminder in pending)
        {
            reminder.CancelledAt = leftAt;
        }
    }

    /// <summary>
    /// When a person assigned at <paramref name="assignedAt"/> is due. With a fixed date, someone who joined later is due
    /// at the later of that date and joining + <see cref="Assignment.JoinerDays"/>; with a relative date, N days after
    /// they were assigned or joined.
    /// </summary>
    public static DateTime? DueAt(Assignment assignment, DateTime assignedAt, bool joinedLater) => assignment.DueKind switch
    {
        DueDateKind.Fixed when assignment.DueAt is { } fixedDue => joinedLater && assignedAt.AddDays(assignment.JoinerDays) > fixedDue
            ? assignedAt.AddDays(assignment.JoinerDays)
            : fixedDue,
        DueDateKind.DaysAfterAssignment when assignment.DueDays is { } days => assignedAt.AddDays(days),
        _ => null,
    };
}
