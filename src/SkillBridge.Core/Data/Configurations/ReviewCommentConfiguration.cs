using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillBridge.Core.Authoring;

namespace SkillBridge.Core.Data.Configurations;

internal sealed class ReviewCommentConfiguration : IEntityTypeConfiguration<ReviewComment>
{
    public void Configure(EntityTypeBuilder<ReviewComment> builder)
    {
        builder.ToTable("ReviewComments");
        builder.HasOne(c => c.Module).WithMany().HasForeignKey(c => c.ModuleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.ModuleId);
        builder.Property(c => c.Author).HasMaxLength(100);
        builder.Property(c => c.Text).HasMaxLength(4000);
    }
}
