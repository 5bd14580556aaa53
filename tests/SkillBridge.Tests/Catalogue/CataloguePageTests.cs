using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Catalogue;

[Collection(StarterSite.Name)]
public sealed class CataloguePageTests(SkillBridgeWebFactory factory)
{
    private static readonly string ContentFolder = SolutionFolders.Find("content", AppContext.BaseDirectory)!;

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Get_NoFilters_ShowsEveryStarterModuleInTheCount()
    {
        var moduleFiles = Directory.GetFiles(Path.Combine(ContentFolder, "modules"), "*.md", SearchOption.AllDirectories).Length;

        var page = await _client.GetPageAsync("/");

        Assert.Equal($"{moduleFiles} modules", page.Text("#results-heading"));
    }

    [Fact]
    public async Task Get_FirstPage_ShowsOnePageOfCardsWithTitleSummaryLevelMinutesAndAuthor()
    {
        var page = await _client.GetPageAsync("/");

        var cards = page.QuerySelectorAll(".cards > li.card");
        Assert.Equal(12, cards.Length);
        var card = cards[0];
        Assert.NotNull(card.QuerySelector("h2 a[href^='/modules/']"));
        Assert.NotEmpty(card.QuerySelector("p:not(.eyebrow)")!.TextContent.Trim());
        Assert.NotNull(card.QuerySelector(".badge"));
        Assert.Matches(@"\d+ min", card.QuerySelector(".meta")!.TextContent);
        Assert.NotNull(card.QuerySelector("a[href^='/people/']"));
    }

    [Theory]
    [InlineData("tools")]
    [InlineData("social-media")]
    [InlineData("work-hacks")]
    public async Task Get_CategoryFilter_ShowsOnlyThatCategory(string category)
    {
        var filesInCategory = Directory.GetFiles(Path.Combine(ContentFolder, "modules", category), "*.md").Length;

        var page = await _client.GetPageAsync($"/?category={category}");

        Assert.Equal($"{filesInCategory} modules", page.Text("#results-heading"));
        Assert.All(page.QuerySelectorAll(".card .eyebrow"), e => Assert.Equal(CategoryName(category), e.TextContent.Trim()));
    }

    [Theory]
    [InlineData(ModuleLevel.Beginner)]
    [InlineData(ModuleLevel.Intermediate)]
    [InlineData(ModuleLevel.Advanced)]
    public async Task Get_LevelFilter_CountsOnlyThatLevel(ModuleLevel level)
    {
        var expected = await CountPublishedAsync(db => db.Where(r => r.Level == level));

        var page = await _client.GetPageAsync($"/?level={level.ToString().ToLowerInvariant()}");

        Assert.Equal(expected == 1 ? "1 module" : $"{expected} modules", page.Text("#results-heading"));
        Assert.All(page.QuerySelectorAll(".card .badge"), b => Assert.Equal(level.ToString(), b.TextContent.Trim()));
    }

    [Fact]
    public async Task Get_TagFilter_ShowsOnlyModulesWithThatTag()
    {
        var expected = await CountPublishedAsync(db => db.Where(r => r.Tags.Any(t => t.Tag == "teams")));

        var page = await _client.GetPageAsync("/?tag=teams");

        Assert.True(expected > 0);
        Assert.Equal(expected == 1 ? "1 module" : $"{expected} modules", page.Text("#results-heading"));
    }

    [Theory]
    [InlineData("quick", 0, 5)]
    [InlineData("medium", 6, 10)]
    [InlineData("longer", 11, 999)]
    public async Task Get_DurationFilter_ShowsOnlyModulesInThatRange(string duration, int min, int max)
    {
        var expected = await CountPublishedAsync(db => db.Where(r => r.Minutes >= min && r.Minutes <= max));

        var page = await _client.GetPageAsync($"/?duration={duration}");

        Assert.Equal(expected == 1 ? "1 module" : $"{expected} modules", page.Text("#results-heading"));
        Assert.All(Minutes(page), m => Assert.InRange(m, min, max));
    }

    [Fact]
    public async Task Get_SortShortest_ListsModulesByMinutesAscending()
    {
        var page = await _client.GetPageAsync("/?sort=shortest");

        var minutes = Minutes(page);
        Assert.Equal(minutes.Order(), minutes);
        Assert.True(minutes.Distinct().Count() > 1);
    }

    [Fact]
    public async Task Get_SortNewest_ListsMostRecentlyUpdatedFirst()
    {
        string newestSlug;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
            newestSlug = await db.Modules.Where(m => m.Status == ModuleStatus.Published)
                .OrderByDescending(m => m.PublishedRevision!.UpdatedOn).ThenBy(m => m.PublishedRevision!.Title)
                .Select(m => m.Slug).FirstAsync();
        }

        var page = await _client.GetPageAsync("/?sort=newest");

        Assert.Equal($"/modules/{newestSlug}", page.QuerySelector(".card h2 a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Get_SecondPage_ShowsTheRemainingModules()
    {
        var first = await _client.GetPageAsync("/");
        var second = await _client.GetPageAsync("/?page=2");

        var firstSlugs = Slugs(first);
        var secondSlugs = Slugs(second);
        Assert.NotEmpty(secondSlugs);
        Assert.Empty(firstSlugs.Intersect(secondSlugs));
        Assert.Equal("2", second.QuerySelector(".pager [aria-current=page]")!.TextContent.Replace("Page", "", StringComparison.Ordinal).Trim());
    }

    [Fact]
    public async Task Get_CombinedFilters_KeepsOtherFiltersInPagerAndFormLinks()
    {
        var page = await _client.GetPageAsync("/?category=tools&level=beginner");

        var category = (IHtmlSelectElement)page.QuerySelector("#filter-category")!;
        Assert.Equal("tools", category.Value);
        var beginner = (IHtmlInputElement)page.QuerySelector("input[name=level][value=beginner]")!;
        Assert.True(beginner.IsChecked);
    }

    [Fact]
    public async Task Get_UnknownLevel_IsIgnoredWithAMessage()
    {
        var page = await _client.GetPageAsync("/?level=expert");

        Assert.Contains("“expert” is not a level", page.Text(".notice"), StringComparison.Ordinal);
        Assert.Equal(await CountPublishedAsync(q => q) + " modules", page.Text("#results-heading"));
    }

    [Fact]
    public async Task Get_FilterMatchingNothing_SaysSoAndOffersToClear()
    {
        var page = await _client.GetPageAsync("/?tag=no-such-tag");

        Assert.Equal("0 modules", page.Text("#results-heading"));
        Assert.Contains("No module matches these filters", page.Body!.TextContent, StringComparison.Ordinal);
    }

    private static string CategoryName(string key) => key switch
    {
        "tools" => "Tools",
        "social-media" => "Social media",
        _ => "Work hacks",
    };

    private static List<int> Minutes(IHtmlDocument page) =>
        page.QuerySelectorAll(".card .meta li")
            .Select(li => li.TextContent.Trim())
            .Where(t => t.EndsWith(" min", StringComparison.Ordinal))
            .Select(t => int.Parse(t[..^4], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    private static List<string> Slugs(IHtmlDocument page) =>
        page.QuerySelectorAll(".card h2 a").Select(a => a.GetAttribute("href")!).ToList();

    private async Task<int> CountPublishedAsync(Func<IQueryable<ModuleRevision>, IQueryable<ModuleRevision>> filter)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        return await filter(db.Modules.Where(m => m.Status == ModuleStatus.Published).Select(m => m.PublishedRevision!)).CountAsync();
    }
}
