using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Assignments;

/// <summary>
/// Curators assigning, changing and removing assignments. Each action is one save: the assignment, every share of the
/// people it reaches now (with prior progress and their reminders), and the audit entry. People who join or leave a
/// targeted group or department later are handled by <see cref="AssignmentCoverage"/>.
/// </summary>
public sealed class AssignmentService(SkillBridgeDbContext db, AssignmentProgress progress, AuditLog audit, TimeProvider clock)
{
    public const int MaxDueDays = 365;

    public const int MaxReminderDays = 60;

    public async Task<AssignmentResult<Assignment>> CreateAsync(AssignmentInput input, string curatorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var curator = await CuratorAsync(curatorId, cancellationToken);
        var problems = new List<AssignmentProblem>();
        var due = ValidateDue(input, DueDates.Zone(curator.TimeZoneId), now, problems);
        await ValidateWhatAndWhoAsync(input, problems, cancellationToken);
        if (problems.Count > 0)
        {
            return AssignmentResult<Assignment>.Fail(AssignmentFailure.Invalid, [.. problems]);
        }

        var assignment = new Assignment
        {
            ModuleId = input.ModuleId,
            LearningPathId = input.LearningPathId,
            Note = (input.Note ?? "").Trim(),
            DueKind = due.Kind,
            DueAt = due.DueAt,
            DueDays = due.Days,
            ReminderDaysBefore = due.ReminderDays,
            AssignedById = curatorId,
            AssignedAt = now,
        };
        assignment.Targets.AddRange(input.PersonIds.Distinct().Select(id => new AssignmentTarget { Kind = AssignmentTargetKind.Person, TargetId = id }));
        assignment.Targets.AddRange(input.GroupIds.Distinct().Select(id => new AssignmentTarget { Kind = AssignmentTargetKind.Group, TargetId = id }));
        assignment.Targets.AddRange(input.DepartmentIds.Distinct().Select(id => new AssignmentTarget { Kind = AssignmentTargetKind.Department, TargetId = id }));
        db.Assignments.Add(assignment);

        var shares = (await ReachedAsync(assignment.Targets, now, cancellationToken))
            .Select(r => new LearnerAssignment
            {
                Assignment = assignment,
                PersonId = r.PersonId,
                ViaKind = r.Kind,
                ViaId = r.TargetId,
                AssignedAt = now,
                DueAt = AssignmentCoverage.DueAt(assignment, now, joinedLater: false),
            })
            .ToList();
        db.LearnerAssignments.AddRange(shares);
        await progress.FillAsync(assignment, shares, cancellationToken);
        foreach (var share in shares)
        {
            ReminderPlanner.PlanForNewShare(db, assignment, share);
        }

        var title = await TitleAsync(assignment, cancellationToken);
        await audit.RecordAsync(AuditAction.Assigned, curator.UserName, Subject(title), $"{shares.Select(s => s.PersonId).Distinct().Count()} people; {DescribeDue(assignment)}", cancellationToken);
        return AssignmentResult<Assignment>.Ok(assignment);
    }

    /// <summary>Changes the note, due date and reminder days: open shares get their due date worked out again and their pending reminders moved.</summary>
    public async Task<AssignmentResult<Assignment>> ChangeAsync(int id, AssignmentInput input, string curatorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var assignment = await db.Assignments.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assignment is null)
        {
            return AssignmentResult<Assignment>.Fail(AssignmentFailure.NotFound, new AssignmentProblem("", "There is no such assignment."));
        }

        if (assignment.RemovedAt is not null)
        {
            return AssignmentResult<Assignment>.Fail(AssignmentFailure.Removed, new AssignmentProblem("", "This assignment was removed, so it can no longer be changed."));
        }

        var curator = await CuratorAsync(curatorId, cancellationToken);
        var problems = new List<AssignmentProblem>();
        var due = ValidateDue(input, DueDates.Zone(curator.TimeZoneId), now, problems);
        ValidateNote(input, problems);
        if (problems.Count > 0)
        {
            return AssignmentResult<Assignment>.Fail(AssignmentFailure.Invalid, [.. problems]);
        }

        var before = DescribeDue(assignment);
        assignment.Note = (input.Note ?? "").Trim();
        assignment.DueKind = due.Kind;
        assignment.DueAt = due.DueAt;
        assignment.DueDays = due.Days;
        assignment.ReminderDaysBefore = due.ReminderDays;

        var open = await db.LearnerAssignments.Where(l => l.AssignmentId == id && l.EndedAt == null && l.CompletedAt == null).ToListAsync(cancellationToken);
        foreach (var share in open)
        {
            share.DueAt = AssignmentCoverage.DueAt(assignment, share.AssignedAt, joinedLater: share.AssignedAt > assignment.AssignedAt);
        }

