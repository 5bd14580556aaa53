using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Departments;
using SkillBridge.Core.Modules;
using SkillBridge.Core.People;
using SkillBridge.Core.Progress;

namespace SkillBridge.Core.Data.Configurations;

internal sealed class ModuleProgressConfiguration : IEntityTypeConfiguration<ModuleProgress>
{
    public void Configure(EntityTypeBuilder<ModuleProgress> builder)
    {
        builder.ToTable("ModuleProgress");

        // The user reference survives account deletion as NULL, so counts for authors stay right.
        builder.HasOne<SkillBridgeUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Module>().WithMany().HasForeignKey(p => p.ModuleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ModuleRevision>().WithMany().HasForeignKey(p => p.RevisionId).OnDelete(DeleteBehavior.Cascade);

        // One row per learner and revision: the conflict target of the insert-or-ignore in ProgressService.
        builder.HasIndex(p => new { p.UserId, p.RevisionId }).IsUnique();
        builder.HasIndex(p => new { p.ModuleId, p.CompletedAt });
        builder.HasIndex(p => new { p.RevisionId, p.CompletedAt, p.PersonId, p.DepartmentId });

        // Reports read the learner's person and department stamped on the row (ReportStamps), through covering indexes:
        // learners per module, by department, a group's people (from the membership side), a date range of starts,
        // and completions (who taught whom, completions by month).
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Department>().WithMany().HasForeignKey(p => p.DepartmentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => new { p.ModuleId, p.PersonId, p.CompletedAt });
        builder.HasIndex(p => new { p.DepartmentId, p.PersonId, p.ModuleId, p.StartedAt, p.CompletedAt });
        builder.HasIndex(p => new { p.PersonId, p.StartedAt, p.ModuleId, p.CompletedAt });
        builder.HasIndex(p => new { p.StartedAt, p.ModuleId, p.PersonId, p.DepartmentId, p.CompletedAt });
        builder.HasIndex(p => new { p.CompletedAt, p.RevisionId, p.PersonId, p.DepartmentId, p.ModuleId });
    }
}

internal sealed class StepVisitConfiguration : IEntityTypeConfiguration<StepVisit>
{
    public void Configure(EntityTypeBuilder<StepVisit> builder)
    {
        builder.ToTable("StepVisits");
        builder.HasKey(v => new { v.ProgressId, v.StepNumber });
        builder.HasOne<ModuleProgress>().WithMany().HasForeignKey(v => v.ProgressId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuizAnswerConfiguration : IEntityTypeConfiguration<QuizAnswer>
{
    public void Configure(EntityTypeBuilder<QuizAnswer> builder)
    {
        builder.ToTable("QuizAnswers");
        builder.HasKey(a => new { a.ProgressId, a.StepNumber, a.QuizIndex });
        builder.Property(a => a.Selected).HasMaxLength(100);
        builder.HasOne<ModuleProgress>().WithMany().HasForeignKey(a => a.ProgressId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ModuleRatingConfiguration : IEntityTypeConfiguration<ModuleRating>
{
    public void Configure(EntityTypeBuilder<ModuleRating> builder)
    {
        builder.ToTable("ModuleRatings");
        builder.Property(r => r.Comment).HasMaxLength(ModuleRating.MaxCommentLength);
        builder.HasOne<SkillBridgeUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Module>().WithMany().HasForeignKey(r => r.ModuleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ModuleRevision>().WithMany().HasForeignKey(r => r.RevisionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.UserId, r.RevisionId }).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => new { r.ModuleId, r.Stars, r.PersonId, r.RatedAt });
        builder.HasIndex(r => new { r.DepartmentId, r.ModuleId, r.Stars, r.RatedAt });
        builder.HasIndex(r => new { r.PersonId, r.RatedAt });
        builder.HasIndex(r => r.RevisionId);
    }
}

internal sealed class StuckFlagConfiguration : IEntityTypeConfiguration<StuckFlag>
{
    public void Configure(EntityTypeBuilder<StuckFlag> builder)
    {
        builder.ToTable("StuckFlags");
        builder.Property(f => f.Note).HasMaxLength(StuckFlag.MaxNoteLength);
        builder.HasOne<SkillBridgeUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Module>().WithMany().HasForeignKey(f => f.ModuleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ModuleRevision>().WithMany().HasForeignKey(f => f.RevisionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.UserId, f.RevisionId, f.StepNumber }).IsUnique();
        builder.HasOne<Person>().WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Department>().WithMany().HasForeignKey(f => f.DepartmentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(f => f.ModuleId);
        builder.HasIndex(f => f.DepartmentId);
        builder.HasIndex(f => new { f.PersonId, f.FlaggedAt });
        builder.HasIndex(f => new { f.RevisionId, f.StepNumber });
    }
}
