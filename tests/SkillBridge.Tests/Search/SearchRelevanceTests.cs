using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Search;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Search;

/// <summary>
/// Relevance on the starter content, on both engines: the module a learner means comes first (or in the top three),
/// plurals and prefixes included. Typo correction and the orderings only bm25 gets right are in <see cref="SearchFts5Tests"/>.
/// </summary>
[Collection(StarterSite.Name)]
public sealed class SearchRelevanceTests(SkillBridgeWebFactory factory)
{
    [Theory]
    [InlineData("share one window", "share-your-screen")]
    [InlineData("linkedin profile", "linkedin-profile-basics")]
    [InlineData("password manager", "use-a-password-manager")]
    [InlineData("phishing", "spot-a-phishing-message")]
    [InlineData("spreadsheet", "spreadsheet-basics-for-managers")]
    [InlineData("spread", "spreadsheet-basics-for-managers")]
    [InlineData("passkeys", "passkeys-and-two-step-sign-in")]
    [InlineData("two-step sign-in", "passkeys-and-two-step-sign-in")]
    [InlineData("screenshot", "take-and-annotate-a-screenshot")]
    [InlineData("annotate", "take-and-annotate-a-screenshot")]
    [InlineData("keyboard shortcuts", "keyboard-shortcuts-that-save-time")]
    [InlineData("inbox", "tame-your-inbox")]
    [InlineData("calendar focus time", "calendar-hygiene-and-focus-time")]
    [InlineData("meeting notes", "meeting-notes-that-lead-to-action")]
    [InlineData("prompt", "write-a-prompt-for-an-ai-assistant")]
    [InlineData("summarise email thread", "summarise-an-email-thread-with-ai")]
    [InlineData("short video", "short-video-basics")]
    [InlineData("analytics", "read-analytics-honestly")]
    [InlineData("schedule posts", "schedule-posts-ahead")]
    [InlineData("criticism", "reply-to-comments-and-criticism")]
    [InlineData("privacy settings", "privacy-settings-check-up")]
    [InlineData("channels and chats", "teams-channels-vs-chats")]
    [InlineData("linkedin post", "write-a-linkedin-post")]
    [InlineData("join a meeting", "join-a-teams-meeting")]
    [InlineData("\"focus time\"", "calendar-hygiene-and-focus-time")]
    [InlineData("SPREADSHEETS", "spreadsheet-basics-for-managers")]
    public async Task Search_CommonQuery_PutsTheRightModuleFirst(string query, string expected)
    {
        var found = await factory.SearchAsync(query);

        Assert.True(found.Hits.Count > 0 && found.Hits[0].Slug == expected,
            $"'{query}': expected {expected} first, got {string.Join(", ", found.Hits.Take(5).Select(h => h.Slug))}");
    }

    [Theory]
    [InlineData("sharing", "share-a-file-with-a-link")]
    [InlineData("instagram", "instagram-company-account-basics")]
    [InlineData("zoom", "share-your-screen")]
    [InlineData("excel", "spreadsheet-basics-for-managers")]
    [InlineData("outlook rules", "tame-your-inbox")]
    [InlineData("file link", "share-a-file-with-a-link")]
    [InlineData("search files mail", "search-your-files-and-mail-faster")]
    [InlineData("ai assistant", "write-a-prompt-for-an-ai-assistant")]
    [InlineData("teams", "teams-channels-vs-chats")]
    [InlineData("captions", "short-video-basics")]
    public async Task Search_QueryWithStemsOrTypos_PutsTheRightModuleInTheTopThree(string query, string expected)
    {
        var found = await factory.SearchAsync(query);

        Assert.True(found.Hits.Take(3).Any(h => h.Slug == expected),
            $"'{query}' (ran '{found.CorrectedQuery}'): expected {expected} in the top 3, got {string.Join(", ", found.Hits.Take(5).Select(h => h.Slug))}");
    }

    [Fact]
    public async Task Search_WordsAsTyped_DoesNotClaimACorrection()
    {
        var found = await factory.SearchAsync("linkedin");

        Assert.Null(found.CorrectedQuery);
    }

    [Fact]
    public async Task Search_ModuleMatchingEveryWord_BeatsOneMatchingOneWordOften()
    {
        var found = await factory.SearchAsync("teams zoom");

        // Teams appears often in several modules; only this one also mentions Zoom.
        Assert.Equal("share-your-screen", found.Hits[0].Slug);
    }

    [Fact]
    public async Task Search_ExcludedWord_RemovesModulesWithIt()
    {
        var with = await factory.SearchAsync("linkedin");
        var without = await factory.SearchAsync("linkedin -instagram");

        Assert.True(without.Total < with.Total);
        Assert.DoesNotContain(without.Hits, h => h.Slug == "instagram-company-account-basics");
    }

    [Fact]
    public async Task Search_CategoryFilterInTheQuery_KeepsOnlyThatCategory()
    {
        var found = await factory.SearchAsync("security category:tools");

        Assert.NotEmpty(found.Hits);
        Assert.All(found.Hits, h => Assert.Equal("tools", h.Category));
    }

    [Fact]
    public async Task Search_AuthorFilter_KeepsOnlyTheirModules()
    {
        var found = await factory.SearchAsync("author:priya.shah");

        Assert.NotEmpty(found.Hits);
        Assert.All(found.Hits, h => Assert.Contains("Priya Shah", h.Authors, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_LevelFilter_KeepsOnlyThatLevel()
    {
        var found = await factory.SearchAsync("level:beginner email");

        Assert.NotEmpty(found.Hits);
        Assert.All(found.Hits, h => Assert.Equal(Core.Modules.ModuleLevel.Beginner, h.Level));
    }

    [Fact]
    public async Task Search_Snippets_MarkTheMatchedWordsAndEscapeEverythingElse()
    {
        var found = await factory.SearchAsync("password");

        var hit = found.Hits[0];
        Assert.Contains("<mark>", hit.TitleHtml + hit.SummaryHtml + hit.SnippetHtml, StringComparison.Ordinal);
        var withoutMarks = (hit.TitleHtml + hit.SummaryHtml + hit.SnippetHtml).Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);
        Assert.DoesNotContain('<', withoutMarks);
    }

    [Fact]
    public async Task Search_Facets_CountCategoriesOfTheMatches()
    {
        var found = await factory.SearchAsync("linkedin");

        var social = Assert.Single(found.Facets!.Categories, c => c.Value == "social-media");
        Assert.Equal(found.Hits.Count(h => h.Category == "social-media"), social.Count);
        Assert.NotEmpty(found.Facets.Levels);
        Assert.NotEmpty(found.Facets.Durations);
        Assert.NotEmpty(found.Facets.Authors);
    }

    [Fact]
    public async Task Suggest_Prefix_OffersMatchingTitles()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var suggestions = await scope.ServiceProvider.GetRequiredService<SearchService>().SuggestAsync("passw");

        Assert.Contains(suggestions, s => s.Slug == "use-a-password-manager");
    }
}
