using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.People;

namespace SkillBridge.Core.Data.Configurations;

internal sealed class SkillBridgeUserConfiguration : IEntityTypeConfiguration<SkillBridgeUser>
{
    public void Configure(EntityTypeBuilder<SkillBridgeUser> builder)
    {
        builder.Property(u => u.TimeZoneId).HasMaxLength(100);
        builder.HasOne<Person>().WithMany().HasForeignKey(u => u.PersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(u => u.PersonId).IsUnique();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.Subject).HasMaxLength(256);
        builder.Property(e => e.Details).HasMaxLength(1000);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => e.Action);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("Invitations");
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.Username).HasMaxLength(256);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Property(i => i.InvitedBy).HasMaxLength(256);
        builder.HasIndex(i => i.TokenHash).IsUnique();
    }
}
