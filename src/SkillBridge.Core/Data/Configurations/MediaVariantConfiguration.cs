using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillBridge.Core.Media;

namespace SkillBridge.Core.Data.Configurations;

internal sealed class MediaVariantConfiguration : IEntityTypeConfiguration<MediaVariant>
{
    public void Configure(EntityTypeBuilder<MediaVariant> builder)
    {
        builder.ToTable("MediaVariants");
        builder.Property(v => v.FileName).HasMaxLength(100);
        builder.HasOne<MediaFile>().WithMany(m => m.Variants).HasForeignKey(v => v.MediaFileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.MediaFileId, v.Width }).IsUnique();
    }
}
