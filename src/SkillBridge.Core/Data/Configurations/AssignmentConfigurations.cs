using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Assignments;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Paths;
using SkillBridge.Core.People;

namespace SkillBridge.Core.Data.Configurations;

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.ToTable("Assignments", table => table.HasCheckConstraint(
            "CK_Assignments_PathOrModule",
            "(\"LearningPathId\" IS NULL) <> (\"ModuleId\" IS NULL)"));
        builder.HasOne<LearningPath>().WithMany().HasForeignKey(a => a.LearningPathId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Module>().WithMany().HasForeignKey(a => a.ModuleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SkillBridgeUser>().WithMany().HasForeignKey(a => a.AssignedById).OnDelete(DeleteBehavior.SetNull);
        builder.Property(a => a.Note).HasMaxLength(Assignment.NoteMaxLength);
        builder.PrimitiveCollection(a => a.ReminderDaysBefore);
        builder.HasMany(a => a.Targets).WithOne().HasForeignKey(t => t.AssignmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssignmentTargetConfiguration : IEntityTypeConfiguration<AssignmentTarget>
{
    public void Configure(EntityTypeBuilder<AssignmentTarget> builder)
    {
        builder.ToTable("AssignmentTargets");
        builder.HasKey(t => new { t.AssignmentId, t.Kind, t.TargetId });

        // A person joining a group or department finds the assignments that target it.
        builder.HasIndex(t => new { t.Kind, t.TargetId });
    }
}

internal sealed class LearnerAssignmentConfiguration : IEntityTypeConfiguration<LearnerAssignment>
{
    public void Configure(EntityTypeBuilder<LearnerAssignment> builder)
    {
        builder.ToTable("LearnerAssignments");
        builder.HasOne(l => l.Assignment).WithMany().HasForeignKey(l => l.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Cascade);
        // One open row per assignment, person and target; leaving and joining again starts a new row.
        builder.HasIndex(l => new { l.AssignmentId, l.PersonId, l.ViaKind, l.ViaId }).IsUnique().HasFilter("\"EndedAt\" IS NULL");
        builder.HasIndex(l => new { l.PersonId, l.EndedAt });
        builder.HasIndex(l => l.DueAt);
    }
}

internal sealed class AssignmentReminderConfiguration : IEntityTypeConfiguration<AssignmentReminder>
{
    public void Configure(EntityTypeBuilder<AssignmentReminder> builder)
    {
        builder.ToTable("AssignmentReminders");
        builder.HasOne(r => r.Share).WithMany().HasForeignKey(r => r.LearnerAssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ReminderDigest>().WithMany().HasForeignKey(r => r.DigestId).OnDelete(DeleteBehavior.SetNull);

        // The same reminder of the same share can be planned only once; rescheduling moves it instead.
        builder.HasIndex(r => new { r.LearnerAssignmentId, r.Kind, r.Number }).IsUnique();

        // The runner's question: what is due and not yet sent or stopped.
        builder.HasIndex(r => r.SendAt).HasFilter("\"SentAt\" IS NULL AND \"CancelledAt\" IS NULL");
    }
}

internal sealed class ReminderDigestConfiguration : IEntityTypeConfiguration<ReminderDigest>
{
    public void Configure(EntityTypeBuilder<ReminderDigest> builder)
    {
        builder.ToTable("ReminderDigests");
        builder.HasOne<SkillBridgeUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);

        // One digest per account and day, whichever runner gets there first.
        builder.HasIndex(d => new { d.UserId, d.Date }).IsUnique();
    }
}
