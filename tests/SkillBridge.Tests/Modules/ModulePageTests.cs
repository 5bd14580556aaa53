using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Modules;

[Collection(StarterSite.Name)]
public sealed class ModulePageTests(SkillBridgeWebFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Get_PublishedModule_ShowsSummaryStepsAuthorsAndStart()
    {
        var page = await _client.GetPageAsync("/modules/share-your-screen");

        Assert.Equal("Share one window in a video call", page.Text("h1"));
        Assert.Contains("without also showing your inbox", page.Text(".lead"), StringComparison.Ordinal);
        var steps = page.QuerySelectorAll(".steps-list a");
        Assert.Equal(4, steps.Length);
        Assert.Equal("/modules/share-your-screen/steps/1", steps[0].GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("aside a[href='/people/priya.shah']"));
        Assert.NotNull(page.QuerySelector("aside a[href='/people/tom.okafor']"));
        Assert.Equal("Start", page.Text("#start-module"));
        Assert.Contains("About 5 minutes", page.Text(".meta"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ModuleWithCover_ShowsTheCoverImageWithItsSize()
    {
        var page = await _client.GetPageAsync("/modules/share-your-screen");

        var cover = page.QuerySelector("img.cover")!;
        Assert.StartsWith("/media/", cover.GetAttribute("src"), StringComparison.Ordinal);
        Assert.NotNull(cover.GetAttribute("width"));
    }

    [Fact]
    public async Task Get_AsALearner_OffersNoEditLink()
    {
        var page = await _client.GetPageAsync("/modules/share-your-screen");

        Assert.Null(page.QuerySelector("a[href='/authoring/share-your-screen']"));
    }

    [Fact]
    public async Task Get_AsACurator_OffersEditAndHistoryLinks()
    {
        using var curator = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("curator"), SkillBridge.Core.Accounts.Roles.Curator);

        var page = await curator.GetPageAsync("/modules/share-your-screen");

        Assert.NotNull(page.QuerySelector("a[href='/authoring/share-your-screen']"));
        Assert.NotNull(page.QuerySelector("a[href='/modules/share-your-screen/history']"));
    }

    [Fact]
    public async Task Get_UnknownModule_Returns404Page()
    {
        var page = await _client.GetPageAsync("/modules/no-such-module", System.Net.HttpStatusCode.NotFound);

        Assert.Equal("Page not found", page.Text("h1"));
    }
}
