using System.Text.Json;
using SkillBridge.Core.Data;
using SkillBridge.Core.Outbox;

namespace SkillBridge.Core.Mail;

/// <summary>
/// Puts mail in the outbox, on the caller's unit of work: the row is saved by the same SaveChanges as the change the
/// mail describes, or not at all. <see cref="OutboxSender"/> sends it afterwards, with retries.
/// </summary>
public sealed class MailOutbox(SkillBridgeDbContext db, MailStatus status, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool IsOn => status.IsOn;

    /// <summary>Adds the mail to the unit of work; false (nothing added) when mail is off.</summary>
    /// <param name="userId">The account the mail is addressed to, for the personal-data export and erasure.</param>
    /// <param name="secretUntil">
    /// The mail carries a secret (a reset or invitation link) valid until then: its body is removed once sent, or at
    /// that time if it could not be sent by then.
    /// </param>
    public bool Enqueue(OutgoingMail mail, string? userId = null, DateTime? secretUntil = null)
    {
        if (!status.IsOn)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var subject = MailSender.SingleLine(mail.Subject);
        db.OutboxMessages.Add(new OutboxMessage
        {
            Kind = OutboxKinds.Mail,
            Recipient = mail.To,
            Summary = subject.Length > OutboxMessage.SummaryMaxLength ? subject[..(OutboxMessage.SummaryMaxLength - 1)] + "…" : subject,
            Payload = JsonSerializer.Serialize(mail, Json),
            MessageId = $"{Guid.NewGuid():N}@{new Uri(status.SiteUrl!).Host}",
            UserId = userId,
            State = OutboxState.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
            PayloadExpiresAt = secretUntil,
            RemovePayloadWhenSent = secretUntil is not null,
        });
        db.OutboxRowsAdded = true;
        return true;
    }
}

/// <summary>Delivers outbox rows of kind "mail" through <see cref="MailSender"/>.</summary>
public sealed class MailDelivery(MailSender sender) : IOutboxDelivery
{
    public string Kind => OutboxKinds.Mail;

    public Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var mail = JsonSerializer.Deserialize<OutgoingMail>(message.Payload!, MailOutbox.Json)
            ?? throw new InvalidOperationException("The stored mail is empty.");
        return sender.SendAsync(mail, message.MessageId, cancellationToken);
    }
}
