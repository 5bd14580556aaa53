namespace SkillBridge.Core.Mentoring;

/// <summary>One side of a mentoring request. UserId is null once that account has been deleted.</summary>
public sealed record MentoringPerson(string? UserId, string Username, string Name, string? Email, string TimeZoneId)
{
    public static readonly MentoringPerson Gone = new(null, "", "A former member", null, "UTC");

    public string FirstName => Name.Split(' ', 2)[0];
}

/// <summary>A module author as the module page and finish screen offer them.</summary>
public sealed record AskableAuthor(string Username, string Name, bool HasAccount, bool IsViewer);

/// <summary>What the request form needs: which module, which author.</summary>
public sealed record AskForm(string ModuleSlug, string ModuleTitle, MentoringPerson Author, IReadOnlyList<DateTime> FreeSlots);

/// <summary>
/// A learner's request: either one free time picked from the author's availability (<paramref name="SlotUtc"/>), or up
/// to three times of their own choosing.
/// </summary>
public sealed record NewMentoringRequest(string ModuleSlug, string AuthorUsername, string Message, int DurationMinutes, IReadOnlyList<DateTime> ProposedTimesUtc, DateTime? SlotUtc = null);

/// <summary>What the viewer may do with a request now; the service enforces the same rules.</summary>
public sealed record MentoringActions(bool Accept, bool Propose, bool Decline, bool Withdraw, bool Cancel, bool MarkHeld, bool GiveFeedback, bool SetPlace = false)
{
    public static readonly MentoringActions None = new(false, false, false, false, false, false, false);

    public bool Any => Accept || Propose || Decline || Withdraw || Cancel || MarkHeld || GiveFeedback || SetPlace;
}

public sealed record ProposedTimeView(int Id, DateTime StartUtc, MentoringParty ProposedBy, int Round);

public sealed record FeedbackView(MentoringParty From, string Text, DateTime CreatedAt);

public sealed record MentoringRequestView(
    int Id,
    string ModuleSlug,
    string ModuleTitle,
    MentoringPerson Learner,
    MentoringPerson Author,
    MentoringParty? ViewerParty,
    MentoringState State,
    string Message,
    int DurationMinutes,
    DateTime? StartsAt,
    DateTime? EndsAt,
    int Round,
    IReadOnlyList<ProposedTimeView> ProposedTimes,
    string? DeclineNote,
    string? CancelNote,
    MentoringParty? CancelledBy,
    IReadOnlyList<FeedbackView> Feedback,
    DateTime CreatedAt,
    MentoringActions Actions,
    string? Place = null)
{
    /// <summary>The times of the latest round: the ones that can be accepted.</summary>
    public IEnumerable<ProposedTimeView> OnOffer => ProposedTimes.Where(t => t.Round == Round).OrderBy(t => t.StartUtc);

    public MentoringPerson? Viewer => ViewerParty switch
    {
        MentoringParty.Learner => Learner,
        MentoringParty.Author => Author,
        _ => null,
    };

    /// <summary>The other person in the request, for a participant; null for an admin looking on.</summary>
    public MentoringPerson? Other => ViewerParty switch
    {
        MentoringParty.Learner => Author,
        MentoringParty.Author => Learner,
        _ => null,
    };

    public MentoringPerson PersonOf(MentoringParty party) => party == MentoringParty.Learner ? Learner : Author;

    /// <summary>An invitation (or, after a cancellation, its cancellation) can be downloaded.</summary>
    public bool HasCalendarFile => StartsAt is not null && State is MentoringState.Accepted or MentoringState.Held or MentoringState.Cancelled;
}

public sealed record InboxEntry(int Id, string ModuleTitle, string OtherName, MentoringState State, DateTime? StartsAt, IReadOnlyList<DateTime> TimesOnOffer, DateTime UpdatedAt);

public sealed record MentoringInbox(IReadOnlyList<InboxEntry> ToYou, IReadOnlyList<InboxEntry> YourRequests);

/// <summary>One held session on a profile. WithName is null when the viewer may not see who it was with.</summary>
public sealed record SessionRecord(int RequestId, string ModuleSlug, string ModuleTitle, DateTime StartsAt, string? WithName);

public sealed record SessionCounts(IReadOnlyList<SessionRecord> Given, IReadOnlyList<SessionRecord> Received);

/// <summary>An author's mentoring on one module: requests waiting for an answer (from either person) and sessions held.</summary>
public sealed record AuthorMentoringCounts(int OpenRequests, int SessionsHeld)
{
    public static readonly AuthorMentoringCounts None = new(0, 0);
}

/// <summary>A booked session on the author's dashboard.</summary>
public sealed record UpcomingSession(int RequestId, string ModuleTitle, string LearnerName, DateTime StartsAt, DateTime EndsAt, string? Place);

public sealed record CalendarFile(string FileName, string MediaType, string Content);

public static class MentoringStates
{
    /// <summary>
    /// The state in words for the person reading it, for lists and headings: whoever must answer next reads that it is
    /// their turn; the other person, or an admin looking on (<paramref name="viewer"/> null), reads whom it waits for.
    /// </summary>
    public static string Describe(MentoringState state, MentoringParty? viewer) => state switch
    {
        // Requested: the learner asked (or proposed again), so the author answers next.
        MentoringState.Requested => viewer == MentoringParty.Author ? "Waiting for you to answer" : "Waiting for the author",
        // AlternativesProposed: the author proposed other times, so the learner answers next.
        MentoringState.AlternativesProposed => viewer switch
        {
            MentoringParty.Learner => "Other times proposed: waiting for you to answer",
            MentoringParty.Author => "Other times proposed: waiting for the learner",
            _ => "Other times proposed",
        },
        MentoringState.Accepted => "Session booked",
        MentoringState.Declined => "Declined",
        MentoringState.Withdrawn => "Withdrawn",
        MentoringState.Cancelled => "Cancelled",
        MentoringState.Held => "Session held",
        _ => state.ToString(),
    };
}
