using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.TestSupport;
using static SkillBridge.Tests.Progress.Learners;

namespace SkillBridge.Tests.Progress;

/// <summary>"Continue where you left off" on the catalogue home.</summary>
public sealed class ContinueLearningTests : IDisposable
{
    private readonly TestSite.ManualClock _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly SkillBridgeWebFactory _factory;

    public ContinueLearningTests() => _factory = new SkillBridgeWebFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Home_Visitor_ShowsNoStrip()
    {
        using var client = _factory.CreateBrowser();

        var page = await client.GetPageAsync("/");

        Assert.Null(page.QuerySelector("#continue-learning"));
    }

    [Fact]
    public async Task Home_NothingStarted_ShowsNoStrip()
    {
        var (client, _) = await _factory.NewLearnerAsync();

        var page = await client.GetPageAsync("/");

        Assert.Null(page.QuerySelector("#continue-learning"));
    }

    [Fact]
    public async Task Home_ModulesStartedAndOneFinished_ListsTheUnfinishedMostRecentFirstWithTheirStep()
    {
        var (client, _) = await _factory.NewLearnerAsync();
        await client.VisitAsync(Module, 2);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await client.VisitAsync("tame-your-inbox", 1);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await client.CompleteAsync("spot-a-phishing-message");

        var page = await client.GetPageAsync("/");

        var items = page.QuerySelectorAll("#continue-learning li");
        Assert.Equal(2, items.Length);
        Assert.Equal("/modules/tame-your-inbox/steps/1", items[0].QuerySelector("h3 a")!.GetAttribute("href"));
        Assert.Equal($"/modules/{Module}/steps/2", items[1].QuerySelector("h3 a")!.GetAttribute("href"));
        Assert.Contains("Step 2 of 4", items[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("2", items[1].QuerySelector("progress")!.GetAttribute("value"));
        Assert.DoesNotContain("phishing", page.Text("#continue-learning"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Home_MoreThanFourInProgress_ShowsFourAndLinksToMyLearning()
    {
        var (client, _) = await _factory.NewLearnerAsync();
        foreach (var slug in new[] { Module, "tame-your-inbox", "spot-a-phishing-message", "use-a-password-manager", "schedule-posts-ahead" })
        {
            await client.VisitAsync(slug, 1);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        var page = await client.GetPageAsync("/");

        Assert.Equal(4, page.QuerySelectorAll("#continue-learning li").Length);
        Assert.Equal("/modules/schedule-posts-ahead/steps/1", page.QuerySelector("#continue-learning li h3 a")!.GetAttribute("href"));
        Assert.Equal("/learning", page.QuerySelector("#continue-learning > p a")!.GetAttribute("href"));
    }
}
