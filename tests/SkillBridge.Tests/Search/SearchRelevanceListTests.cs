using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core;
using SkillBridge.Core.Search;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Search;

/// <summary>
/// The relevance list of issue 12, written before the Lucene engine: queries as people type them on the starter
/// content, each naming the module that must be in the top three, grouped by the failure of the FTS5 engine
/// they catch. Any miss fails. Runs on both engines.
/// </summary>
[Collection(StarterSite.Name)]
public sealed partial class SearchRelevanceListTests(SkillBridgeWebFactory factory)
{
    /// <summary>Plain-English questions: pronouns and question words must not outweigh the words that say what is meant.</summary>
    [Theory]
    [InlineData("how do I share my screen in teams", "share-your-screen")]
    [InlineData("how can I remember all my passwords", "use-a-password-manager")]
    [InlineData("what should I do when I get a suspicious email", "spot-a-phishing-message")]
    [InlineData("how do I stop people seeing my location", "privacy-settings-check-up")]
    [InlineData("how do I send a file without attaching it", "share-a-file-with-a-link")]
    [InlineData("how do I mute myself in a meeting", "join-a-teams-meeting")]
    [InlineData("what is a passkey", "passkeys-and-two-step-sign-in")]
    [InlineData("how can I find an old email quickly", "search-your-files-and-mail-faster")]
    [InlineData("how to use chatgpt at work", "write-a-prompt-for-an-ai-assistant")]
    [InlineData("everyone can see my location", "privacy-settings-check-up")]
    [InlineData("is there a way to undo something", "keyboard-shortcuts-that-save-time")]
    public Task Search_PlainEnglishQuestion_PutsTheModuleThatAnswersItInTheTopThree(string query, string expected) =>
        AssertInTopThreeAsync(query, expected);

    /// <summary>
    /// Someone, something, everyone say who or what, never the topic: "someone" in many modules put the Instagram module,
    /// which says "account" often, first.
    /// </summary>
    [Fact]
    public async Task Search_QuestionWithSomeone_PutsTheModuleAboutTheTopicFirst()
    {
        var found = await factory.SearchAsync("someone hacked my account");

        Assert.Equal("use-a-password-manager", found.Hits[0].Slug);
    }

    /// <summary>A product name ranks modules that use the name above those that only share its stem (Windows, not window).</summary>
    [Theory]
    [InlineData("windows", "keyboard-shortcuts-that-save-time")]
    [InlineData("teams", "join-a-teams-meeting")]
    [InlineData("microsoft teams", "join-a-teams-meeting")]
    [InlineData("microsoft excel", "spreadsheet-basics-for-managers")]
    [InlineData("google sheets", "spreadsheet-basics-for-managers")]
    [InlineData("reels", "instagram-company-account-basics")]
    [InlineData("onedrive", "share-a-file-with-a-link")]
    [InlineData("excel", "spreadsheet-basics-for-managers")]
    public Task Search_ProductName_PutsModulesUsingTheNameInTheTopThree(string query, string expected) =>
        AssertInTopThreeAsync(query, expected);

    /// <summary>Joined and split spellings find the same modules as the catalogue's own spelling.</summary>
    [Theory]
    [InlineData("screenshare", "share-your-screen")]
    [InlineData("linked in", "linkedin-profile-basics")]
    [InlineData("pass word manager", "use-a-password-manager")]
    [InlineData("key board shortcuts", "keyboard-shortcuts-that-save-time")]
    [InlineData("screen shot", "take-and-annotate-a-screenshot")]
    [InlineData("one drive", "share-a-file-with-a-link")]
    [InlineData("spread sheet", "spreadsheet-basics-for-managers")]
    public Task Search_JoinedOrSplitSpelling_FindsTheModule(string query, string expected) =>
        AssertInTopThreeAsync(query, expected);

    /// <summary>The everyday names of a topic (acronyms, plurals, the word people say) find the module about it.</summary>
    [Theory]
    [InlineData("2fa", "passkeys-and-two-step-sign-in")]
    [InlineData("mfa", "passkeys-and-two-step-sign-in")]
    [InlineData("two factor authentication", "passkeys-and-two-step-sign-in")]
    [InlineData("too many emails", "tame-your-inbox")]
    [InlineData("scam", "spot-a-phishing-message")]
    [InlineData("charts", "spreadsheet-basics-for-managers")]
    [InlineData("how do I make a chart in excel", "spreadsheet-basics-for-managers")]
    public Task Search_EverydayNameOfATopic_PutsTheModuleAboutItInTheTopThree(string query, string expected) =>
        AssertInTopThreeAsync(query, expected);

    /// <summary>A module about the topic (title, tags, summary) beats a body that happens to hold the words once each.</summary>
    [Theory]
    [InlineData("social media analytics", "read-analytics-honestly")]
    [InlineData("email rules folders", "tame-your-inbox")]
    [InlineData("video call privacy", "share-your-screen")]
    [InlineData("password security", "use-a-password-manager")]
    [InlineData("calendar meetings", "calendar-hygiene-and-focus-time")]
    [InlineData("ai writing", "write-a-prompt-for-an-ai-assistant")]
    [InlineData("vertical video", "short-video-basics")]
    public Task Search_WordsOfTheTopic_PutsTheModuleAboutItInTheTopThree(string query, string expected) =>
        AssertInTopThreeAsync(query, expected);

