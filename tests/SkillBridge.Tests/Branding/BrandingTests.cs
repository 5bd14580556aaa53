using System.Net;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Branding;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Progress;
using SkillBridge.Tests.TestSupport;
using static SkillBridge.Tests.Branding.MultipartForms;

namespace SkillBridge.Tests.Branding;

/// <summary>Admin branding: site name, logo, favicon and an accent colour served in a generated stylesheet.</summary>
public sealed class BrandingTests : IDisposable
{
    private const string Form = "form.branding-form";
    private readonly SkillBridgeWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private async Task<HttpClient> AdminAsync() => await _factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("admin"), Roles.Admin);

    private static Dictionary<string, string> Fields(string siteName = "SkillBridge", string accent = "") =>
        new() { ["SiteName"] = siteName, ["AccentColour"] = accent };

    [Fact]
    public async Task Defaults_NothingSet_ServeTheDrawnLogoAndFaviconAndAnEmptyStylesheet()
    {
        using var client = _factory.CreateBrowser();

        var page = await client.GetPageAsync("/");
        using var css = await client.GetAsync("/branding.css?v=0");
        using var favicon = await client.GetAsync(page.QuerySelector("link[rel='icon']")!.GetAttribute("href"));
        using var logo = await client.GetAsync(page.QuerySelector(".brand img")!.GetAttribute("src"));

        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("--color-accent", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("image/png", favicon.Content.Headers.ContentType!.MediaType);
        Assert.Equal("image/png", logo.Content.Headers.ContentType!.MediaType);
        Assert.Equal("SkillBridge", page.QuerySelector(".brand")!.TextContent.Trim());
    }

    [Fact]
    public async Task Save_DarkAccentAndName_ServesTheColourWithANewVersionAndAudits()
    {
        using var admin = await AdminAsync();

        using var response = await admin.PostFormAsync("/admin/branding", Form, Fields("Northwind Learning", "#0B5CAD"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var visitor = _factory.CreateBrowser();
        var page = await visitor.GetPageAsync("/");
        Assert.Equal("Northwind Learning", page.QuerySelector(".brand")!.TextContent.Trim());
        Assert.EndsWith("· Northwind Learning", page.Title, StringComparison.Ordinal);
        var href = page.QuerySelectorAll("link[rel='stylesheet']").Select(l => l.GetAttribute("href")!).Single(h => h.StartsWith("/branding.css", StringComparison.Ordinal));
        Assert.Equal("/branding.css?v=1", href);
        using var css = await visitor.GetAsync(href);
        var text = await css.Content.ReadAsStringAsync();
        Assert.Contains("--color-accent: #0b5cad;", text, StringComparison.Ordinal);
        Assert.Contains("--color-accent-text: #ffffff;", text, StringComparison.Ordinal);
        Assert.Contains("immutable", css.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var audit = Assert.Single(await _factory.AuditAsync(AuditAction.BrandingChanged));
        Assert.Contains("#0b5cad", audit.Details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#ffc94d", "contrast of only 1.5:1")]
    [InlineData("#0b5cad80", "six hexadecimal digits")]
    [InlineData("blue", "six hexadecimal digits")]
    public async Task Save_UnreadableOrMalformedColour_IsRefusedNextToTheFieldAndChangesNothing(string colour, string expected)
    {
        using var admin = await AdminAsync();

        using var response = await admin.PostFormAsync("/admin/branding", Form, Fields("Renamed", colour));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(expected, page.Text("#AccentColour-error"), StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#AccentColour")!.GetAttribute("aria-invalid"));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.SiteBranding.CountAsync()));
    }

    [Fact]
    public async Task Save_EmptyName_IsRefusedNextToTheField()
    {
        using var admin = await AdminAsync();

        using var response = await admin.PostFormAsync("/admin/branding", Form, Fields("  "));

        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Enter the site's name.", page.Text("#SiteName-error"));
    }

    [Theory]
    [InlineData("Logo", "logo.svg")]
    [InlineData("Favicon", "favicon.svg")]
    [InlineData("Logo", "logo.png")]
    public async Task Save_SvgOrNonImage_IsRefusedByTheUploadChecks(string field, string fileName)
    {
        using var admin = await AdminAsync();
        var bytes = fileName.EndsWith(".svg", StringComparison.Ordinal)
            ? "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>"u8.ToArray()
            : "this is not a picture"u8.ToArray();

        using var response = await admin.PostFormAsync("/admin/branding", Form, Fields("Renamed", "#0b5cad"), new FormFile(field, fileName, bytes));

        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("not an image SkillBridge accepts", page.Text($"#{field}-error"), StringComparison.Ordinal);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.SiteBranding.CountAsync()));
    }

    [Fact]
    public async Task Save_PngLogoAndFavicon_AreServedToVisitors()
    {
        using var admin = await AdminAsync();
        var logo = TestImages.Png(64, 64, red: 200);
        var favicon = TestImages.Png(32, 32, green: 200);

        using var response = await admin.PostFormAsync("/admin/branding", Form, Fields(), new FormFile("Logo", "logo.png", logo), new FormFile("Favicon", "favicon.png", favicon));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var visitor = _factory.CreateBrowser();
        var shownLogo = await visitor.GetByteArrayAsync("/branding/logo?v=1");
        var shownFavicon = await visitor.GetByteArrayAsync("/branding/favicon?v=1");
        Assert.NotEqual(shownLogo, shownFavicon);
        var defaultLogo = await File.ReadAllBytesAsync(Path.Combine(SkillBridge.Core.SolutionFolders.Find("src", AppContext.BaseDirectory)!, "SkillBridge.Web", "wwwroot", "branding", "logo.png"));
        Assert.NotEqual(defaultLogo, shownLogo);
    }

    [Fact]
    public async Task HighContrast_AccentSet_DoesNotLoadTheBrandingStylesheet()
    {
        using var admin = await AdminAsync();
        using var saved = await admin.PostFormAsync("/admin/branding", Form, Fields("SkillBridge", "#0b5cad"));
        using var standard = _factory.CreateBrowser();
        Assert.Contains((await standard.GetPageAsync("/")).QuerySelectorAll("link[rel='stylesheet']"), l => l.GetAttribute("href")!.StartsWith("/branding.css", StringComparison.Ordinal));
        using var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", "skillbridge-display=normal.high");

        var page = await client.GetPageAsync("/");

        Assert.DoesNotContain(page.QuerySelectorAll("link[rel='stylesheet']"), l => l.GetAttribute("href")!.StartsWith("/branding.css", StringComparison.Ordinal));
    }

    [Fact]
    public void Ratio_KnownColours_MatchWcag()
    {
        Assert.Equal(21.0, AccentContrast.Ratio("#000000", "#ffffff"), 2);
        Assert.True(AccentContrast.Ratio("#0b5cad", "#ffffff") >= AccentContrast.Minimum);
        Assert.True(AccentContrast.Ratio("#767676", "#ffffff") >= 4.5);
        Assert.True(AccentContrast.Ratio("#777777", "#ffffff") < 4.5);
    }
}