        await ReminderPlanner.RescheduleAsync(db, assignment, open, now, cancellationToken);
        var title = await TitleAsync(assignment, cancellationToken);
        await audit.RecordAsync(AuditAction.AssignmentChanged, curator.UserName, Subject(title), $"Due date: {before} → {DescribeDue(assignment)}", cancellationToken);
        return AssignmentResult<Assignment>.Ok(assignment);
    }

    /// <summary>Removes an assignment: open shares end now and their reminders stop; what happened before stays for reports.</summary>
    public async Task<AssignmentResult<Assignment>> RemoveAsync(int id, string curatorId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var assignment = await db.Assignments.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assignment is null)
        {
            return AssignmentResult<Assignment>.Fail(AssignmentFailure.NotFound, new AssignmentProblem("", "There is no such assignment."));
        }

        if (assignment.RemovedAt is not null)
        {
            return AssignmentResult<Assignment>.Ok(assignment);
        }

        var curator = await CuratorAsync(curatorId, cancellationToken);
        assignment.RemovedAt = now;
        var open = await db.LearnerAssignments.Where(l => l.AssignmentId == id && l.EndedAt == null).ToListAsync(cancellationToken);
        foreach (var share in open)
        {
            share.EndedAt = now;
        }

        var ids = open.Select(s => s.Id).ToList();
        foreach (var reminder in await db.AssignmentReminders.Where(r => ids.Contains(r.LearnerAssignmentId) && r.SentAt == null && r.CancelledAt == null).ToListAsync(cancellationToken))
        {
            reminder.CancelledAt = now;
        }

        var title = await TitleAsync(assignment, cancellationToken);
        await audit.RecordAsync(AuditAction.AssignmentRemoved, curator.UserName, Subject(title), $"{open.Select(s => s.PersonId).Distinct().Count()} people's open assignments ended", cancellationToken);
        return AssignmentResult<Assignment>.Ok(assignment);
    }

    /// <summary>The title of what an assignment names: the module's published title (or latest), or the path's.</summary>
    public async Task<string> TitleAsync(Assignment assignment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (assignment.ModuleId is { } moduleId)
        {
            return await db.Modules.Where(m => m.Id == moduleId)
                .Select(m => m.PublishedRevision != null ? m.PublishedRevision.Title : m.Revisions.OrderByDescending(r => r.Number).Select(r => r.Title).FirstOrDefault() ?? m.Slug)
                .FirstAsync(cancellationToken);
        }

        return await db.LearningPaths.Where(p => p.Id == assignment.LearningPathId).Select(p => p.Title).FirstAsync(cancellationToken);
    }

    /// <summary>The due date rule in words for the audit log (UTC).</summary>
    public static string DescribeDue(Assignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return assignment.DueKind switch
        {
            DueDateKind.Fixed => assignment.DueAt!.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC",
            DueDateKind.DaysAfterAssignment => $"{assignment.DueDays} days after assignment",
            _ => "no due date",
        };
    }

    private static string Subject(string title) => "Assignment: " + title;

    private async Task<SkillBridgeUser> CuratorAsync(string curatorId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == curatorId, cancellationToken)
        ?? throw new InvalidOperationException("The curator's account does not exist.");

    /// <summary>A person reached through one target.</summary>
    private sealed record Reach(int PersonId, AssignmentTargetKind Kind, int TargetId);

    private sealed record Due(DueDateKind Kind, DateTime? DueAt, int? Days, List<int> ReminderDays);

    private static Due ValidateDue(AssignmentInput input, TimeZoneInfo zone, DateTime now, List<AssignmentProblem> problems)
    {
        var reminderDays = ParseReminderDays(input.ReminderDays, problems);
        switch (input.DueKind)
        {
            case DueDateKind.Fixed:
                if (input.DueDate is not { } date)
                {
                    problems.Add(new AssignmentProblem(nameof(AssignmentInput.DueDate), "Enter the due date, or choose “No due date”."));
                    return new Due(DueDateKind.None, null, null, reminderDays);
                }

                var dueAt = DueDates.ToUtc(date, input.DueTime, zone, out var problem);
                if (dueAt is null)
                {
                    problems.Add(new AssignmentProblem(nameof(AssignmentInput.DueTime), problem!));
                }
                else if (dueAt <= now)
                {
                    problems.Add(new AssignmentProblem(nameof(AssignmentInput.DueDate), "The due date has already passed. Choose a later date."));
                }

                return new Due(DueDateKind.Fixed, dueAt, null, reminderDays);
            case DueDateKind.DaysAfterAssignment:
                if (input.DueDays is not { } days || days < 1 || days > MaxDueDays)
                {
                    problems.Add(new AssignmentProblem(nameof(AssignmentInput.DueDays), $"Enter a number of days from 1 to {MaxDueDays}."));
                    return new Due(DueDateKind.None, null, null, reminderDays);
                }

                return new Due(DueDateKind.DaysAfterAssignment, null, days, reminderDays);
            default:
                return new Due(DueDateKind.None, null, null, reminderDays);
        }
    }

    private static List<int> ParseReminderDays(string? text, List<AssignmentProblem> problems)
    {
        var days = new List<int>();
        foreach (var part in (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day < 1 || day > MaxReminderDays)
            {
                problems.Add(new AssignmentProblem(nameof(AssignmentInput.ReminderDays), $"Enter whole numbers of days from 1 to {MaxReminderDays}, separated by commas (for example “7, 1”). “{part}” is not one."));
                return [];
            }

            if (!days.Contains(day))
            {
                days.Add(day);
            }
        }

        return [.. days.OrderDescending()];
    }

    private static void ValidateNote(AssignmentInput input, List<AssignmentProblem> problems)
    {
        if ((input.Note ?? "").Trim().Length > Assignment.NoteMaxLength)
        {
            problems.Add(new AssignmentProblem(nameof(AssignmentInput.Note), $"Keep the note to {Assignment.NoteMaxLength} characters."));
        }
    }

    private async Task ValidateWhatAndWhoAsync(AssignmentInput input, List<AssignmentProblem> problems, CancellationToken cancellationToken)
    {
        ValidateNote(input, problems);
        if ((input.ModuleId is null) == (input.LearningPathId is null))
        {
            problems.Add(new AssignmentProblem("What", "Choose one module or one path to assign."));
        }
        else if (input.ModuleId is { } moduleId && !await db.Modules.AnyAsync(m => m.Id == moduleId && m.Status == Modules.ModuleStatus.Published && m.PublishedRevisionId != null, cancellationToken))
        {
            problems.Add(new AssignmentProblem("What", "That module is not published, so it cannot be assigned."));
        }
        else if (input.LearningPathId is { } pathId && !await db.LearningPaths.AnyAsync(p => p.Id == pathId, cancellationToken))
        {
            problems.Add(new AssignmentProblem("What", "That path does not exist."));
        }

        if (input.PersonIds.Count + input.GroupIds.Count + input.DepartmentIds.Count == 0)
        {
            problems.Add(new AssignmentProblem("Who", "Choose at least one person, group or department."));
            return;
        }

        var personIds = input.PersonIds.Distinct().ToList();
        var groupIds = input.GroupIds.Distinct().ToList();
        var departmentIds = input.DepartmentIds.Distinct().ToList();
        if (await db.People.CountAsync(p => personIds.Contains(p.Id) && p.LeftAt == null, cancellationToken) != personIds.Count
            || await db.Groups.CountAsync(g => groupIds.Contains(g.Id) && g.ArchivedAt == null, cancellationToken) != groupIds.Count
            || await db.Departments.CountAsync(d => departmentIds.Contains(d.Id) && d.RetiredAt == null, cancellationToken) != departmentIds.Count)
        {
            problems.Add(new AssignmentProblem("Who", "One of the chosen people, groups or departments no longer exists. Check the choices and try again."));
        }
    }

    /// <summary>Everyone the targets reach now: the people named, and the current members of the groups and departments.</summary>
    private async Task<List<Reach>> ReachedAsync(IReadOnlyCollection<AssignmentTarget> targets, DateTime now, CancellationToken cancellationToken)
    {
        var personIds = targets.Where(t => t.Kind == AssignmentTargetKind.Person).Select(t => t.TargetId).ToList();
        var groupIds = targets.Where(t => t.Kind == AssignmentTargetKind.Group).Select(t => t.TargetId).ToList();
        var departmentIds = targets.Where(t => t.Kind == AssignmentTargetKind.Department).Select(t => t.TargetId).ToList();
        var reached = personIds.Select(id => new Reach(id, AssignmentTargetKind.Person, id)).ToList();
        var groupMembers = await db.GroupMemberships.AsNoTracking()
            .Where(m => groupIds.Contains(m.GroupId) && m.LeftAt == null && db.People.Any(p => p.Id == m.PersonId && p.LeftAt == null))
            .Select(m => new { m.PersonId, m.GroupId })
            .ToListAsync(cancellationToken);
        var departmentMembers = await db.DepartmentMemberships.AsNoTracking()
            .Where(m => departmentIds.Contains(m.DepartmentId) && m.EndedAt == null && (m.StartedAt == null || m.StartedAt <= now)
                && db.People.Any(p => p.Id == m.PersonId && p.LeftAt == null))
            .Select(m => new { m.PersonId, m.DepartmentId })
            .ToListAsync(cancellationToken);

        reached.AddRange(groupMembers.Select(m => new Reach(m.PersonId, AssignmentTargetKind.Group, m.GroupId)));
        reached.AddRange(departmentMembers.Select(m => new Reach(m.PersonId, AssignmentTargetKind.Department, m.DepartmentId)));
        return reached;
    }
}