    /// <summary>Typos are corrected to words that are in the catalogue as written, never to stems.</summary>
    [Theory]
    [InlineData("pasword", "use-a-password-manager")]
    [InlineData("passwrod manger", "use-a-password-manager")]
    [InlineData("linkdin", "linkedin-profile-basics")]
    [InlineData("spredsheet", "spreadsheet-basics-for-managers")]
    [InlineData("calender hygeine", "calendar-hygiene-and-focus-time")]
    [InlineData("instagarm", "instagram-company-account-basics")]
    [InlineData("keybord shortcuts", "keyboard-shortcuts-that-save-time")]
    // A lost first letter.
    [InlineData("xcel", "spreadsheet-basics-for-managers")]
    [InlineData("hishing", "spot-a-phishing-message")]
    [InlineData("nstagram", "instagram-company-account-basics")]
    public async Task Search_Typo_CorrectsToCatalogueWordsAndFindsTheModule(string query, string expected)
    {
        var found = await factory.SearchAsync(query);

        Assert.NotNull(found.CorrectedQuery);
        var words = CatalogueWords();
        Assert.All(found.CorrectedQuery.Split(' '), word => Assert.True(words.Contains(word), $"'{query}' was corrected to '{found.CorrectedQuery}': '{word}' is not a word in the catalogue"));
        Assert.True(found.Hits.Take(3).Any(h => h.Slug == expected),
            $"'{query}' (ran '{found.CorrectedQuery}'): expected {expected} in the top 3, got {string.Join(", ", found.Hits.Take(5).Select(h => h.Slug))}");
    }

    /// <summary>The header's suggestions offer the module the results page puts in its top three for the same words.</summary>
    [Theory]
    [InlineData("passw", "use-a-password-manager")]
    [InlineData("linkdin", "linkedin-profile-basics")]
    [InlineData("screenshare", "share-your-screen")]
    [InlineData("excel", "spreadsheet-basics-for-managers")]
    [InlineData("how do I share my screen", "share-your-screen")]
    [InlineData("phish", "spot-a-phishing-message")]
    [InlineData("key board", "keyboard-shortcuts-that-save-time")]
    // The start of a word only a module's text holds, not its title or tags.
    [InlineData("chatg", "write-a-prompt-for-an-ai-assistant")]
    [InlineData("how do I use chatg", "write-a-prompt-for-an-ai-assistant")]
    [InlineData("unsubscr", "tame-your-inbox")]
    [InlineData("bitwar", "use-a-password-manager")]
    // A slip in the start of a word: the nearest start of a title or tag word, completed.
    [InlineData("pasw", "use-a-password-manager")]
    [InlineData("instga", "instagram-company-account-basics")]
    public async Task Suggest_Words_OffersTheModuleTheResultsPageRanksInTheTopThree(string query, string expected)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var sut = scope.ServiceProvider.GetRequiredService<SearchService>();

        var suggestions = await sut.SuggestAsync(query);
        var results = await sut.SearchAsync(new SearchRequest(query));

        Assert.True(suggestions.Any(s => s.Slug == expected), $"'{query}': expected {expected} among the suggestions, got {string.Join(", ", suggestions.Select(s => s.Slug))}");
        Assert.True(results.Hits.Take(3).Any(h => h.Slug == expected), $"'{query}': expected {expected} in the top 3 results, got {string.Join(", ", results.Hits.Take(5).Select(h => h.Slug))}");
    }

    /// <summary>
    /// "Use" is the question's verb: the password manager module has it in its title, the one module about ChatGPT has
    /// every word that matters.
    /// </summary>
    [Theory]
    [InlineData("how to use chatgpt at work")]
    [InlineData("how do I use chatgpt")]
    public async Task Search_HowToUseATool_PutsTheModuleAboutTheToolFirst(string query)
    {
        var found = await factory.SearchAsync(query);

        Assert.Equal("write-a-prompt-for-an-ai-assistant", found.Hits[0].Slug);
    }

    private async Task AssertInTopThreeAsync(string query, string expected)
    {
        var found = await factory.SearchAsync(query);

        Assert.True(found.Hits.Take(3).Any(h => h.Slug == expected),
            $"'{query}' (ran '{found.CorrectedQuery}'): expected {expected} in the top 3, got {string.Join(", ", found.Hits.Take(5).Select(h => h.Slug))}");
    }


    /// <summary>Every word of the starter modules as written (lower case, accents kept out), read from the files themselves.</summary>
    private static HashSet<string> CatalogueWords()
    {
        var folder = SolutionFolders.Find("content", AppContext.BaseDirectory) ?? throw new InvalidOperationException("The starter content folder is missing.");
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories))
        {
            foreach (Match word in Word().Matches(File.ReadAllText(file)))
            {
                words.Add(SearchText.Fold(word.Value));
            }
        }

        return words;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
