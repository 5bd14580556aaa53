using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SkillBridge.BrowserTests.Progress;

/// <summary>The module rating on the finish page: a star control made of one radio group, used by keyboard.</summary>
[Collection(SiteInBrowser.Name)]
public sealed class RatingTests(BrowserFixture site)
{
    private const string Module = "share-your-screen";

    [Fact]
    public async Task StarRating_ArrowKeys_ChooseTheStarsAndTheRatingIsSaved()
    {
        await using var session = await site.OpenSignedInAsync(BrowserFixture.UniqueName("learner"), []);
        var page = session.Page;
        await CompleteModuleAsync(page);

        await page.Locator("#rating-comment").FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "5 stars" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft");

        var three = page.GetByRole(AriaRole.Radio, new() { Name = "3 stars", Exact = true });
        await Expect(three).ToBeCheckedAsync();
        await Expect(three).ToBeFocusedAsync();
        var outline = await page.Locator("label[for='stars-3']").EvaluateAsync<string>("label => getComputedStyle(label).outlineStyle");
        Assert.NotEqual("none", outline);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my rating" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#rating")).ToContainTextAsync("your rating was saved");
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "3 stars", Exact = true })).ToBeCheckedAsync();
    }

    [Fact]
    public async Task StarRating_OnAPhone_EachStarIsAtLeast44PixelsAndATapChoosesIt()
    {
        await using var session = await site.OpenSignedInAsync(
            BrowserFixture.UniqueName("learner"), [], new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 }, HasTouch = true });
        var page = session.Page;
        await CompleteModuleAsync(page);

        foreach (var star in await page.Locator(".rating-stars .star").AllAsync())
        {
            var box = (await star.BoundingBoxAsync())!;
            Assert.True(box.Width >= 44 && box.Height >= 44, $"A star is {box.Width} x {box.Height} px; at least 44 x 44 is needed.");
        }

        await page.Locator(".rating-stars .star").Nth(3).TapAsync();

        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "4 stars" })).ToBeCheckedAsync();
    }

    [Theory]
    [InlineData("normal.standard")]
    [InlineData("normal.high")]
    public async Task StarRating_SavedWithoutStars_ShowsTheErrorAndHasNoSeriousOrCriticalViolations(string display)
    {
        await using var session = await site.OpenSignedInAsync(BrowserFixture.UniqueName("learner"), [], cookies: BrowserFixture.DisplayCookie(display));
        var page = session.Page;
        await CompleteModuleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save my rating" }).ClickAsync();
        await Expect(page.Locator(".rating-stars .field-error")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "2 stars" }).FocusAsync();

        var result = await page.RunAxeAsync();
        Assert.NotEmpty(result.Passes);
        var violations = AxeReport.SeriousOrCritical(result);
        Assert.True(violations.Count == 0, AxeReport.Describe(page.Url, violations));
    }

    /// <summary>Opens every step, answers the quiz and lands on the finish page with its rating form.</summary>
    private static async Task CompleteModuleAsync(IPage page)
    {
        for (var step = 1; step <= 3; step++)
        {
            await page.GotoAsync($"/modules/{Module}/steps/{step}");
        }

        await page.GotoReadyAsync($"/modules/{Module}/steps/4", Enhancement.Quiz);
        await page.GetByLabel("Only that window").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check answer" }).ClickAsync();
        await Expect(page.Locator(".quiz .feedback .verdict")).ToHaveTextAsync("Correct.");
        await page.GotoAsync($"/modules/{Module}/finish");
        await Expect(page.Locator("#rating")).ToBeVisibleAsync();
    }
}
