using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Mentoring;

namespace SkillBridge.Core.Data.Configurations;

internal sealed class MentoringRequestConfiguration : IEntityTypeConfiguration<MentoringRequest>
{
    public void Configure(EntityTypeBuilder<MentoringRequest> builder)
    {
        builder.ToTable("MentoringRequests");

        // Modules are archived, never deleted; Restrict keeps a session's history from vanishing with one.
        builder.HasOne(r => r.Module).WithMany().HasForeignKey(r => r.ModuleId).OnDelete(DeleteBehavior.Restrict);

        // A deleted account leaves the request (and the other person's counts) in place, with nobody on that side.
        builder.HasOne<SkillBridgeUser>().WithMany().HasForeignKey(r => r.LearnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<SkillBridgeUser>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(r => r.Message).HasMaxLength(MentoringRequest.MessageMaxLength);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.CalendarUid).HasMaxLength(100);
        builder.HasIndex(r => r.CalendarUid).IsUnique();

        // The mentoring report narrows requests by when they were made.
        builder.HasIndex(r => r.CreatedAt);
        builder.Property(r => r.DeclineNote).HasMaxLength(MentoringRequest.NoteMaxLength);
        builder.Property(r => r.CancelNote).HasMaxLength(MentoringRequest.NoteMaxLength);
        builder.Property(r => r.Place).HasMaxLength(MentoringRequest.PlaceMaxLength);
        builder.Property(r => r.CancelledBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasMany(r => r.ProposedTimes).WithOne().HasForeignKey(t => t.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Feedback).WithOne().HasForeignKey(f => f.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProposedTimeConfiguration : IEntityTypeConfiguration<ProposedTime>
{
    public void Configure(EntityTypeBuilder<ProposedTime> builder)
    {
        builder.ToTable("ProposedTimes");
        builder.Property(t => t.ProposedBy).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class SessionFeedbackConfiguration : IEntityTypeConfiguration<SessionFeedback>
{
    public void Configure(EntityTypeBuilder<SessionFeedback> builder)
    {
        builder.ToTable("SessionFeedback");
        builder.HasOne<SkillBridgeUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(f => f.Text).HasMaxLength(SessionFeedback.TextMaxLength);

        // Each person gives feedback once per session.
        builder.HasIndex(f => new { f.RequestId, f.UserId }).IsUnique();
    }
}
