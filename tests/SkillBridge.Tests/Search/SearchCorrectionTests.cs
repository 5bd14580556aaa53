using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Search;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Search;

/// <summary>
/// Typo correction (to words of the catalogue as written) and BM25's ordering, which weighs a whole word above a word
/// inside another ("screen" in "screenshot") and the author field. The same on both engines: each site has its own Lucene index.
/// </summary>
[Collection(StarterSite.Name)]
public sealed class SearchCorrectionTests(SkillBridgeWebFactory factory)
{
    [Theory]
    [InlineData("share screen", "share-your-screen")]
    [InlineData("pasword manager", "use-a-password-manager")]
    [InlineData("phising", "spot-a-phishing-message")]
    [InlineData("screnshot", "take-and-annotate-a-screenshot")]
    public async Task Search_CommonQuery_PutsTheRightModuleFirst(string query, string expected)
    {
        var found = await factory.SearchAsync(query);

        Assert.True(found.Hits.Count > 0 && found.Hits[0].Slug == expected,
            $"'{query}': expected {expected} first, got {string.Join(", ", found.Hits.Take(5).Select(h => h.Slug))}");
    }

    [Theory]
    [InlineData("linkdin", "linkedin-profile-basics")]
    [InlineData("pasword", "use-a-password-manager")]
    [InlineData("priya shah", "instagram-company-account-basics")]
    public async Task Search_QueryWithStemsOrTypos_PutsTheRightModuleInTheTopThree(string query, string expected)
    {
        var found = await factory.SearchAsync(query);

        Assert.True(found.Hits.Take(3).Any(h => h.Slug == expected),
            $"'{query}' (ran '{found.CorrectedQuery}'): expected {expected} in the top 3, got {string.Join(", ", found.Hits.Take(5).Select(h => h.Slug))}");
    }

    [Fact]
    public async Task Search_TyposInBothWords_PutsTheTeamsModulesFirst()
    {
        var found = await factory.SearchAsync("micosoft teems");

        Assert.Equal("microsoft teams", found.CorrectedQuery);
        // No starter module says "Microsoft Teams". Two mention both words in passing (a sign-in module, an AI one): the
        // modules about Teams still come first.
        Assert.True(found.Hits.Take(2).All(h => h.Slug is "join-a-teams-meeting" or "teams-channels-vs-chats"), string.Join(", ", found.Hits.Select(h => h.Slug)));
    }

    /// <summary>
    /// Correctly spelt words no module uses are not typos of catalogue words with another first letter ("waste" is not
    /// "paste") or two letters off in a short word ("weird" is not "word"): the other words find the modules.
    /// </summary>
    [Theory]
    [InlineData("meetings are a waste of time", "calendar-hygiene-and-focus-time")]
    [InlineData("how do I reply to a nasty comment", "reply-to-comments-and-criticism")]
    [InlineData("someone sent me a weird link", "share-a-file-with-a-link")]
    public async Task Search_RealWordNoModuleUses_IsNotCorrectedIntoAnotherWord(string query, string expected)
    {
        var found = await factory.SearchAsync(query);

        Assert.Null(found.CorrectedQuery);
        Assert.True(found.MatchedAnyWord);
        Assert.Contains(found.Hits.Take(3), h => h.Slug == expected);
    }

    /// <summary>
    /// A word put in by a correction counts for less than a word typed: "chatt" becomes "chat", which the Teams module
    /// says many times, yet the module about the "excel" typed beside it comes first.
    /// </summary>
    [Fact]
    public async Task Search_CorrectedWordBesideATypedOne_RanksTheTypedWordsModuleFirst()
    {
        var found = await factory.SearchAsync("how do I make a chatt in excel");

        Assert.Equal("how do i make a chat in excel", found.CorrectedQuery);
        Assert.Equal("spreadsheet-basics-for-managers", found.Hits[0].Slug);
    }

    /// <summary>
    /// Three letters are too few to guess a slip from ("crm" is "cr" with a letter more, and no module about "create" is
    /// meant), and a lost first letter is put back only to make a word of a title, tag, summary or author ("emale" is not
    /// "female", a word only one module's text holds).
    /// </summary>
    [Theory]
    [InlineData("crm")]
    [InlineData("vpn")]
    [InlineData("emale")]
    [InlineData("zqx")]
    public async Task Search_UnknownWordWithoutALikelySlip_IsNotCorrected(string query)
    {
        var found = await factory.SearchAsync(query);

        Assert.Null(found.CorrectedQuery);
        Assert.Empty(found.Hits);
    }

    /// <summary>
    /// A contraction is one word, and a stop word, with its apostrophe or without it: "don't" was "don" and a stray "t",
    /// "cant" was corrected to "can" (reversing what was asked) and "dont" to "done".
    /// </summary>
    [Theory]
    [InlineData("i can't find a document", "search-your-files-and-mail-faster")]
    [InlineData("i cant find a document", "search-your-files-and-mail-faster")]
    [InlineData("i don’t want so many emails", "tame-your-inbox")]
    [InlineData("dont remember my password", "use-a-password-manager")]
    [InlineData("i cant log in", "passkeys-and-two-step-sign-in")]
    public async Task Search_Contraction_IsAStopWordNotATypo(string query, string expected)
    {
        var found = await factory.SearchAsync(query);

        Assert.Null(found.CorrectedQuery);
        Assert.Contains(found.Hits.Take(3), h => h.Slug == expected);
    }

    [Theory]
    [InlineData("don't share", "don't share")]
    [InlineData("I’m locked out", "i'm locked out")]
    [InlineData("excel's charts", "excel charts")]
    [InlineData("it's", "it")]
    [InlineData("rock 'n' roll", "rock n roll")]
    [InlineData("o'brien", "o'brien")]
    [InlineData("''' '", "")]
    public void Parse_Apostrophe_JoinsAWordOnlyWithinIt(string typed, string words)
    {
        var query = SearchQuery.Parse(typed);

        Assert.Equal(words, string.Join(' ', query.Terms));
    }

    [Fact]
    public async Task Search_TypoOneEditFromAStem_ShowsTheWordAsWrittenNotTheStem()
    {
        // "managr" is one edit from "manager" and from "manag", the stem the body holds beside "manage", "manager" and
        // "managers" (more modules have the stem than any one of the words): only a word someone wrote may be shown.
        var found = await factory.SearchAsync("managr");

        Assert.Equal("manager", found.CorrectedQuery);
        Assert.Contains(found.Hits.Take(3), h => h.Slug == "use-a-password-manager");
    }

    [Fact]
    public async Task Search_Typo_SaysWhichCorrectedQueryItRan()
    {
        var found = await factory.SearchAsync("linkdin");

        Assert.Equal("linkedin", found.CorrectedQuery);
    }

    [Fact]
    public async Task Suggest_Typo_OffersTitlesForTheCorrectedWord()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var suggestions = await scope.ServiceProvider.GetRequiredService<SearchService>().SuggestAsync("linkdin");

        Assert.Contains(suggestions, s => s.Slug == "linkedin-profile-basics");
    }

    [Fact]
    public async Task Get_Typo_SaysWhichQueryItRan()
    {
        var page = await factory.CreateClient().GetPageAsync("/search?q=linkdin");

        Assert.Contains("Showing results for linkedin", page.Text("#search-corrected"), StringComparison.Ordinal);
    }
}
