using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Paths;

namespace SkillBridge.Core.Data.Configurations;

internal sealed class PathProgressConfiguration : IEntityTypeConfiguration<PathProgress>
{
    public void Configure(EntityTypeBuilder<PathProgress> builder)
    {
        builder.ToTable("PathProgress");

        // Unlike module progress, a path's learners are not counted for anyone after the account goes: the rows go with it.
        builder.HasOne<SkillBridgeUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<LearningPath>().WithMany().HasForeignKey(p => p.LearningPathId).OnDelete(DeleteBehavior.Cascade);

        // One row per learner and path: the conflict target of the insert-or-ignore in PathProgressService.
        builder.HasIndex(p => new { p.UserId, p.LearningPathId }).IsUnique();
        builder.HasIndex(p => p.LearningPathId);
    }
}
