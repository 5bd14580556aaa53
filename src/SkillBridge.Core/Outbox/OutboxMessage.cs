namespace SkillBridge.Core.Outbox;

public enum OutboxState
{
    /// <summary>Waiting for its next attempt (or being sent, while a sender holds the lease).</summary>
    Pending = 0,
    Sent = 1,

    /// <summary>Every retry failed, or what it needed expired; an admin can make it due again.</summary>
    Failed = 2,
}

/// <summary>The kinds of side effect the outbox carries. Each kind has one <see cref="IOutboxDelivery"/>.</summary>
public static class OutboxKinds
{
    public const string Mail = "mail";
}

/// <summary>
/// One side effect to carry out, written in the same save as the change that causes it (design.md, Side effects) and
/// carried out by <see cref="OutboxSender"/>. The columns are generic: <see cref="Recipient"/> is an e-mail address for
/// mail (a URL for a webhook), <see cref="Summary"/> the subject, <see cref="Payload"/> JSON that the kind's delivery reads.
/// </summary>
public sealed class OutboxMessage
{
    public const int KindMaxLength = 20;
    public const int RecipientMaxLength = 320;
    public const int SummaryMaxLength = 300;
    public const int MessageIdMaxLength = 200;
    public const int LeaseIdMaxLength = 40;
    public const int LastErrorMaxLength = 1000;

    public long Id { get; set; }

    public string Kind { get; set; } = OutboxKinds.Mail;

    public string Recipient { get; set; } = "";

    public string Summary { get; set; } = "";

    /// <summary>What to send; null once removed (a reset mail after sending, or once its link expired).</summary>
    public string? Payload { get; set; }

    /// <summary>Stable across attempts (the mail's Message-ID), so a receiver can recognise a repeat.</summary>
    public string MessageId { get; set; } = "";

    /// <summary>The account the message is about or addressed to, for the personal-data export and erasure.</summary>
    public string? UserId { get; set; }

    public OutboxState State { get; set; }

    /// <summary>Attempts made so far (failed ones, and the one that succeeded).</summary>
    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    /// <summary>The claim of the sender working on it; another sender may claim it once <see cref="LeaseExpiresAt"/> passes.</summary>
    public string? LeaseId { get; set; }

    public DateTime? LeaseExpiresAt { get; set; }

    /// <summary>
    /// Claims whose sender stopped before recording an outcome (its lease ran out). The server may have accepted the
    /// message each time, so after <see cref="OutboxSender.MaxInterruptedSends"/> it is not sent again automatically.
    /// </summary>
    public int InterruptedSends { get; set; }

    public string? LastError { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>When the payload stops being useful (e.g. the reset link in it expires); it is then removed unsent.</summary>
    public DateTime? PayloadExpiresAt { get; set; }

    /// <summary>Remove the payload once sent: it holds a live token.</summary>
    public bool RemovePayloadWhenSent { get; set; }
}
