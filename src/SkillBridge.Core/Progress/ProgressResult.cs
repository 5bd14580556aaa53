namespace SkillBridge.Core.Progress;

public enum ProgressFailure
{
    NotFound,
    Forbidden,
    Invalid,
    NotCompleted,
}

/// <summary>The outcome of a learner's or author's progress action: success with a value, or a named failure with a message.</summary>
public sealed record ProgressResult<T>(T? Value, ProgressFailure? Failure, string? Message)
{
    public bool Succeeded => Failure is null;

    public static ProgressResult<T> Ok(T value) => new(value, null, null);

    public static ProgressResult<T> Fail(ProgressFailure failure, string message) => new(default, failure, message);
}
