using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;

namespace SkillBridge.BrowserTests.Theming;

/// <summary>WCAG 1.4.10 Reflow: at 320 CSS pixels wide, with text up to 200%, nothing needs sideways scrolling.</summary>
[Collection(SiteInBrowser.Name)]
public sealed class ReflowTests(BrowserFixture site)
{
    private static readonly ViewportSize Narrow = new() { Width = 320, Height = 800 };

    public static TheoryData<string> Pages => SitePages.Each;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_At320PixelsWithText200Percent_DoesNotScrollSideways(string path)
    {
        await using var session = await site.OpenAsync(new BrowserNewContextOptions { ViewportSize = Narrow, BypassCSP = true });
        var page = session.Page;
        await page.GotoAsync(path);
        await page.AddStyleTagAsync(new() { Content = "html { font-size: 200% !important; }" });

        var overflow = await page.EvaluateAsync<string[]>(Overflow.Find);

        Assert.True(overflow.Length == 0, $"{path} at 320 px with 200% text:{Environment.NewLine}{string.Join(Environment.NewLine, overflow)}");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_At320PixelsWithLargerTextSetting_DoesNotScrollSideways(string path)
    {
        await using var session = await site.OpenAsync(new BrowserNewContextOptions { ViewportSize = Narrow }, BrowserFixture.DisplayCookie("larger.standard"));
        var page = session.Page;
        await page.GotoAsync(path);
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("text-larger");

        var overflow = await page.EvaluateAsync<string[]>(Overflow.Find);

        Assert.True(overflow.Length == 0, $"{path} at 320 px with the Larger text setting:{Environment.NewLine}{string.Join(Environment.NewLine, overflow)}");
    }
}
