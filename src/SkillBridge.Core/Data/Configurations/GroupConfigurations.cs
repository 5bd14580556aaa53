using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Groups;
using SkillBridge.Core.People;

namespace SkillBridge.Core.Data.Configurations;

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.ToTable("Groups");
        builder.Property(g => g.Name).HasMaxLength(Group.NameMaxLength);
        builder.HasIndex(g => g.Name).IsUnique();
        builder.Property(g => g.Description).HasMaxLength(Group.DescriptionMaxLength);
        builder.HasOne<SkillBridgeUser>().WithMany().HasForeignKey(g => g.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class GroupMembershipConfiguration : IEntityTypeConfiguration<GroupMembership>
{
    public void Configure(EntityTypeBuilder<GroupMembership> builder)
    {
        builder.ToTable("GroupMemberships");
        builder.HasOne<Group>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.GroupId, m.LeftAt });
        builder.HasIndex(m => new { m.PersonId, m.LeftAt });
        builder.HasIndex(m => new { m.GroupId, m.PersonId }).IsUnique().HasFilter("\"LeftAt\" IS NULL").HasDatabaseName("IX_GroupMemberships_OpenPerPerson");
    }
}
