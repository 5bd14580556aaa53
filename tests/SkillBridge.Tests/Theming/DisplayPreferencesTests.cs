using System.Net;
using AngleSharp.Html.Dom;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Theming;

[Collection(StarterSite.Name)]
public sealed class DisplayPreferencesTests(SkillBridgeWebFactory factory)
{
    [Fact]
    public async Task Get_NoCookie_UsesNormalTextAndTheSiteTheme()
    {
        using var client = factory.CreateClient();

        var page = await client.GetPageAsync("/");

        Assert.Equal("text-normal", page.DocumentElement.ClassName);
        Assert.NotNull(page.QuerySelector("link[href='/themes/default/theme.css']"));
    }

    [Fact]
    public async Task Post_LargerTextAndHighContrast_IsRememberedOnEveryPage()
    {
        using var client = factory.CreateClient();
        var form = (IHtmlFormElement)(await client.GetPageAsync("/display")).QuerySelector("form.display-form")!;

        using var response = await client.SubmitAsync(form, [new("TextSize", "Larger"), new("Contrast", "High")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var page = await client.GetPageAsync("/modules/share-your-screen");
        Assert.Equal("text-larger", page.DocumentElement.ClassName);
        Assert.NotNull(page.QuerySelector("link[href='/themes/high-contrast/theme.css']"));
    }

    [Fact]
    public async Task Post_UnknownTextSize_ShowsAMessageAndKeepsTheOldSetting()
    {
        using var client = factory.CreateClient();
        var form = (IHtmlFormElement)(await client.GetPageAsync("/display")).QuerySelector("form.display-form")!;

        using var response = await client.SubmitAsync(form, [new("TextSize", "Gigantic"), new("Contrast", "High")]);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());

        Assert.Contains("Choose one of the text sizes", page.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.Equal("text-normal", (await client.GetPageAsync("/")).DocumentElement.ClassName);
    }

    [Theory]
    [InlineData("/themes/default/theme.css")]
    [InlineData("/themes/high-contrast/theme.css")]
    public async Task GetThemeStylesheet_IsServedAsCss(string url)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
    }
}
