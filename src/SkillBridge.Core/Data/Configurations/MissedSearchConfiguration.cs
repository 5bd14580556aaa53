using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillBridge.Core.Search;

namespace SkillBridge.Core.Data.Configurations;

internal sealed class MissedSearchConfiguration : IEntityTypeConfiguration<MissedSearch>
{
    public void Configure(EntityTypeBuilder<MissedSearch> builder)
    {
        builder.ToTable("MissedSearches");
        builder.Property(s => s.Query).HasMaxLength(MissedSearch.MaxQueryLength);
        builder.Property(s => s.NormalizedQuery).HasMaxLength(MissedSearch.MaxQueryLength);
        builder.HasIndex(s => s.NormalizedQuery);
        builder.HasIndex(s => s.SearchedAt);
    }
}
