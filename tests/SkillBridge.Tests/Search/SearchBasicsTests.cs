using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Search;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Search;

/// <summary>
/// What search does on every engine, from each site's own Lucene index: words, phrases, excluded words, filters and facets over the starter content, and input that is only ever text.
/// </summary>
[Collection(StarterSite.Name)]
public sealed class SearchBasicsTests(SkillBridgeWebFactory factory)
{
    private const string PasswordManager = "use-a-password-manager";

    [Theory]
    [InlineData("password manager")]
    [InlineData("Password MANAGER")]
    [InlineData("\"password manager\"")]
    public async Task Search_SeveralWords_PutsTheModuleWithThemInItsTitleFirst(string query)
    {
        var found = await SearchAsync(new SearchRequest(query));

        Assert.Equal(PasswordManager, found.Hits[0].Slug);
        Assert.False(found.MatchedAnyWord);
    }

    [Fact]
    public async Task Search_ExcludedWord_RemovesTheModuleThatHasIt()
    {
        // Bitwarden is named only in the body of the password manager module.
        var found = await SearchAsync(new SearchRequest("password manager -bitwarden"));

        Assert.DoesNotContain(found.Hits, h => h.Slug == PasswordManager);
    }

    [Fact]
    public async Task Search_WordsNoModuleHasTogether_ShowsModulesWithAnyOfThemAndSaysSo()
    {
        var found = await SearchAsync(new SearchRequest("bitwarden qqqzzz"));

        Assert.True(found.MatchedAnyWord);
        Assert.Equal(PasswordManager, Assert.Single(found.Hits).Slug);
    }

    [Theory]
    [InlineData("password category:tools", null, true)]
    [InlineData("password category:social-media", null, false)]
    [InlineData("password level:beginner", null, true)]
    [InlineData("password level:advanced", null, false)]
    [InlineData("password duration:medium", null, true)]
    [InlineData("password duration:quick", null, false)]
    [InlineData("password author:lena.fischer", null, true)]
    [InlineData("password author:priya.shah", null, false)]
    [InlineData("password", "tools", true)]
    [InlineData("password", "work-hacks", false)]
    public async Task Search_Filter_KeepsOnlyModulesThatMeetIt(string query, string? category, bool kept)
    {
        var all = await SearchAsync(new SearchRequest("password"));

        var found = await SearchAsync(new SearchRequest(query, Category: category));

        Assert.Equal(kept, found.Hits.Any(h => h.Slug == PasswordManager));
        Assert.True(found.Total <= all.Total, $"{found.Total} of {all.Total}");
    }

    [Fact]
    public async Task Search_Facets_CountEachMatchOnceInItsCategoryLevelAndDuration()
    {
        var found = await SearchAsync(new SearchRequest("password"));

        var facets = found.Facets!;
        Assert.Equal(found.Total, facets.Categories.Sum(c => c.Count));
        Assert.Equal(found.Total, facets.Levels.Sum(l => l.Count));
        Assert.Equal(found.Total, facets.Durations.Sum(d => d.Count));
        Assert.Equal(found.Hits.Count(h => h.Category == "tools"), facets.Categories.Single(c => c.Value == "tools").Count);
        Assert.Contains(facets.Authors, a => a.Value == "lena.fischer" && a.Label == "Lena Fischer" && a.Count >= 1);
    }

