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
        builder.Property(i => i.Name).HasMaxLength(256);
        builder.Property(i => i.Roles).HasMaxLength(100);
        builder.Ignore(i => i.RoleList);
        builder.HasIndex(i => i.TokenHash).IsUnique();
    }
}

internal sealed class PasswordResetLinkConfiguration : IEntityTypeConfiguration<PasswordResetLink>
{
    public void Configure(EntityTypeBuilder<PasswordResetLink> builder)
    {
        builder.ToTable("PasswordResetLinks");
        builder.Property(l => l.UserId).HasMaxLength(450);
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.Property(l => l.CreatedBy).HasMaxLength(256);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasOne<SkillBridgeUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.Property(s => s.Id).HasMaxLength(32);
        builder.Property(s => s.ClientAddress).HasMaxLength(64);
        builder.Property(s => s.Browser).HasMaxLength(100);

        // Deleting an account ends its sessions with it.
        builder.HasOne<SkillBridgeUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId);
    }
}

internal sealed class ThrottleCounterConfiguration : IEntityTypeConfiguration<ThrottleCounter>
{
    public void Configure(EntityTypeBuilder<ThrottleCounter> builder)
    {
        builder.ToTable("ThrottleCounters");
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(400);
        builder.HasIndex(c => c.WindowEndsAt);
    }
}
