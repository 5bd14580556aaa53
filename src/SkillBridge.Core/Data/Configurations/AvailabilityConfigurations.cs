using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Mentoring.Availability;

namespace SkillBridge.Core.Data.Configurations;

internal sealed class AvailabilityRangeConfiguration : IEntityTypeConfiguration<AvailabilityRange>
{
    public void Configure(EntityTypeBuilder<AvailabilityRange> builder)
    {
        builder.ToTable("AvailabilityRanges");

        // Availability is the author's own; it goes with their account.
        builder.HasOne<SkillBridgeUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.UserId, r.Day });
    }
}

internal sealed class AvailabilitySkippedWeekConfiguration : IEntityTypeConfiguration<AvailabilitySkippedWeek>
{
    public void Configure(EntityTypeBuilder<AvailabilitySkippedWeek> builder)
    {
        builder.ToTable("AvailabilitySkippedWeeks");
        builder.HasOne<SkillBridgeUser>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => new { w.UserId, w.WeekStart }).IsUnique();
    }
}
