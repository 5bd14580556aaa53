using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Search;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Search;

/// <summary>
/// Irregular verbs and American spellings find the modules that use the other form (the starter modules are written in
/// British English), on both engines, without a "Showing results for" correction.
/// </summary>
[Collection(StarterSite.Name)]
public sealed class SearchWordFormsTests(SkillBridgeWebFactory factory)
{
    [Theory]
    [InlineData("forgot", "forget")]
    [InlineData("forgotten", "forget")]
    [InlineData("wrote", "write")]
    [InlineData("written", "write")]
    [InlineData("froze", "freeze")]
    [InlineData("organizing", "organising")]
    [InlineData("summarize", "summarise")]
    [InlineData("analyzed", "analysed")]
    [InlineData("emphasize", "emphasise")]
    [InlineData("prioritization", "prioritisation")]
    [InlineData("color", "colour")]
    [InlineData("favorites", "favourites")]
    [InlineData("center", "centre")]
    public void Canonical_OtherForm_IsTheFormItIsStemmedAs(string word, string form) =>
        Assert.Equal(form, SearchWordForms.Canonical(word));

    [Theory]
    [InlineData("size")]
    [InlineData("resize")]
    [InlineData("oversized")]
    [InlineData("prize")]
    [InlineData("seize")]
    [InlineData("left")]
    [InlineData("share")]
    [InlineData("summarise")]
    public void Canonical_WordWithoutAnotherForm_IsLeftAlone(string word) =>
        Assert.Null(SearchWordForms.Canonical(word));

    [Theory]
    [InlineData("summarize", "summarise")]
    [InlineData("recognizing", "recognising")]
    [InlineData("forgot", "forgotten")]
    [InlineData("wrote", "write")]
    public void Analysis_BothForms_HaveOneStem(string american, string british)
    {
        var analyzer = factory.Services.GetRequiredService<SearchIndex>().Analyzer;

        Assert.Equal(SearchAnalysis.Stems(analyzer, british), SearchAnalysis.Stems(analyzer, american));
    }

    [Theory]
    [InlineData("forgot password", "use-a-password-manager")]
    [InlineData("summarize an email thread", "summarise-an-email-thread-with-ai")]
    [InlineData("recognize a phishing email", "spot-a-phishing-message")]
    [InlineData("things i wrote", "schedule-posts-ahead")]
    public async Task Search_OtherFormOfAWord_FindsTheModuleWithoutCorrecting(string query, string expected)
    {
        var found = await factory.SearchAsync(query);

        Assert.Null(found.CorrectedQuery);
        Assert.False(found.MatchedAnyWord, $"'{query}' fell back to any word");
        Assert.True(found.Hits.Take(3).Any(h => h.Slug == expected),
            $"'{query}': expected {expected} in the top 3, got {string.Join(", ", found.Hits.Take(5).Select(h => h.Slug))}");
    }

    [Fact]
    public async Task Search_AmericanSpelling_MarksTheBritishWordInTheTitle()
    {
        var found = await factory.SearchAsync("summarize");

        var hit = Assert.Single(found.Hits, h => h.Slug == "summarise-an-email-thread-with-ai");
        Assert.Contains("<mark>Summarise</mark>", hit.TitleHtml, StringComparison.Ordinal);
    }
}
