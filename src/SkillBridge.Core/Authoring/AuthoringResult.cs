namespace SkillBridge.Core.Authoring;

public enum AuthoringFailure
{
    NotFound,
    Forbidden,
    WrongState,
    Invalid,
    Conflict,

    /// <summary>A curator tried to publish or schedule a module they wrote; another curator must (Publishing:AllowSelfPublish).</summary>
    OwnModule,
    /// <summary>The server could not take the work on now (images waiting too long for processing); try again later.</summary>
    Busy,
}

/// <summary>The outcome of an authoring or publishing action: success with a value, or a named failure with a message.</summary>
public sealed record AuthoringResult<T>(T? Value, AuthoringFailure? Failure, string? Message, IReadOnlyList<DraftProblem> Problems)
{
    public bool Succeeded => Failure is null;

    public static AuthoringResult<T> Ok(T value) => new(value, null, null, []);

    public static AuthoringResult<T> Fail(AuthoringFailure failure, string message) => new(default, failure, message, []);

    public static AuthoringResult<T> Invalid(IReadOnlyList<DraftProblem> problems) =>
        new(default, AuthoringFailure.Invalid, "Some things need fixing first.", problems);

    public AuthoringResult<TOther> As<TOther>() => new(default, Failure, Message, Problems);
}
