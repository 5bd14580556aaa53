using System.Globalization;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SkillBridge.BrowserTests.Authoring;
using SkillBridge.BrowserTests.Infrastructure;
using SkillBridge.Core.Accounts;

namespace SkillBridge.BrowserTests.Mentoring;

/// <summary>Asking an author and answering, driven by labels and button texts; axe on each page and reflow at 320 px.</summary>
[Collection(SiteInBrowser.Name)]
public sealed class MentoringBrowserTests(BrowserFixture site)
{
    [Fact]
    public async Task AskAndAccept_EachPage_HasNoSeriousOrCriticalViolations()
    {
        var author = await site.CreateAccountAsync(BrowserFixture.UniqueName("mentor"), Roles.Author);
        var slug = await MentoringRequests.PublishedModuleAsync(site, author);
        try
        {
            await using var learner = await site.OpenSignedInAsync(BrowserFixture.UniqueName("learner"), []);
            var page = learner.Page;
            await page.GotoAsync($"/modules/{slug}");
            await AssertNoSeriousViolationsAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = $"Ask {author} for a follow-up session" }).ClickAsync();
            await page.WaitForPageAsync($"/modules/{slug}/ask/{author}");
            await AssertNoSeriousViolationsAsync(page);

            await page.GetByLabel("Your message").FillAsync("How do I read the chart for last quarter?");
            await page.GetByLabel("45 minutes").CheckAsync();
            await page.GetByLabel("First choice").FillAsync(LocalInput(TimeSpan.FromDays(3)));
            await page.GetByRole(AriaRole.Button, new() { Name = "Send request to " + author }).ClickAsync();
            await Assertions.Expect(page.Locator("#mentoring-state")).ToHaveTextAsync("Waiting for the author");
            await AssertNoSeriousViolationsAsync(page);
            var requestUrl = page.Url;

            await using var mentor = await site.OpenAsync();
            await BrowserFixture.SignInAsync(mentor.Page, author);
            await mentor.Page.GotoAsync("/mentoring");
            await Assertions.Expect(mentor.Page.Locator("#to-you")).ToContainTextAsync("Waiting for you to answer");
            await AssertNoSeriousViolationsAsync(mentor.Page);
            await mentor.Page.GotoAsync(requestUrl);
            await AssertNoSeriousViolationsAsync(mentor.Page);
            await mentor.Page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Accept ") }).ClickAsync();
            await Assertions.Expect(mentor.Page.Locator("#mentoring-state")).ToHaveTextAsync("Session booked");
            await AssertNoSeriousViolationsAsync(mentor.Page);

            await page.GotoAsync("/notifications");
            await Assertions.Expect(page.Locator("#notifications-link")).ToContainTextAsync("1");
            await AssertNoSeriousViolationsAsync(page);
            await page.GotoAsync(requestUrl);
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download the calendar invitation (.ics)" })).ToBeVisibleAsync();
        }
        finally
        {
            await Drafts.ArchiveAsync(site, slug);
        }
    }

    [Fact]
    public async Task RequestPages_At320PixelsWithText200Percent_DoNotScrollSideways()
    {
        var author = await site.CreateAccountAsync(BrowserFixture.UniqueName("mentor"), Roles.Author);
        var slug = await MentoringRequests.PublishedModuleAsync(site, author);
        try
        {
            await using var learner = await site.OpenSignedInAsync(BrowserFixture.UniqueName("learner"), [], new BrowserNewContextOptions { ViewportSize = Overflow.Narrow, BypassCSP = true });
            var page = learner.Page;
            await page.GotoAsync($"/modules/{slug}/ask/{author}");
            await AssertReflowsAsync(page);
            await page.GetByLabel("Your message").FillAsync("A question with a long-unbroken-word-like-https://example.com/a/very/long/address/that/must/wrap");
            await page.GetByLabel("First choice").FillAsync(LocalInput(TimeSpan.FromDays(3)));
            await page.GetByLabel("Second choice (optional)").FillAsync(LocalInput(TimeSpan.FromDays(4)));
            await page.GetByRole(AriaRole.Button, new() { Name = "Send request to " + author }).ClickAsync();
            await Assertions.Expect(page.Locator("#mentoring-state")).ToHaveTextAsync("Waiting for the author");
            await AssertReflowsAsync(page);
        }
        finally
        {
            await Drafts.ArchiveAsync(site, slug);
        }
    }

    /// <summary>A wall-clock time ahead of now in the site's default zone (new accounts' zone), for a datetime-local input.</summary>
    private static string LocalInput(TimeSpan ahead)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(SkillBridge.Core.SkillBridgeOptions.DefaultTimeZoneId);
        return TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow + ahead, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
    }

    private static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var violations = AxeReport.SeriousOrCritical(result);
        Assert.True(violations.Count == 0, AxeReport.Describe(page.Url, violations));
    }

    private static async Task AssertReflowsAsync(IPage page)
    {
        await page.AddStyleTagAsync(new() { Content = Overflow.Text200Percent });
        var overflow = await page.EvaluateAsync<string[]>(Overflow.Find);
        Assert.True(overflow.Length == 0, $"{page.Url} at 320 px with 200% text:{Environment.NewLine}{string.Join(Environment.NewLine, overflow)}");
    }
}
