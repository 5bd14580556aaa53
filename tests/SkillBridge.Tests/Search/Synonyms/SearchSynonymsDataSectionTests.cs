using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Search.Synonyms;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Search.Synonyms;

/// <summary>A curator's name on the synonyms they added or changed is theirs: exported, and replaced when the account goes.</summary>
public sealed class SearchSynonymsDataSectionTests : IAsyncLifetime
{
    private static readonly PersonalDataSubject Cora = new("user-1", "cora.curator", "cora@test.example", null, null);

    private TestSite _site = null!;

    public async Task InitializeAsync()
    {
        _site = await TestSite.CreateAsync();
        await using var scope = _site.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<SearchSynonymService>();
        await service.AddAsync("teems", "teams", "cora.curator");
        await service.AddAsync("tweet", "twitter", "dan.curator");
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task ExportAsync_CuratorsSynonyms_ListsOnlyTheirs()
    {
        var records = (IReadOnlyList<SynonymRecord>)(await _site.WithDbAsync(db => new SearchSynonymsDataSection(db).ExportAsync(Cora, CancellationToken.None)))!;

        var record = Assert.Single(records);
        Assert.Equal(("teems", "teams", true, true), (record.Searched, record.Meaning, record.Created, record.LastChanged));
    }

    [Fact]
    public async Task EraseAsync_CuratorsSynonyms_KeepsThemUnderTheFormerUsername()
    {
        await _site.WithDbAsync(async db =>
        {
            await new SearchSynonymsDataSection(db).EraseAsync(new PersonalDataErasure(Cora, "former-abc123", PersonKept: false), CancellationToken.None);
            return 0;
        });

        var rows = await _site.WithDbAsync(db => db.SearchSynonyms.AsNoTracking().OrderBy(s => s.Searched).Select(s => new { s.CreatedBy, s.ChangedBy }).ToListAsync());
        Assert.Equal(["former-abc123", "dan.curator"], rows.Select(r => r.CreatedBy));
        Assert.Equal(["former-abc123", "dan.curator"], rows.Select(r => r.ChangedBy));
    }
}
