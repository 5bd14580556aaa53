using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Progress;

/// <summary>The catalogue's "most completed" order: completions over all revisions of a module, most first.</summary>
public sealed class MostCompletedSortTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    [Fact]
    public async Task Catalogue_SortedByMostCompleted_ListsTheMostCompletedModulesFirst()
    {
        const string twice = "write-a-prompt-for-an-ai-assistant";
        const string once = "calendar-hygiene-and-focus-time";
        foreach (var slug in new[] { twice, twice, once })
        {
            var (client, _) = await factory.NewLearnerAsync();
            await client.CompleteAsync(slug);
        }

        var (started, _) = await factory.NewLearnerAsync();
        await started.VisitAsync("use-a-password-manager", 1);

        using var anonymous = factory.CreateBrowser();
        var page = await anonymous.GetPageAsync("/?sort=mostcompleted");

        var slugs = page.QuerySelectorAll(".cards .card h2 a").Select(a => a.GetAttribute("href")).Take(2).ToList();
        Assert.Equal([$"/modules/{twice}", $"/modules/{once}"], slugs);
        Assert.NotNull(page.QuerySelector("#sort option[value=mostcompleted][selected]"));
    }
}
