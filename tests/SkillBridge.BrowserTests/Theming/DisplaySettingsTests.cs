using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SkillBridge.BrowserTests.Theming;

[Collection(SiteInBrowser.Name)]
public sealed class DisplaySettingsTests(BrowserFixture site)
{
    [Fact]
    public async Task DisplayForm_LargerAndHighContrastSaved_AppliesThemOnTheNextPage()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/display");

        await page.GetByLabel("Larger (150%)").CheckAsync();
        await page.GetByLabel("High contrast: black on white with strong outlines").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save display settings" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your display settings were saved.");
        await page.GotoAsync("/");

        await Expect(page.Locator("html")).ToHaveClassAsync("text-larger");
        await Expect(page.Locator("link[href='/themes/high-contrast/theme.css']")).ToHaveCountAsync(1);
    }

    /// <summary>The high-contrast header is black, as is its accent: the Search button needs an edge of another colour.</summary>
    [Fact]
    public async Task HighContrast_HeaderSearchButton_HasAnEdgeUnlikeTheHeader()
    {
        await using var session = await site.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/display");
        await page.GetByLabel("High contrast: black on white with strong outlines").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save display settings" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your display settings were saved.");
        await page.SetViewportSizeAsync(1280, 800);
        await page.GotoAsync("/");

        var button = page.Locator(".site-header form[role=search] button");
        var edge = await button.EvaluateAsync<string>("b => getComputedStyle(b).borderTopColor");
        var header = await page.Locator(".site-header").EvaluateAsync<string>("h => getComputedStyle(h).backgroundColor");

        Assert.Equal("rgb(0, 0, 0)", header);
        Assert.Equal("rgb(255, 255, 255)", edge);
    }
}
