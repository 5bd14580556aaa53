using System.Net;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.People;

[Collection(StarterSite.Name)]
public sealed class ProfilePageTests(SkillBridgeWebFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Get_Author_ShowsBioHelpsWithAndTheirModules()
    {
        var page = await _client.GetPageAsync("/people/priya.shah");

        Assert.Equal("Priya Shah", page.Text("h1"));
        Assert.Equal("Marketing", page.Text(".eyebrow"));
        Assert.NotEmpty(page.Text(".lead"));
        Assert.NotEmpty(page.QuerySelectorAll(".tags .badge"));
        var modules = page.QuerySelectorAll(".cards .card h2 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/modules/share-your-screen", modules);
    }

    [Fact]
    public async Task Get_UnknownPerson_Returns404()
    {
        using var response = await _client.GetAsync("/people/nobody.here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetAuthors_ListsEveryoneWhoWroteAModuleButNotTheCurator()
    {
        var page = await _client.GetPageAsync("/people");

        var links = page.QuerySelectorAll(".card h2 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/people/priya.shah", links);
        Assert.DoesNotContain("/people/helen.carter", links);
    }
}
