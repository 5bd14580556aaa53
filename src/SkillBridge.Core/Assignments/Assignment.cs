namespace SkillBridge.Core.Assignments;

/// <summary>How an assignment's due date is given.</summary>
public enum DueDateKind
{
    /// <summary>No due date.</summary>
    None = 0,

    /// <summary>A fixed instant (<see cref="Assignment.DueAt"/>, UTC), entered in the curator's time zone.</summary>
    Fixed = 1,

    /// <summary><see cref="Assignment.DueDays"/> days after the person was assigned (or joined the group or department).</summary>
    DaysAfterAssignment = 2,
}

/// <summary>A path or a single module a curator assigned to people, groups or departments.</summary>
public sealed class Assignment
{
    public const int NoteMaxLength = 1000;

    public const int DefaultJoinerDays = 14;

    public int Id { get; set; }

    /// <summary>The assigned path; exactly one of this and <see cref="ModuleId"/> is set.</summary>
    public int? LearningPathId { get; set; }

    /// <summary>The assigned module; exactly one of this and <see cref="LearningPathId"/> is set.</summary>
    public int? ModuleId { get; set; }

    public string Note { get; set; } = "";

    public DueDateKind DueKind { get; set; }

    /// <summary>For <see cref="DueDateKind.Fixed"/>: the due instant in UTC (a date-only entry means 23:59 that day in the curator's zone).</summary>
    public DateTime? DueAt { get; set; }

    /// <summary>For <see cref="DueDateKind.DaysAfterAssignment"/>: how many days after assignment or joining.</summary>
    public int? DueDays { get; set; }

    /// <summary>With a fixed date, people who join a group or department later are due at the later of it and joining + this many days.</summary>
    public int JoinerDays { get; set; } = DefaultJoinerDays;

    /// <summary>Days before the due date on which a reminder goes out (default 7 and 1).</summary>
    public List<int> ReminderDaysBefore { get; set; } = [7, 1];

    /// <summary>The curator's account; null once that account is deleted.</summary>
    public string? AssignedById { get; set; }

    public DateTime AssignedAt { get; set; }

    /// <summary>When a curator removed it (UTC): open learner assignments end; history stays in reports.</summary>
    public DateTime? RemovedAt { get; set; }

    public List<AssignmentTarget> Targets { get; } = [];
}
