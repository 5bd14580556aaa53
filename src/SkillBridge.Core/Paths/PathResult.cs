namespace SkillBridge.Core.Paths;

public enum PathFailure
{
    NotFound,
    Forbidden,
    WrongState,
    Invalid,
}

/// <summary>A problem with what a curator entered, named by the field it belongs next to.</summary>
public sealed record PathProblem(string Field, string Message);

/// <summary>The outcome of a path builder action: success with a value, or a named failure with a message.</summary>
public sealed record PathResult<T>(T? Value, PathFailure? Failure, string? Message, IReadOnlyList<PathProblem> Problems)
{
    public bool Succeeded => Failure is null;

    public static PathResult<T> Ok(T value) => new(value, null, null, []);

    public static PathResult<T> Fail(PathFailure failure, string message) => new(default, failure, message, []);

    public static PathResult<T> Invalid(params PathProblem[] problems) => new(default, PathFailure.Invalid, "Some things need fixing first.", problems);

    public PathResult<TOther> As<TOther>() => new(default, Failure, Message, Problems);
}
