using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;
using SkillBridge.Core.Mail;

// In queries, string.ToUpper() becomes SQL UPPER(); the culture-aware overloads the analyzers want cannot be translated.
#pragma warning disable CA1304, CA1311, CA1862

namespace SkillBridge.Core.Outbox;

/// <param name="Body">The text, unless it holds a secret link (reset or invitation) or has been removed.</param>
public sealed record OutboxExport(string Kind, string To, string Subject, string State, DateTime CreatedAt, DateTime? SentAt, string? Body);

/// <summary>Mail addressed to the person, queued, sent (kept 30 days) or failed. Erasing deletes it, unsent or not.</summary>
public sealed class OutboxDataSection(SkillBridgeDbContext db) : IPersonalDataSection
{
    public string Name => "outbox";

    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var rows = await Of(subject).AsNoTracking().OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        return rows.Select(m => new OutboxExport(
                m.Kind,
                m.Recipient,
                m.Summary,
                m.State.ToString(),
                m.CreatedAt,
                m.SentAt,
                m.Payload is null || m.RemovePayloadWhenSent || m.Kind != OutboxKinds.Mail ? null : JsonSerializer.Deserialize<OutgoingMail>(m.Payload, MailOutbox.Json)?.Body))
            .ToList();
    }

    public Task EraseAsync(PersonalDataErasure erasure, CancellationToken cancellationToken) =>
        Of(erasure.Subject).ExecuteDeleteAsync(cancellationToken);

    private IQueryable<OutboxMessage> Of(PersonalDataSubject subject)
    {
        var email = subject.Email?.ToUpper();
        return db.OutboxMessages.Where(m => m.UserId == subject.UserId || (email != null && m.Recipient.ToUpper() == email));
    }
}
