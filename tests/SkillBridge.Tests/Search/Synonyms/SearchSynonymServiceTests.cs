using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;
using SkillBridge.Core.Search.Synonyms;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Search.Synonyms;

/// <summary>The curators' synonym list: what is stored, what is refused (changing nothing), and the audit trail.</summary>
public sealed class SearchSynonymServiceTests : IAsyncLifetime
{
    private TestSite _site = null!;

    public async Task InitializeAsync() => _site = await TestSite.CreateAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task AddAsync_NewPair_StoresTheSearchedTextFoldedAndAudits()
    {
        var result = await WithServiceAsync(sut => sut.AddAsync("  Screen   SHARE ", " share your  screen ", "cora.curator"));

        Assert.True(result.Succeeded);
        Assert.Equal("Added: people who search “screen share” mean “share your screen”.", result.Message);
        var row = await _site.WithDbAsync(db => db.SearchSynonyms.AsNoTracking().SingleAsync());
        Assert.Equal(("screen share", "share your screen", "cora.curator", TestSite.Now.UtcDateTime), (row.Searched, row.Meaning, row.CreatedBy, row.CreatedAt));
        var entry = Assert.Single(await AuditAsync(AuditAction.SynonymAdded));
        Assert.Equal(("cora.curator", "screen share", "means share your screen"), (entry.Actor, entry.Subject, entry.Details));
    }

    [Theory]
    [InlineData("", "teams", SearchSynonymField.Searched, "Enter what people search for.")]
    [InlineData("   ", "teams", SearchSynonymField.Searched, "Enter what people search for.")]
    [InlineData("tea\nms", "teams", SearchSynonymField.Searched, "What people search for must be a single line without control characters.")]
    [InlineData("teems", "", SearchSynonymField.Meaning, "Enter what they mean.")]
    [InlineData("teems", "tea\tms", SearchSynonymField.Meaning, "What they mean must be a single line without control characters.")]
    [InlineData("Teams", "teams", SearchSynonymField.Meaning, "What they mean must differ from what they search for.")]
    [InlineData("MS  Teams", "ms teams", SearchSynonymField.Meaning, "What they mean must differ from what they search for.")]
    [InlineData("TEEMS", "Microsoft TEAMS", SearchSynonymField.Searched, "The list already says that people who search “teems” mean “Microsoft TEAMS”.")]
    public async Task AddAsync_BadInput_IsRefusedNextToItsFieldAndChangesNothing(string searched, string meaning, SearchSynonymField field, string message)
    {
        await WithServiceAsync(sut => sut.AddAsync("teems", "microsoft teams", "cora.curator"));
        var version = await VersionAsync();

        var result = await WithServiceAsync(sut => sut.AddAsync(searched, meaning, "cora.curator"));

        Assert.Equal((SearchSynonymStatus.Invalid, field, message), (result.Status, result.Field, result.Message));
        Assert.Equal(1, await _site.WithDbAsync(db => db.SearchSynonyms.CountAsync()));
        Assert.Equal(version, await VersionAsync());
        Assert.Single(await AuditAsync(AuditAction.SynonymAdded));
    }

    [Fact]
    public async Task AddAsync_TooLong_IsRefused()
    {
        var result = await WithServiceAsync(sut => sut.AddAsync(new string('a', SearchSynonym.MaxLength + 1), "teams", "cora.curator"));

        Assert.Equal((SearchSynonymField.Searched, "What people search for is at most 100 characters."), (result.Field, result.Message));
        Assert.Equal(0, await _site.WithDbAsync(db => db.SearchSynonyms.CountAsync()));
    }

    [Fact]
    public async Task AddAsync_SecondMeaningForTheSameSearch_IsKeptBesideTheFirst()
    {
        await WithServiceAsync(sut => sut.AddAsync("tweet", "twitter", "cora.curator"));

        var result = await WithServiceAsync(sut => sut.AddAsync("Tweet", "X", "cora.curator"));

        Assert.True(result.Succeeded);
        Assert.Equal(["tweet", "tweet"], await _site.WithDbAsync(db => db.SearchSynonyms.Select(s => s.Searched).ToListAsync()));
    }

