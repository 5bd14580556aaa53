using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillBridge.Core.Paths;

namespace SkillBridge.Core.Data.Configurations;

internal sealed class LearningPathConfiguration : IEntityTypeConfiguration<LearningPath>
{
    public void Configure(EntityTypeBuilder<LearningPath> builder)
    {
        builder.ToTable("LearningPaths");
        builder.Property(p => p.Slug).HasMaxLength(120);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Summary).HasMaxLength(500);
        builder.OwnsMany(p => p.Modules, modules =>
        {
            modules.ToTable("LearningPathModules");
            modules.WithOwner().HasForeignKey(m => m.LearningPathId);
            modules.HasKey(m => new { m.LearningPathId, m.Position });
            modules.Property(m => m.Position).ValueGeneratedNever();
            modules.HasOne(m => m.Module).WithMany().HasForeignKey(m => m.ModuleId).OnDelete(DeleteBehavior.Cascade);
            modules.HasIndex(m => m.ModuleId);
        });
    }
}
