using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using SkillBridge.Core.Assignments;

namespace SkillBridge.Web.Pages.Assignments;

/// <summary>The assign and change forms as posted; <see cref="ToInput"/> hands them to the assignment service.</summary>
public sealed class AssignmentForm
{
    /// <summary>"module:12" or "path:3".</summary>
    public string? What { get; set; }

    public List<int> PersonIds { get; set; } = [];

    public List<int> GroupIds { get; set; } = [];

    public List<int> DepartmentIds { get; set; } = [];

    public string? PeopleSearch { get; set; }

    public string? Note { get; set; }

    /// <summary>"none", "fixed" or "days".</summary>
    public string DueKind { get; set; } = "none";

    public DateOnly? DueDate { get; set; }

    public TimeOnly? DueTime { get; set; }

    public int? DueDays { get; set; }

    public string ReminderDays { get; set; } = "7, 1";

    public AssignmentInput ToInput() => new()
    {
        ModuleId = Id("module:"),
        LearningPathId = Id("path:"),
        PersonIds = PersonIds,
        GroupIds = GroupIds,
        DepartmentIds = DepartmentIds,
        Note = Note,
        DueKind = DueKind switch { "fixed" => DueDateKind.Fixed, "days" => DueDateKind.DaysAfterAssignment, _ => DueDateKind.None },
        DueDate = DueDate,
        DueTime = DueTime,
        DueDays = DueDays,
        ReminderDays = ReminderDays,
    };

    /// <summary>The change form, filled from the assignment as it is (dates in the curator's zone).</summary>
    public static AssignmentForm From(Assignment assignment, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var local = assignment.DueAt is { } due ? DueDates.ToLocal(due, zone) : (DateTime?)null;
        return new AssignmentForm
        {
            Note = assignment.Note,
            DueKind = assignment.DueKind switch { DueDateKind.Fixed => "fixed", DueDateKind.DaysAfterAssignment => "days", _ => "none" },
            DueDate = local is { } l ? DateOnly.FromDateTime(l) : null,
            DueTime = local is { } t ? TimeOnly.FromDateTime(t) : null,
            DueDays = assignment.DueDays,
            ReminderDays = string.Join(", ", assignment.ReminderDaysBefore.Select(d => d.ToString(CultureInfo.InvariantCulture))),
        };
    }

    /// <summary>Puts the service's problems next to their fields (Form.&lt;Field&gt;).</summary>
    public static void AddProblems(IEnumerable<AssignmentProblem> problems, ModelStateDictionary modelState)
    {
        foreach (var problem in problems)
        {
            modelState.AddModelError(problem.Field.Length == 0 ? "" : "Form." + problem.Field, problem.Message);
        }
    }

    private int? Id(string prefix) =>
        What is { } what && what.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(what.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
