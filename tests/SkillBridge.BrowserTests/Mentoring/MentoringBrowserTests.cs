using System.Globalization;
using Microsoft.Playwright;
using SkillBridge.BrowserTests.Authoring;
using SkillBridge.BrowserTests.Infrastructure;
using SkillBridge.Core.Accounts;

namespace SkillBridge.BrowserTests.Mentoring;

/// <summary>Asking an author and answering, driven by labels and button texts; axe on each page and reflow at 320 px.</summary>
[Collection(SecondSiteInBrowser.Name)]
public sealed class MentoringBrowserTests(BrowserFixture site)
{
    [Fact]
    public async Task AskAndAccept_EachPage_HasNoSeriousOrCriticalViolations()
    {
        var author = await site.CreateAccountAsync(BrowserFixture.UniqueName("mentor"), Roles.Author);
        var slug = await MentoringRequests.PublishedModuleAsync(site, author);
        try
        {
            // The author publishes when they are free: every day from 08:00 to 20:00 on their own clock.
            await using var mentor = await site.OpenAsync();
            await BrowserFixture.SignInAsync(mentor.Page, author);
            await mentor.Page.GotoAsync("/mentoring");
            await mentor.Page.GetByRole(AriaRole.Link, new() { Name = "Your availability for sessions" }).ClickAsync();
            await AssertNoSeriousViolationsAsync(mentor.Page);
            for (var day = 0; day < 7; day++)
            {
                await mentor.Page.Locator($"#day{day}-range0-from").FillAsync("08:00");
                await mentor.Page.Locator($"#day{day}-range0-to").FillAsync(day == 0 ? "7pm" : "20:00");
            }

            await mentor.Page.GetByRole(AriaRole.Button, new() { Name = "Save availability" }).ClickAsync();
            await Assertions.Expect(mentor.Page.Locator("#day0-range0-error")).ToHaveTextAsync("The end “7pm” is not a time. Use 24-hour HH:mm, for example 17:30.");
            await AssertNoSeriousViolationsAsync(mentor.Page);
            await mentor.Page.Locator("#day0-range0-to").FillAsync("20:00");
            await mentor.Page.GetByRole(AriaRole.Button, new() { Name = "Save availability" }).ClickAsync();
            await Assertions.Expect(mentor.Page.Locator("#page-message")).ToContainTextAsync("Your availability is saved");

            await using var learner = await site.OpenSignedInAsync(BrowserFixture.UniqueName("learner"), []);
            var page = learner.Page;
            await page.GotoAsync($"/modules/{slug}");
            await AssertNoSeriousViolationsAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = $"Ask {author} for a follow-up session" }).ClickAsync();
            await page.WaitForPageAsync($"/modules/{slug}/ask/{author}");
            await AssertNoSeriousViolationsAsync(page);

            await page.GetByLabel("Your message").FillAsync("How do I read the chart for last quarter?");
            await page.GetByLabel("45 minutes").CheckAsync();
            var firstFree = page.Locator("#free-slots input[name=Slot]").First;
            var picked = await firstFree.GetAttributeAsync("value");
            await firstFree.CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send request to " + author }).ClickAsync();
            await Assertions.Expect(page.Locator("#mentoring-state")).ToHaveTextAsync("Waiting for the author");
            await AssertNoSeriousViolationsAsync(page);
            var requestUrl = page.Url;

            // The time asked for is held for this request: nobody else is offered it.
            await page.GotoAsync($"/modules/{slug}/ask/{author}");
            Assert.DoesNotContain(picked, await page.Locator("#free-slots input[name=Slot]").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)"));

            await mentor.Page.GotoAsync("/mentoring");
            await Assertions.Expect(mentor.Page.Locator("#to-you")).ToContainTextAsync("Waiting for you to answer");
            await AssertNoSeriousViolationsAsync(mentor.Page);
            await mentor.Page.GotoAsync(requestUrl);
            await AssertNoSeriousViolationsAsync(mentor.Page);
            await mentor.Page.GetByLabel("Where (optional)").FillAsync("Room 4.12, Leeds office");
            await mentor.Page.GetByRole(AriaRole.Button, new() { Name = "Accept this time" }).ClickAsync();
            await Assertions.Expect(mentor.Page.Locator("#mentoring-state")).ToHaveTextAsync("Session booked");
            await Assertions.Expect(mentor.Page.Locator("#session-place")).ToHaveTextAsync("Room 4.12, Leeds office");
            await AssertNoSeriousViolationsAsync(mentor.Page);
            await mentor.Page.GotoAsync("/authoring");
            await Assertions.Expect(mentor.Page.Locator("#upcoming-sessions")).ToContainTextAsync("Room: Room 4.12, Leeds office");
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
            foreach (var (choice, days) in new[] { ("First", 3), ("Second", 4) })
            {
                var local = LocalInput(TimeSpan.FromDays(days));
                await page.Locator($"#Times_{choice}Date").FillAsync(local[..10]);
                await page.Locator($"#Times_{choice}Time").FillAsync(local[11..]);
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Send request to " + author }).ClickAsync();
            await Assertions.Expect(page.Locator("#mentoring-state")).ToHaveTextAsync("Waiting for the author");
            await AssertReflowsAsync(page);
        }
        finally
        {
            await Drafts.ArchiveAsync(site, slug);
        }
    }

    /// <summary>A wall-clock time ahead of now in the site's default zone (new accounts' zone), as yyyy-MM-ddTHH:mm.</summary>
    private static string LocalInput(TimeSpan ahead)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(SkillBridge.Core.SkillBridgeOptions.DefaultTimeZoneId);
        return TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow + ahead, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
    }

    private static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxeAsync();
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
