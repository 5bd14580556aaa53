using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillBridge.Core.Search.Synonyms;

namespace SkillBridge.Core.Data.Configurations;

internal sealed class SearchSynonymConfiguration : IEntityTypeConfiguration<SearchSynonym>
{
    public void Configure(EntityTypeBuilder<SearchSynonym> builder)
    {
        builder.ToTable("SearchSynonyms");
        builder.Property(s => s.Searched).HasMaxLength(SearchSynonym.MaxLength);
        builder.Property(s => s.Meaning).HasMaxLength(SearchSynonym.MaxLength);
        builder.Property(s => s.NormalizedMeaning).HasMaxLength(SearchSynonym.MaxLength);
        builder.Property(s => s.CreatedBy).HasMaxLength(256);
        builder.Property(s => s.ChangedBy).HasMaxLength(256);
        builder.HasIndex(s => new { s.Searched, s.NormalizedMeaning }).IsUnique();
    }
}

internal sealed class SearchSynonymVersionConfiguration : IEntityTypeConfiguration<SearchSynonymVersion>
{
    public void Configure(EntityTypeBuilder<SearchSynonymVersion> builder)
    {
        builder.ToTable("SearchSynonymVersions");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new SearchSynonymVersion { Id = SearchSynonymVersion.SingleId, Version = 0 });
    }
}
