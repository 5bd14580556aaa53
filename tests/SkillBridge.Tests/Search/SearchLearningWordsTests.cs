using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Search;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Search;

/// <summary>
/// Words about learning rather than its subject ("course", "tutorial", "basics", "for beginners") never have to match:
/// a learner's "excel course" is about Excel. A level word prefers modules of its level, and alone finds them.
/// </summary>
[Collection(StarterSite.Name)]
public sealed class SearchLearningWordsTests(SkillBridgeWebFactory factory)
{
    [Theory]
    [InlineData("excel course", "spreadsheet-basics-for-managers")]
    [InlineData("linkedin tutorial", "linkedin-profile-basics")]
    [InlineData("instagram basics", "instagram-company-account-basics")]
    [InlineData("learn excel", "spreadsheet-basics-for-managers")]
    [InlineData("password manager lesson", "use-a-password-manager")]
    [InlineData("phishing training", "spot-a-phishing-message")]
    [InlineData("excel for beginners", "spreadsheet-basics-for-managers")]
    public async Task Search_SubjectWithALearningWord_FindsTheSubjectFirstWithoutFallingBack(string query, string expected)
    {
        var found = await factory.SearchAsync(query);

        Assert.False(found.MatchedAnyWord, $"'{query}' fell back to any word (and counts as a search that found nothing)");
        Assert.False(found.IsMiss);
        Assert.True(found.Hits.Count > 0 && found.Hits[0].Slug == expected,
            $"'{query}': expected {expected} first, got {string.Join(", ", found.Hits.Take(5).Select(h => h.Slug))}");
    }

    [Theory]
    [InlineData("intermediate", ModuleLevel.Intermediate)]
    [InlineData("advanced", ModuleLevel.Advanced)]
    [InlineData("beginners", ModuleLevel.Beginner)]
    public async Task Search_LevelWordAlone_FindsEveryModuleOfThatLevel(string query, ModuleLevel level)
    {
        var ofLevel = await PublishedSlugsAsync(level);

        var found = await AllResultsAsync(query);

        Assert.NotEmpty(ofLevel);
        Assert.Empty(ofLevel.Except(found.Hits.Select(h => h.Slug)));
    }

    [Theory]
    [InlineData("advanced", ModuleLevel.Advanced)]
    [InlineData("for beginners", ModuleLevel.Beginner)]
    [InlineData("intermediate", ModuleLevel.Intermediate)]
    public async Task Search_LevelWordBesideASubject_KeepsTheSameMatchesAndRanksThatLevelHigher(string levelWords, ModuleLevel level)
    {
        var plain = await AllResultsAsync("teams");
        var withLevel = await AllResultsAsync($"teams {levelWords}");

        Assert.Equal(plain.Hits.Select(h => h.Slug).Order(), withLevel.Hits.Select(h => h.Slug).Order());
        var rises = 0;
        foreach (var (hit, before) in plain.Hits.Select((h, i) => (h, i)).Where(x => x.h.Level == level))
        {
            var after = withLevel.Hits.ToList().FindIndex(h => h.Slug == hit.Slug);
            Assert.True(after <= before, $"{hit.Slug} ({level}) fell from {before + 1} to {after + 1} for 'teams {levelWords}'");
            rises += after < before ? 1 : 0;
        }

        Assert.True(rises > 0, $"No {level} module ranked higher for 'teams {levelWords}' than for 'teams'");
    }

    private async Task<List<string>> PublishedSlugsAsync(ModuleLevel level)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        return await db.Modules.Where(m => m.Status == ModuleStatus.Published && m.PublishedRevision!.Level == level).Select(m => m.Slug).ToListAsync();
    }

    /// <summary>Every hit of <paramref name="query"/>, checked to fit on the first page (the starter site's matches here do).</summary>
    private async Task<SearchResults> AllResultsAsync(string query)
    {
        var results = await factory.SearchAsync(query);
        Assert.True(results.PageCount == 1, $"'{query}' has {results.Total} results over {results.PageCount} pages; this test reads the first page only");
        return results;
    }
}
