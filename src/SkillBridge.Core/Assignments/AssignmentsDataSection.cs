using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Assignments;

public sealed record AssignmentRecord(string What, string Title, string Note, DateTime AssignedAtUtc, DateTime? DueAtUtc, DateTime? StartedAtUtc, DateTime? CompletedAtUtc, DateTime? EndedAtUtc);

public sealed record AssignmentReminderRecord(string Title, string Kind, DateTime SentAtUtc, bool Mailed);

public sealed record AssignmentsData(bool ReminderMail, IReadOnlyList<AssignmentRecord> Assignments, IReadOnlyList<AssignmentReminderRecord> Reminders);

/// <summary>
/// What was assigned to the person, and the reminders they got. Nothing is erased here: the shares belong to the profile
/// (People.Id), so they go with it, or stay without a name when the profile is kept anonymised; digests go with the account.
/// </summary>
public sealed class AssignmentsDataSection(SkillBridgeDbContext db) : IPersonalDataSection
{
    public string Name => "assignments";

    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var reminderMailOff = await db.Users.AsNoTracking().Where(u => u.Id == subject.UserId).Select(u => u.ReminderMailOff).FirstOrDefaultAsync(cancellationToken);
        if (subject.PersonId is not { } personId)
        {
            return new AssignmentsData(!reminderMailOff, [], []);
        }

        var shares = await (
                from l in db.LearnerAssignments.AsNoTracking()
                where l.PersonId == personId
                join a in db.Assignments on l.AssignmentId equals a.Id
                orderby l.AssignedAt, l.Id
                select new
                {
                    l.Id,
                    IsPath = a.LearningPathId != null,
                    Title = a.LearningPathId != null
                        ? db.LearningPaths.Where(p => p.Id == a.LearningPathId).Select(p => p.Title).FirstOrDefault()
                        : db.Modules.Where(m => m.Id == a.ModuleId).Select(m => m.PublishedRevision != null ? m.PublishedRevision.Title : m.Slug).FirstOrDefault(),
                    a.Note,
                    l.AssignedAt,
                    l.DueAt,
                    l.StartedAt,
                    l.CompletedAt,
                    l.EndedAt,
                })
            .ToListAsync(cancellationToken);
        var ids = shares.Select(s => s.Id).ToList();
        var titles = shares.ToDictionary(s => s.Id, s => s.Title ?? "");
        var reminders = await db.AssignmentReminders.AsNoTracking()
            .Where(r => ids.Contains(r.LearnerAssignmentId) && r.SentAt != null)
            .OrderBy(r => r.SentAt)
            .Select(r => new { r.LearnerAssignmentId, r.Kind, r.SentAt, r.DigestId })
            .ToListAsync(cancellationToken);
        return new AssignmentsData(
            !reminderMailOff,
            [.. shares.Select(s => new AssignmentRecord(s.IsPath ? "path" : "module", s.Title ?? "", s.Note, s.AssignedAt, s.DueAt, s.StartedAt, s.CompletedAt, s.EndedAt))],
            [.. reminders.Select(r => new AssignmentReminderRecord(titles[r.LearnerAssignmentId], r.Kind.ToString(), r.SentAt!.Value, r.DigestId is not null))]);
    }

    public Task EraseAsync(PersonalDataErasure erasure, CancellationToken cancellationToken) => Task.CompletedTask;
}
