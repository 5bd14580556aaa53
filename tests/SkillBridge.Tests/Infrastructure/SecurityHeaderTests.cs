using System.Net;

namespace SkillBridge.Tests.Infrastructure;

[Collection(StarterSite.Name)]
public sealed class SecurityHeaderTests(SkillBridgeWebFactory factory)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/modules/share-your-screen/steps/1")]
    [InlineData("/no-such-page")]
    public async Task Get_AnyPage_SendsAStrictContentSecurityPolicyAndNosniff(string url)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(url);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Get_DefaultSettings_AllowsImagesFromTheSiteOnly()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/");

        Assert.Contains("img-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AllowedImageHosts_AreAddedToImgSrc()
    {
        using var site = new SkillBridgeWebFactory { Settings = { ["SkillBridge:Content:AllowedImageHosts:0"] = "images.example.com", ["SkillBridge:Content:AllowedImageHosts:1"] = "'unsafe-inline'" } };
        using var client = site.CreateClient();

        using var response = await client.GetAsync("/");

        Assert.Contains("img-src 'self' images.example.com;", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetHealth_ReportsDatabaseModulesAndImageMode()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/health");

        Assert.StartsWith("Reachable", page.Text("#health-database"), StringComparison.Ordinal);
        Assert.NotEqual("0", page.Text("#health-modules"));
        Assert.NotEmpty(page.Text("#health-images"));
    }

    [Fact]
    public async Task GetMedia_NameThatIsNotAStoredFile_Returns404()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/media/..%2Fskillbridge.db");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
