using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;

namespace SkillBridge.BrowserTests.Accessibility;

[Collection(SiteInBrowser.Name)]
public sealed class AxeTests(BrowserFixture site)
{
    public static TheoryData<string, string> PagesInBothThemes => SitePages.EachIn("normal.standard", "normal.high");

    [Theory]
    [MemberData(nameof(PagesInBothThemes))]
    public async Task Page_InTheme_HasNoSeriousOrCriticalViolations(string path, string display)
    {
        await using var session = await site.OpenAsync(cookies: BrowserFixture.DisplayCookie(display));
        var page = session.Page;
        await page.GotoAsync(path);

        await AssertNoSeriousViolationsAsync(page);
    }

    [Theory]
    [InlineData("normal.standard")]
    [InlineData("normal.high")]
    public async Task QuizFeedback_AfterAWrongAnswer_HasNoSeriousOrCriticalViolations(string display)
    {
        await using var session = await site.OpenAsync(cookies: BrowserFixture.DisplayCookie(display));
        var page = session.Page;
        // The feedback answered in place is the one under test; before the script is attached the answer would be posted instead.
        await page.GotoReadyAsync("/modules/share-your-screen/steps/4", Enhancement.Quiz);
        await page.GetByLabel("Your whole screen, notifications included").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check answer" }).ClickAsync();
        await Assertions.Expect(page.Locator(".quiz .feedback")).ToContainTextAsync("that answer is wrong");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Try again" })).ToBeVisibleAsync();

        await AssertNoSeriousViolationsAsync(page);
    }

    [Theory]
    [InlineData("normal.standard")]
    [InlineData("normal.high")]
    public async Task QuizFeedback_AfterShowTheAnswer_HasNoSeriousOrCriticalViolations(string display)
    {
        await using var session = await site.OpenAsync(cookies: BrowserFixture.DisplayCookie(display));
        var page = session.Page;
        await page.GotoReadyAsync("/modules/spot-a-phishing-message/steps/4", Enhancement.Quiz);
        await page.GetByLabel("It comes from a colleague you meet every week, about a meeting you both attend").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check answer" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the answer" }).ClickAsync();
        await Assertions.Expect(page.Locator(".quiz .feedback")).ToContainTextAsync("The right answers are:");

        await AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task HighContrastCookie_OnAnyPage_LoadsTheHighContrastTheme()
    {
        await using var session = await site.OpenAsync(cookies: BrowserFixture.DisplayCookie("normal.high"));
        var page = session.Page;

        await page.GotoAsync("/");

        await Assertions.Expect(page.Locator("link[href='/themes/high-contrast/theme.css']")).ToHaveCountAsync(1);
    }

    private static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxeAsync();
        Assert.NotEmpty(result.Passes);
        var violations = AxeReport.SeriousOrCritical(result);
        Assert.True(violations.Count == 0, AxeReport.Describe(page.Url, violations));
    }
}
