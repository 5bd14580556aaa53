using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Assignments;

/// <summary>A reminder a share should have: which one and when.</summary>
public readonly record struct PlannedReminder(ReminderKind Kind, int Number, DateTime SendAt);

/// <summary>
/// Which reminders a share gets and when: one when assigned, one per "days before" of the assignment while that day is
/// still ahead, and once overdue at the due date, then weekly, at most <see cref="OverdueReminders"/> times. Writing,
/// moving and stopping the <see cref="AssignmentReminder"/> rows happens here and nowhere else.
/// </summary>
public static class ReminderPlanner
{
    public const int OverdueReminders = 3;

    public static readonly TimeSpan OverdueInterval = TimeSpan.FromDays(7);

    /// <param name="notBefore">Reminders "days before" that would fall before this instant are left out (already past).</param>
    public static IEnumerable<PlannedReminder> Plan(DateTime assignedAt, DateTime? dueAt, IEnumerable<int> daysBefore, DateTime notBefore)
    {
        yield return new PlannedReminder(ReminderKind.Assigned, 0, assignedAt);
        if (dueAt is not { } due)
        {
            yield break;
        }

        foreach (var days in daysBefore.Where(d => d > 0).Distinct().OrderByDescending(d => d))
        {
            var at = due.AddDays(-days);
            if (at > notBefore)
            {
                yield return new PlannedReminder(ReminderKind.BeforeDue, days, at);
            }
        }

        for (var number = 1; number <= OverdueReminders; number++)
        {
            yield return new PlannedReminder(ReminderKind.Overdue, number, due + (OverdueInterval * (number - 1)));
        }
    }

    /// <summary>Adds the reminders of a share being written now (tracked, saved with it).</summary>
    public static void PlanForNewShare(SkillBridgeDbContext db, Assignment assignment, LearnerAssignment share)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(share);
        if (share.CompletedAt is not null)
        {
            // Completed before it was assigned: nothing to remind about.
            return;
        }

        foreach (var planned in Plan(share.AssignedAt, share.DueAt, assignment.ReminderDaysBefore, share.AssignedAt))
        {
            db.AssignmentReminders.Add(new AssignmentReminder { Share = share, Kind = planned.Kind, Number = planned.Number, SendAt = planned.SendAt });
        }
    }

    /// <summary>
    /// After a due date or the reminder days changed: moves the share's reminders not sent yet, adds ones now planned and
    /// cancels the ones no longer planned. Reminders already sent stay sent. Tracked, saved by the caller.
    /// </summary>
    public static async Task RescheduleAsync(SkillBridgeDbContext db, Assignment assignment, IReadOnlyCollection<LearnerAssignment> shares, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(shares);
        var ids = shares.Select(s => s.Id).ToList();
        var existing = (await db.AssignmentReminders.Where(r => ids.Contains(r.LearnerAssignmentId)).ToListAsync(cancellationToken))
            .ToLookup(r => r.LearnerAssignmentId);
        foreach (var share in shares.Where(s => s.CompletedAt is null))
        {
            var rows = existing[share.Id].ToDictionary(r => (r.Kind, r.Number));
            var planned = Plan(share.AssignedAt, share.DueAt, assignment.ReminderDaysBefore, now).ToDictionary(p => (p.Kind, p.Number));
            foreach (var (key, plan) in planned)
            {
                if (!rows.TryGetValue(key, out var row))
                {
                    db.AssignmentReminders.Add(new AssignmentReminder { LearnerAssignmentId = share.Id, Kind = plan.Kind, Number = plan.Number, SendAt = plan.SendAt });
                }
                else if (row.SentAt is null)
                {
                    row.SendAt = plan.SendAt;
                    if (row.CancelledAt is not null)
                    {
                        // A stopped reminder is in no runner's hands, so it may be claimed again at once. A claimed one
                        // keeps its claim: the runner holding it finishes it.
                        row.CancelledAt = null;
                        row.ClaimedAt = null;
                    }
                }
            }

            foreach (var row in rows.Values.Where(r => r.SentAt is null && r.CancelledAt is null && !planned.ContainsKey((r.Kind, r.Number))))
            {
                row.CancelledAt = now;
            }
        }
    }

    /// <summary>Stops every reminder of these shares that has not gone out (completed, removed, left).</summary>
    public static Task<int> StopAsync(SkillBridgeDbContext db, IReadOnlyCollection<int> shareIds, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.AssignmentReminders
            .Where(r => shareIds.Contains(r.LearnerAssignmentId) && r.SentAt == null && r.CancelledAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CancelledAt, now), cancellationToken);
    }
}
