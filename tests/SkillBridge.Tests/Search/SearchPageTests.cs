using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Infrastructure.Databases;

namespace SkillBridge.Tests.Search;

[Collection(StarterSite.Name)]
public sealed class SearchPageTests(SkillBridgeWebFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Get_Query_ListsModulesWithMarkedMatchesWithoutJavaScript()
    {
        var page = await _client.GetPageAsync("/search?q=password+manager");

        var first = page.QuerySelector(".search-hits li h2 a")!;
        Assert.Equal("/modules/use-a-password-manager", first.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector(".search-hits mark"));
    }

    [Fact]
    public async Task Get_FacetLink_NarrowsTheResultsToThatCategory()
    {
        var page = await _client.GetPageAsync("/search?q=security");
        var link = page.QuerySelectorAll(".search-facets a").First(a => a.GetAttribute("href")!.Contains("category=tools", StringComparison.Ordinal));

        var narrowed = await _client.GetPageAsync(link.GetAttribute("href")!);

        Assert.NotEmpty(narrowed.QuerySelectorAll(".search-hits li"));
        Assert.NotNull(narrowed.QuerySelector(".search-facets a[aria-current='true']"));
    }

    [Fact]
    public async Task Get_HostileQuery_IsAnOrdinaryPage()
    {
        var page = await _client.GetPageAsync("/search?q=" + Uri.EscapeDataString("\"<script>alert(1)</script> NEAR( AND -* category:\"") + "&level=99&page=-5");

        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Equal("Search modules", page.Text("main h1"));
    }

    [Fact]
    public async Task Get_NothingFound_IsRecordedWithoutWhoAskedAndShownToCurators()
    {
        var words = "quantum-knitting-" + Guid.NewGuid().ToString("N")[..6];
        using var learner = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("search.learner"));
        await learner.GetPageAsync("/search?q=" + words);
        await _client.GetAsync("/api/search/suggest?q=" + words);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
            var row = await db.MissedSearches.AsNoTracking().SingleAsync(s => s.Query == words);
            Assert.Equal(words, row.NormalizedQuery);
        }

        using var curator = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("search.curator"), Roles.Curator);
        var misses = await curator.GetPageAsync("/search/misses");
        Assert.Contains(words, misses.Text("#missed-searches"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_OnlyModulesWithSomeOfTheWords_IsRecordedAsAMiss()
    {
        // No module holds the made-up word: the page shows the phishing modules (any word) and says so.
        var words = "phishing zq" + Guid.NewGuid().ToString("N")[..8].Replace('0', 'x');

        var page = await _client.GetPageAsync("/search?q=" + Uri.EscapeDataString(words));

        Assert.Contains("No module has all of these words", page.Text("main"), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        Assert.True(await db.MissedSearches.AsNoTracking().AnyAsync(s => s.Query == words));
    }

    [Fact]
    public async Task Api_Search_ReturnsResultsSnippetsAndFacets()
    {
        using var response = await _client.GetAsync("/api/search?q=linkedin&category=social-media");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = json.RootElement.GetProperty("results");
        Assert.True(results.GetArrayLength() > 0);
        Assert.All(results.EnumerateArray(), r => Assert.Equal("social-media", r.GetProperty("category").GetString()));
        Assert.Contains("<mark>", results[0].GetProperty("titleHtml").GetString(), StringComparison.Ordinal);
        Assert.True(json.RootElement.GetProperty("facets").GetProperty("categories").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Api_Suggest_ReturnsModuleTitlesWithUrls()
    {
        using var response = await _client.GetAsync("/api/search/suggest?q=passw");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Contains(json.RootElement.EnumerateArray(), s => s.GetProperty("url").GetString() == "/modules/use-a-password-manager");
    }

    [Fact]
    public async Task OpenApi_DescribesTheSearchApi()
    {
        using var response = await _client.GetAsync("/openapi/v1.json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var paths = json.RootElement.GetProperty("paths");
        var search = paths.GetProperty("/api/search").GetProperty("get");
        Assert.Contains(search.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "q");
        Assert.True(paths.TryGetProperty("/api/search/suggest", out _));
    }

    [Fact]
    public async Task Health_ShowsIndexedAgainstPublishedAndTheLagBehindTheChangeLog()
    {
        var page = await _client.GetPageAsync("/health");

        Assert.Matches(
            @"^\d+ indexed of \d+ published \(consistent\); change log applied to entry (\d+) of \1 \(lag 0\)$",
            page.Text("#health-search"));
    }

    [Fact]
    public async Task Layout_EveryPageHasALabelledSearchBox()
    {
        var page = await _client.GetPageAsync("/paths");

        var input = page.QuerySelector("header form[action='/search'] input[name=q]")!;
        Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']"));
    }
}
