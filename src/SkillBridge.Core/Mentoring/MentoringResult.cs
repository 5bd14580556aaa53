namespace SkillBridge.Core.Mentoring;

public enum MentoringFailure
{
    /// <summary>No such request, module or author, or one the actor may not see.</summary>
    NotFound,

    /// <summary>The actor may see it but may not do this (e.g. the learner accepting their own times).</summary>
    NotAllowed,

    /// <summary>The request is no longer in a state where this can happen (often: changed in another tab).</summary>
    WrongState,

    InvalidTimes,
    Invalid,

    /// <summary>A free time picked from the author's availability was taken (or stopped fitting) since the form was shown.</summary>
    SlotTaken,

    InvalidPlace,
}

/// <summary>The outcome of a mentoring action: success with a value, or a named failure with a message for the person.</summary>
public sealed record MentoringResult<T>(T? Value, MentoringFailure? Failure, string? Message)
{
    public bool Succeeded => Failure is null;

    public static MentoringResult<T> Ok(T value) => new(value, null, null);

    public static MentoringResult<T> Fail(MentoringFailure failure, string message) => new(default, failure, message);

    public MentoringResult<TOther> As<TOther>() => new(default, Failure, Message);
}

/// <summary>Who is acting, and the site's address for links in mail and calendar invitations.</summary>
public sealed record MentoringActor(string UserId, bool IsAdmin, string SiteUrl);
