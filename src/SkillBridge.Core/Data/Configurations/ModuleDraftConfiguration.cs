using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillBridge.Core.Authoring;

namespace SkillBridge.Core.Data.Configurations;

internal sealed class ModuleDraftConfiguration : IEntityTypeConfiguration<ModuleDraft>
{
    public void Configure(EntityTypeBuilder<ModuleDraft> builder)
    {
        builder.ToTable("ModuleDrafts");
        builder.HasOne(d => d.Module).WithOne().HasForeignKey<ModuleDraft>(d => d.ModuleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.ModuleId).IsUnique();
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.Summary).HasMaxLength(500);
        builder.HasOne(d => d.Category).WithMany().HasForeignKey(d => d.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.CategoryId);
        builder.PrimitiveCollection(d => d.Tags);
        builder.PrimitiveCollection(d => d.Authors);
        builder.Property(d => d.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Cover).HasMaxLength(300);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(d => new { d.State, d.ScheduledFor });
        builder.Property(d => d.ScheduleProblem).HasMaxLength(2000);
        builder.Property(d => d.ScheduledBy).HasMaxLength(100);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Property(d => d.UpdatedBy).HasMaxLength(100);
        builder.OwnsMany(d => d.Images, images =>
        {
            images.ToTable("DraftImages");
            images.WithOwner().HasForeignKey(i => i.DraftId);
            images.HasKey(i => new { i.DraftId, i.Path });
            images.Property(i => i.Path).HasMaxLength(300);
            images.HasOne(i => i.MediaFile).WithMany().HasForeignKey(i => i.MediaFileId).OnDelete(DeleteBehavior.Restrict);
            images.HasIndex(i => i.MediaFileId);
        });
    }
}
