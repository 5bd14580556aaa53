using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillBridge.Core.Departments;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Data.Configurations;

internal sealed class ModuleRevisionConfiguration : IEntityTypeConfiguration<ModuleRevision>
{
    public void Configure(EntityTypeBuilder<ModuleRevision> builder)
    {
        builder.ToTable("ModuleRevisions");
        builder.HasIndex(r => new { r.ModuleId, r.Number }).IsUnique();
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Summary).HasMaxLength(500);
        builder.Property(r => r.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Cover).HasMaxLength(300);
        builder.Property(r => r.ContentHash).HasMaxLength(64);
        builder.Property(r => r.CreatedBy).HasMaxLength(100);
        builder.Property(r => r.PublishNote).HasMaxLength(300);
        builder.HasOne(r => r.Category).WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.CategoryId);

        builder.OwnsMany(r => r.Tags, tags =>
        {
            tags.ToTable("RevisionTags");
            tags.WithOwner().HasForeignKey(t => t.RevisionId);
            tags.HasKey(t => new { t.RevisionId, t.Tag });
            tags.Property(t => t.Tag).HasMaxLength(60);
            tags.HasIndex(t => t.Tag);
        });

        builder.OwnsMany(r => r.Authors, authors =>
        {
            authors.ToTable("RevisionAuthors");
            authors.WithOwner().HasForeignKey(a => a.RevisionId);
            authors.HasKey(a => new { a.RevisionId, a.PersonId });
            authors.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
            authors.HasIndex(a => a.PersonId);
            authors.HasOne<Department>().WithMany().HasForeignKey(a => a.DepartmentId).OnDelete(DeleteBehavior.SetNull);
            authors.HasIndex(a => new { a.RevisionId, a.PersonId, a.DepartmentId });
        });

        builder.OwnsMany(r => r.Images, images =>
        {
            images.ToTable("RevisionImages");
            images.WithOwner().HasForeignKey(i => i.RevisionId);
            images.HasKey(i => new { i.RevisionId, i.Path });
            images.Property(i => i.Path).HasMaxLength(300);
            images.HasOne(i => i.MediaFile).WithMany().HasForeignKey(i => i.MediaFileId).OnDelete(DeleteBehavior.Restrict);
            images.HasIndex(i => i.MediaFileId);
        });
    }
}
