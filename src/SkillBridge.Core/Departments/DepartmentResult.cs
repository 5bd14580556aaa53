namespace SkillBridge.Core.Departments;

public enum DepartmentStatus
{
    Done,
    NotFound,

    /// <summary>The input was refused; the message says why and belongs next to the field.</summary>
    Invalid,
}

/// <summary>The outcome of a department change: done (with a message to show), not found, or invalid with the reason.</summary>
public sealed record DepartmentResult(DepartmentStatus Status, string Message)
{
    public bool Succeeded => Status == DepartmentStatus.Done;

    public static DepartmentResult Done(string message) => new(DepartmentStatus.Done, message);

    public static DepartmentResult Invalid(string message) => new(DepartmentStatus.Invalid, message);

    public static DepartmentResult NotFound { get; } = new(DepartmentStatus.NotFound, "There is no such department or person.");
}