    [Fact]
    public async Task ChangeAsync_NewMeaning_UpdatesBumpsTheVersionAndAuditsTheOldValue()
    {
        await WithServiceAsync(sut => sut.AddAsync("teems", "teans", "cora.curator"));
        var id = await _site.WithDbAsync(db => db.SearchSynonyms.Select(s => s.Id).SingleAsync());
        var version = await VersionAsync();
        _site.Clock.Advance(TimeSpan.FromHours(1));

        var result = await WithServiceAsync(sut => sut.ChangeAsync(id, "teems", "teams", "dan.curator"));

        Assert.True(result.Succeeded);
        var row = await _site.WithDbAsync(db => db.SearchSynonyms.AsNoTracking().SingleAsync());
        Assert.Equal(("teams", "cora.curator", "dan.curator", TestSite.Now.UtcDateTime.AddHours(1)), (row.Meaning, row.CreatedBy, row.ChangedBy, row.ChangedAt));
        Assert.Equal(version + 1, await VersionAsync());
        var entry = Assert.Single(await AuditAsync(AuditAction.SynonymChanged));
        Assert.Equal(("dan.curator", "means teams; was “teems” → “teans”"), (entry.Actor, entry.Details));
    }

    [Fact]
    public async Task ChangeAsync_IntoAnotherSynonymsPair_IsRefused()
    {
        await WithServiceAsync(sut => sut.AddAsync("teems", "teams", "cora.curator"));
        await WithServiceAsync(sut => sut.AddAsync("teens", "teams", "cora.curator"));
        var teens = await _site.WithDbAsync(db => db.SearchSynonyms.Where(s => s.Searched == "teens").Select(s => s.Id).SingleAsync());

        var result = await WithServiceAsync(sut => sut.ChangeAsync(teens, "Teems", "Teams", "cora.curator"));

        Assert.Equal(SearchSynonymStatus.Invalid, result.Status);
        Assert.Equal("teens", await _site.WithDbAsync(db => db.SearchSynonyms.Where(s => s.Id == teens).Select(s => s.Searched).SingleAsync()));
    }

    [Fact]
    public async Task RemoveAsync_Existing_DeletesAuditsAndBumpsTheVersion()
    {
        await WithServiceAsync(sut => sut.AddAsync("teems", "teams", "cora.curator"));
        var id = await _site.WithDbAsync(db => db.SearchSynonyms.Select(s => s.Id).SingleAsync());
        var version = await VersionAsync();

        var result = await WithServiceAsync(sut => sut.RemoveAsync(id, "dan.curator"));

        Assert.True(result.Succeeded);
        Assert.Equal(0, await _site.WithDbAsync(db => db.SearchSynonyms.CountAsync()));
        Assert.Equal(version + 1, await VersionAsync());
        Assert.Contains(await AuditAsync(AuditAction.SynonymRemoved), e => e.Subject == "teems" && e.Details == "meant teams");
    }

    [Fact]
    public async Task RemoveAsync_Missing_IsNotFound()
    {
        var result = await WithServiceAsync(sut => sut.RemoveAsync(999_999, "dan.curator"));

        Assert.Equal(SearchSynonymStatus.NotFound, result.Status);
        Assert.Empty(await AuditAsync(AuditAction.SynonymRemoved));
    }

    private async Task<SearchSynonymResult> WithServiceAsync(Func<SearchSynonymService, Task<SearchSynonymResult>> work)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SearchSynonymService>());
    }

    private Task<long> VersionAsync() => _site.WithDbAsync(db => db.SearchSynonymVersions.Select(v => v.Version).SingleAsync());

    private Task<List<AuditEntry>> AuditAsync(string action) =>
        _site.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == action).ToListAsync());
}
