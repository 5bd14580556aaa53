namespace SkillBridge.Core.Assignments;

/// <summary>Who an assignment was given to: one person, a group or a department.</summary>
public enum AssignmentTargetKind
{
    Person = 0,
    Group = 1,
    Department = 2,
}

/// <summary>One of the people, groups or departments an assignment names.</summary>
public sealed class AssignmentTarget
{
    public int AssignmentId { get; set; }

    public AssignmentTargetKind Kind { get; set; }

    /// <summary>People.Id, Groups.Id or Departments.Id, by <see cref="Kind"/>.</summary>
    public int TargetId { get; set; }
}
