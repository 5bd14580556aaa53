using System.Net;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Paths;

[Collection(StarterSite.Name)]
public sealed class LearningPathPageTests(SkillBridgeWebFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task GetIndex_ListsEveryStarterPath()
    {
        var page = await _client.GetPageAsync("/paths");

        var links = page.QuerySelectorAll(".card h2 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/paths/first-week-on-teams", links);
        Assert.Equal(3, links.Count);
    }

    [Fact]
    public async Task GetPath_ListsItsModulesInOrder()
    {
        var page = await _client.GetPageAsync("/paths/first-week-on-teams");

        var modules = page.QuerySelectorAll(".path-modules h2 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/modules/join-a-teams-meeting", "/modules/share-your-screen", "/modules/teams-channels-vs-chats"], modules);
    }

    [Fact]
    public async Task GetPath_Unknown_Returns404()
    {
        using var response = await _client.GetAsync("/paths/no-such-path");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetPath_Curator_LinksToTheBuilder_LearnerDoesNot()
    {
        using var curator = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("curator"), SkillBridge.Core.Accounts.Roles.Curator);
        using var learner = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("learner"));

        var asCurator = await curator.GetPageAsync("/paths/first-week-on-teams");
        var asLearner = await learner.GetPageAsync("/paths/first-week-on-teams");

        Assert.Equal("/paths/first-week-on-teams/edit", asCurator.QuerySelector("#edit-path")?.GetAttribute("href"));
        Assert.Null(asLearner.QuerySelector("#edit-path"));
    }
}
