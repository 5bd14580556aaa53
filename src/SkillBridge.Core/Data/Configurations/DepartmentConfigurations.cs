using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillBridge.Core.Departments;
using SkillBridge.Core.People;

namespace SkillBridge.Core.Data.Configurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ToTable("Departments");
        builder.Property(d => d.Name).HasMaxLength(Department.NameMaxLength);
        builder.HasIndex(d => d.Name).IsUnique();
        builder.HasOne<Department>().WithMany().HasForeignKey(d => d.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DepartmentMembershipConfiguration : IEntityTypeConfiguration<DepartmentMembership>
{
    public void Configure(EntityTypeBuilder<DepartmentMembership> builder)
    {
        builder.ToTable("DepartmentMemberships");
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Department>().WithMany().HasForeignKey(m => m.DepartmentId).OnDelete(DeleteBehavior.Restrict);

        // Reports look up the department a person was in at a given time; lists look up who is in one now.
        builder.HasIndex(m => new { m.PersonId, m.StartedAt });
        builder.HasIndex(m => m.PersonId).IsUnique().HasFilter("\"EndedAt\" IS NULL").HasDatabaseName("IX_DepartmentMemberships_OpenPerPerson");
        builder.HasIndex(m => new { m.DepartmentId, m.EndedAt });
    }
}
