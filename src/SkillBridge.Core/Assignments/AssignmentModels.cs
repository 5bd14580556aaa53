namespace SkillBridge.Core.Assignments;

/// <summary>What a curator filled in to assign something, or to change an assignment (then only the note and due date count).</summary>
public sealed record AssignmentInput
{
    public int? ModuleId { get; init; }

    public int? LearningPathId { get; init; }

    public IReadOnlyList<int> PersonIds { get; init; } = [];

    public IReadOnlyList<int> GroupIds { get; init; } = [];

    public IReadOnlyList<int> DepartmentIds { get; init; } = [];

    public string? Note { get; init; }

    public DueDateKind DueKind { get; init; }

    public DateOnly? DueDate { get; init; }

    /// <summary>Optional; without it the due date is the end of <see cref="DueDate"/> (23:59) in the curator's zone.</summary>
    public TimeOnly? DueTime { get; init; }

    public int? DueDays { get; init; }

    /// <summary>Days before the due date to remind, as typed ("7, 1"); empty means none.</summary>
    public string? ReminderDays { get; init; }
}

public enum AssignmentFailure
{
    NotFound,

    /// <summary>Removed already: it can no longer be changed.</summary>
    Removed,

    Invalid,
}

/// <summary>A problem with one field of the form (the field's input name) and what to do about it.</summary>
public sealed record AssignmentProblem(string Field, string Message);

/// <summary>The outcome of an assignment action: success with a value, or a named failure with messages per field.</summary>
public sealed record AssignmentResult<T>(T? Value, AssignmentFailure? Failure, IReadOnlyList<AssignmentProblem> Problems)
{
    public bool Succeeded => Failure is null;

    public static AssignmentResult<T> Ok(T value) => new(value, null, []);

    public static AssignmentResult<T> Fail(AssignmentFailure failure, params AssignmentProblem[] problems) => new(default, failure, problems);
}

/// <summary>A share's state at a moment (the people contract: completed, overdue, in progress, not started).</summary>
public enum AssignmentState
{
    NotStarted,
    InProgress,
    Completed,
    CompletedLate,
    Overdue,
}

public static class AssignmentStates
{
    public static AssignmentState Of(DateTime? startedAt, DateTime? completedAt, DateTime? dueAt, DateTime now) =>
        completedAt is { } done ? (dueAt is { } due && done > due ? AssignmentState.CompletedLate : AssignmentState.Completed)
        : dueAt is { } d && d < now ? AssignmentState.Overdue
        : startedAt is not null ? AssignmentState.InProgress
        : AssignmentState.NotStarted;

    /// <summary>The words the pages show.</summary>
    public static string Describe(AssignmentState state) => state switch
    {
        AssignmentState.NotStarted => "Not started",
        AssignmentState.InProgress => "In progress",
        AssignmentState.Completed => "Completed",
        AssignmentState.CompletedLate => "Completed late",
        AssignmentState.Overdue => "Overdue",
        _ => state.ToString(),
    };

    /// <summary>A class name for the state's badge.</summary>
    public static string CssClass(AssignmentState state) => "assignment-state state-" + state switch
    {
        AssignmentState.NotStarted => "not-started",
        AssignmentState.InProgress => "in-progress",
        AssignmentState.Completed => "completed",
        AssignmentState.CompletedLate => "completed-late",
        AssignmentState.Overdue => "overdue",
        _ => "other",
    };
}

/// <summary>One row of the curators' assignment list.</summary>
public sealed record AssignmentSummary(
    int Id,
    string Title,
    bool IsPath,
    string Targets,
    DueDateKind DueKind,
    DateTime? DueAt,
    int? DueDays,
    DateTime AssignedAt,
    string AssignedBy,
    DateTime? RemovedAt,
    int People,
    int Completed,
    int Overdue);

/// <summary>One person's progress on an assignment (counted once, however many targets reached them).</summary>
public sealed record AssignmentPersonProgress(int PersonId, string Name, string Username, string Via, AssignmentState State, DateTime? DueAt, DateTime? StartedAt, DateTime? CompletedAt);

/// <summary>An assignment with everyone's progress, for its curator page.</summary>
public sealed record AssignmentDetails(Assignment Assignment, AssignmentSummary Summary, IReadOnlyList<AssignmentPersonProgress> People);

/// <summary>An item of the learner's "Assigned to you".</summary>
public sealed record AssignedItem(int AssignmentId, string Title, string Link, bool IsPath, AssignmentState State, DateTime? DueAt, string AssignedBy, string Note);

/// <summary>Something that can be assigned, a group or a department, for the assign form's choices.</summary>
public sealed record AssignmentChoice(int Id, string Label);

/// <summary>What the assign form offers.</summary>
public sealed record AssignmentChoices(IReadOnlyList<AssignmentChoice> Modules, IReadOnlyList<AssignmentChoice> Paths, IReadOnlyList<AssignmentChoice> Groups, IReadOnlyList<AssignmentChoice> Departments);
