namespace SkillBridge.Core.Assignments;

/// <summary>Why a reminder goes out.</summary>
public enum ReminderKind
{
    /// <summary>The person was just assigned (or joined a targeted group or department).</summary>
    Assigned = 0,

    /// <summary><see cref="AssignmentReminder.Number"/> days before the due date.</summary>
    BeforeDue = 1,

    /// <summary>The due date passed without a completion: at the due date, then weekly, at most three times (<see cref="AssignmentReminder.Number"/> 1 to 3).</summary>
    Overdue = 2,
}

/// <summary>
/// One planned reminder of one person's share of an assignment. Written when the share is written, moved when the due
/// date changes, cancelled when the share completes or ends. A runner claims it once with a conditional update, puts the
/// in-site notification on the same save that marks it sent, and later folds it into the person's daily mail digest.
/// The unique key (share, kind, number) means the same reminder can never be planned twice.
/// </summary>
public sealed class AssignmentReminder
{
    public long Id { get; set; }

    public int LearnerAssignmentId { get; set; }

    /// <summary>Set when the reminder is planned for a share not saved yet, so both go in one save.</summary>
    public LearnerAssignment? Share { get; set; }

    public ReminderKind Kind { get; set; }

    /// <summary>Days before the due date (<see cref="ReminderKind.BeforeDue"/>), which overdue reminder (1 to 3), or 0.</summary>
    public int Number { get; set; }

    /// <summary>When it is due to go out (UTC).</summary>
    public DateTime SendAt { get; set; }

    /// <summary>When a runner claimed it; a claim older than the timeout belongs to a runner that stopped.</summary>
    public DateTime? ClaimedAt { get; set; }

    /// <summary>When the in-site notification went out (UTC).</summary>
    public DateTime? SentAt { get; set; }

    /// <summary>When it was stopped instead (completed, removed, left, or replaced by a later reminder due at the same pass).</summary>
    public DateTime? CancelledAt { get; set; }

    /// <summary>Sent in the site and waiting for the person's next daily mail digest (mail on, reminder mail wanted).</summary>
    public bool MailPending { get; set; }

    /// <summary>The digest that mailed it.</summary>
    public long? DigestId { get; set; }
}

/// <summary>
/// The reminder mail one account gets on one day (its own calendar date, at 08:00 in its time zone). The unique key on
/// (account, date) makes a second digest for the same day impossible, whichever runner tries.
/// </summary>
public sealed class ReminderDigest
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>The account's local calendar date the digest is for.</summary>
    public DateOnly Date { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>How many reminders it grouped.</summary>
    public int Items { get; set; }
}
