using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillBridge.Core.Branding;

namespace SkillBridge.Core.Data.Configurations;

internal sealed class SiteBrandingConfiguration : IEntityTypeConfiguration<SiteBranding>
{
    public void Configure(EntityTypeBuilder<SiteBranding> builder)
    {
        builder.ToTable("SiteBranding");
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.SiteName).HasMaxLength(60);
        builder.Property(b => b.AccentColour).HasMaxLength(7);
        builder.Property(b => b.UpdatedBy).HasMaxLength(100);
        builder.HasOne(b => b.Logo).WithMany().HasForeignKey(b => b.LogoMediaFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(b => b.Favicon).WithMany().HasForeignKey(b => b.FaviconMediaFileId).OnDelete(DeleteBehavior.Restrict);
    }
}
