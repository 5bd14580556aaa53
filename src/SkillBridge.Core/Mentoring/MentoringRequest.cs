using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Mentoring;

/// <summary>Where a mentoring request stands. Accepted and Held make it a mentoring session.</summary>
public enum MentoringState
{
    /// <summary>The learner asked (or proposed new times); the author answers.</summary>
    Requested,

    /// <summary>The author proposed other times; the learner answers.</summary>
    AlternativesProposed,
    Accepted,
    Declined,
    Withdrawn,
    Cancelled,
    Held,
}

/// <summary>The two people in a mentoring request.</summary>
public enum MentoringParty
{
    Learner,
    Author,
}

/// <summary>
/// A learner's request to a module's author for a follow-up session, and the session it becomes once a time is accepted.
/// Both people are nullable references so that deleting an account later keeps the other person's counts.
/// </summary>
public sealed class MentoringRequest
{
    public const int MessageMaxLength = 2000;
    public const int NoteMaxLength = 1000;

    public const int PlaceMaxLength = 300;

    public int Id { get; set; }

    public int ModuleId { get; set; }

    public Module Module { get; set; } = null!;

    public string? LearnerId { get; set; }

    public string? AuthorId { get; set; }

    public required string Message { get; set; }

    /// <summary>30, 45 or 60, chosen by the learner.</summary>
    public int DurationMinutes { get; set; } = 30;

    public MentoringState State { get; set; }

    /// <summary>Set when a time is accepted.</summary>
    public DateTime? StartsAt { get; set; }

    public DateTime? EndsAt { get; set; }

    /// <summary>The calendar event's UID, the same for the invitation and its cancellation.</summary>
    public required string CalendarUid { get; set; }

    /// <summary>The calendar SEQUENCE of the last invitation or cancellation sent.</summary>
    public int Sequence { get; set; }

    /// <summary>Each exchange of proposed times is one round; the latest round is the one on offer.</summary>
    public int Round { get; set; } = 1;

    /// <summary>Where the session happens: a meeting link (https only) or a room, set by the author. Null until given.</summary>
    public string? Place { get; set; }

    public string? DeclineNote { get; set; }

    public string? CancelNote { get; set; }

    public MentoringParty? CancelledBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>When the author first answered (accepted a time, proposed others or declined), for the reports' time to first answer.</summary>
    public DateTime? AuthorAnsweredAt { get; set; }

    /// <summary>Concurrency token: two people acting at once cannot both move the request on.</summary>
    public int Version { get; set; }

    public List<ProposedTime> ProposedTimes { get; } = [];

    public List<SessionFeedback> Feedback { get; } = [];
}

/// <summary>A start time proposed by one side in one round.</summary>
public sealed class ProposedTime
{
    public int Id { get; set; }

    public int RequestId { get; set; }

    public DateTime StartsAt { get; set; }

    public MentoringParty ProposedBy { get; set; }

    public int Round { get; set; }
}

/// <summary>What one person thought of a session once it was held.</summary>
public sealed class SessionFeedback
{
    public const int TextMaxLength = 1000;

    public int Id { get; set; }

    public int RequestId { get; set; }

    public string? UserId { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedAt { get; set; }
}
