using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillBridge.Core.Media;

namespace SkillBridge.Core.Data.Configurations;

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> builder)
    {
        builder.ToTable("MediaFiles");
        builder.Property(m => m.Sha256).HasMaxLength(64);
        builder.HasIndex(m => m.Sha256).IsUnique();
        builder.Property(m => m.ContentType).HasMaxLength(40);
        builder.Ignore(m => m.FileName);
    }
}
