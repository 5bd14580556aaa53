using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Data.Configurations;

internal sealed class ModuleConfiguration : IEntityTypeConfiguration<Module>
{
    public void Configure(EntityTypeBuilder<Module> builder)
    {
        builder.ToTable("Modules");
        builder.Property(m => m.Slug).HasMaxLength(120);
        builder.HasIndex(m => m.Slug).IsUnique();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(m => m.Status);
        builder.HasMany(m => m.Revisions).WithOne(r => r.Module).HasForeignKey(r => r.ModuleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.PublishedRevision).WithMany().HasForeignKey(m => m.PublishedRevisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ModuleRevision>().WithMany().HasForeignKey(m => m.LastImportedRevisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
