using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillBridge.Core.Outbox;

namespace SkillBridge.Core.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Kind).HasMaxLength(OutboxMessage.KindMaxLength);
        builder.Property(m => m.Recipient).HasMaxLength(OutboxMessage.RecipientMaxLength);
        builder.Property(m => m.Summary).HasMaxLength(OutboxMessage.SummaryMaxLength);
        builder.Property(m => m.MessageId).HasMaxLength(OutboxMessage.MessageIdMaxLength);
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.Property(m => m.LeaseId).HasMaxLength(OutboxMessage.LeaseIdMaxLength);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.LastErrorMaxLength);

        // The sender looks for due pending rows on every pass; the export and erasure look rows up by person.
        builder.HasIndex(m => new { m.State, m.NextAttemptAt });
        builder.HasIndex(m => m.UserId);
        builder.HasIndex(m => m.Recipient);
    }
}