    [Fact]
    public async Task Search_Facets_CountWithTheOtherFiltersApplied()
    {
        var all = await SearchAsync(new SearchRequest("password"));

        var inTools = await SearchAsync(new SearchRequest("password", Category: "tools"));

        // The category facet ignores the category filter (so the learner can switch); the others count only tools.
        Assert.Equal(all.Facets!.Categories, inTools.Facets!.Categories);
        Assert.Equal(inTools.Total, inTools.Facets.Levels.Sum(l => l.Count));
        Assert.True(inTools.Total < all.Total);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("%%")]
    [InlineData("%_%")]
    [InlineData("\\")]
    [InlineData("\\%")]
    [InlineData("'")]
    [InlineData("\"%\"")]
    [InlineData("\"\"")]
    [InlineData("*")]
    public async Task Search_WildcardsAndQuotesAlone_MatchNothing(string query)
    {
        var found = await SearchAsync(new SearchRequest(query));

        Assert.Equal(0, found.Total);
        Assert.Empty(found.Hits);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("t%")]
    [InlineData("tool_")]
    [InlineData("\\")]
    [InlineData("' OR '1'='1")]
    [InlineData("tools' --")]
    public async Task Search_FilterWithWildcardsOrSql_MatchesNoModule(string value)
    {
        var byCategory = await SearchAsync(new SearchRequest("password", Category: value));
        var byAuthor = await SearchAsync(new SearchRequest("password", Author: value));

        Assert.Equal(0, byCategory.Total);
        Assert.Equal(0, byAuthor.Total);
    }

    [Theory]
    [InlineData("pass%word")]
    [InlineData("pass_word")]
    [InlineData("pass\\word")]
    // An apostrophe inside a word keeps it one word, as the index reads text ("don't"): SearchCorrectionTests.
    public async Task Search_WildcardOrBackslashInsideAWord_SeparatesWordsLikeASpace(string query)
    {
        var spaced = await SearchAsync(new SearchRequest("pass word"));

        var found = await SearchAsync(new SearchRequest(query));

        Assert.Equal(spaced.Hits.Select(h => h.Slug), found.Hits.Select(h => h.Slug));
    }

    [Theory]
    [InlineData("'; DELETE FROM \"Modules\"; --")]
    [InlineData("\" OR 1=1 --")]
    [InlineData("' OR '1'='1")]
    public async Task Search_SqlText_IsSearchedAsWordsAndChangesNothing(string query)
    {
        var published = await PublishedAsync();

        var found = await SearchAsync(new SearchRequest(query));

        Assert.True(found.Total < published, $"'{query}' matched {found.Total} of {published}");
        Assert.Equal(published, await PublishedAsync());
    }

    [Fact]
    public async Task Get_NothingFoundWithANullCharacter_IsAnOrdinaryPageAndIsRecorded()
    {
        var words = "quantum\0knitting" + Guid.NewGuid().ToString("N")[..6];

        using var response = await factory.CreateClient().GetAsync("/search?q=" + Uri.EscapeDataString(words));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        Assert.True(await db.MissedSearches.AnyAsync(s => s.Query == words.Replace("\0", "", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("password")]
    [InlineData("share screen")]
    [InlineData("category:social-media")]
    public async Task Search_Hits_ShowEachModuleAsTheDatabaseHoldsIt(string words)
    {
        var found = await SearchAsync(new SearchRequest(words));

        Assert.NotEmpty(found.Hits);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        foreach (var hit in found.Hits)
        {
            var module = await db.Modules.AsNoTracking()
                .Include(m => m.PublishedRevision!).ThenInclude(r => r.Category)
                .Include(m => m.PublishedRevision!).ThenInclude(r => r.Authors).ThenInclude(a => a.Person)
                .Include(m => m.PublishedRevision!).ThenInclude(r => r.Images).ThenInclude(i => i.MediaFile)
                .SingleAsync(m => m.Id == hit.ModuleId);
            var revision = module.PublishedRevision!;
            var cover = revision.Images.SingleOrDefault(i => i.Path == revision.Cover)?.MediaFile;
            Assert.Equal(
                (module.Slug, revision.Title, revision.Category.Key, revision.Level, revision.Minutes,
                    string.Join(", ", revision.Authors.OrderBy(a => a.Position).Select(a => a.Person.Name)),
                    cover is null ? null : SkillBridge.Core.Media.MediaUrls.Of(cover.Sha256, cover.ContentType)),
                (hit.Slug, hit.Title, hit.Category, hit.Level, hit.Minutes, hit.Authors, hit.CoverUrl));
        }
    }

    private async Task<SearchResults> SearchAsync(SearchRequest request)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SearchService>().SearchAsync(request);
    }

    private async Task<int> PublishedAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().Modules.CountAsync(m => m.Status == ModuleStatus.Published);
    }
}
