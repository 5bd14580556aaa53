using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillBridge.Core.People;

namespace SkillBridge.Core.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.Property(p => p.Username).HasMaxLength(100);
        builder.HasIndex(p => p.Username).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.HasOne(p => p.Department).WithMany().HasForeignKey(p => p.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Bio).HasMaxLength(2000);
        builder.Property(p => p.Email).HasMaxLength(320);
        builder.PrimitiveCollection(p => p.HelpsWith);
        builder.PrimitiveCollection(p => p.Roles);
        builder.HasOne(p => p.Photo).WithMany().HasForeignKey(p => p.PhotoMediaFileId).OnDelete(DeleteBehavior.SetNull);
    }
}
