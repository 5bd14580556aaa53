using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using SkillBridge.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SkillBridge.BrowserTests.Mentoring;

/// <summary>
/// Issue 5 end to end, through the real pages: a learner completes a starter module, rates it and asks its author for a
/// follow-up session; the author accepts one of the times; the learner downloads the invitation. axe on every page visited.
/// </summary>
[Collection(SecondSiteInBrowser.Name)]
public sealed class FollowUpSessionJourneyTests(BrowserFixture site)
{
    private const string LearnerZone = "America/New_York";

    /// <summary>Each run needs a starter author without an account yet, so each theme takes a different single-author module.</summary>
    public static TheoryData<string, string, string> Journeys => new()
    {
        { "normal.standard", "daniel.nowak", "calendar-hygiene-and-focus-time" },
        { "normal.high", "jack.murphy", "tame-your-inbox" },
    };

    [Theory]
    [MemberData(nameof(Journeys))]
    public Task Learner_CompletesRatesAndAsks_AuthorAccepts_LearnerDownloadsTheInvitation(string display, string authorUsername, string slug) =>
        RunAsync(site, display, authorUsername, slug);

    /// <summary>The whole journey on a given site (also run on PostgreSQL by <see cref="FollowUpSessionJourneyOnPostgreSqlTests"/>).</summary>
    internal static async Task RunAsync(BrowserFixture site, string display, string authorUsername, string slug)
    {
        // The starter person becomes an account with their people.yml username, as an invitation would make them.
        await site.CreateAccountAsync(authorUsername, Roles.Author);
        var learner = await site.CreateAccountAsync(BrowserFixture.UniqueName("learner"), []);
        await using var session = await site.OpenAsync(cookies: BrowserFixture.DisplayCookie(display));
        var page = session.Page;

        // The learner signs in and works in New York time.
        await BrowserFixture.SignInAsync(page, learner);
        await page.GetByRole(AriaRole.Link, new() { Name = learner, Exact = true }).ClickAsync();
        await page.WaitForPageAsync("/account/settings");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Time zone").SelectOptionAsync(LearnerZone);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your settings were saved.");

        // The module, every step, every quiz answered.
        await page.GotoAsync($"/modules/{slug}");
        var title = (await page.Locator("main h1").TextContentAsync() ?? "").Trim();
        await AssertAccessibleAsync(page);
        await page.Locator("#start-module").ClickAsync();
        for (var step = 1; ; step++)
        {
            // Each step by its address: the last page's heading and links stay on screen until the next page arrives, and
            // answering or checking them then would skip a step or run axe on a page on its way out.
            await page.WaitForPageAsync($"/modules/{slug}/steps/{step}");
            var quizzes = await page.Locator("form.quiz").AllAsync();
            if (quizzes.Count > 0)
            {
                await page.WaitForEnhancementsAsync(Enhancement.Quiz);
            }

            foreach (var quiz in quizzes)
            {
                await quiz.Locator("input[type=radio], input[type=checkbox]").First.CheckAsync();
                await quiz.GetByRole(AriaRole.Button, new() { Name = "Check answer" }).ClickAsync();
                await Expect(quiz.Locator(".feedback .verdict")).ToBeVisibleAsync();
            }

            await AssertAccessibleAsync(page);
            // This step's page is the one showing, so its one "next" link says whether it is the last.
            var next = page.Locator("[data-step-nav='next']");
            var isLast = (await next.TextContentAsync() ?? "").Trim() == "Finish";
            await next.ClickAsync();
            if (isLast)
            {
                break;
            }
        }

        // Finished: completed, then rated.
        await page.WaitForPageAsync($"/modules/{slug}/finish");
        await Expect(page.Locator("#completion")).ToContainTextAsync("Completed on");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("4 stars").CheckAsync();
        await page.GetByLabel("Comment (optional)").FillAsync("Clear and short. I would like to see how this works with a shared calendar.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my rating" }).ClickAsync();
        await Expect(page.Locator("#rating")).ToContainTextAsync("your rating was saved");
        await AssertAccessibleAsync(page);

        // The request: a message, 45 minutes, two times typed in New York time.
        var authorName = await AuthorNameAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Ask {authorName} for a follow-up session" }).ClickAsync();
        await Expect(page.Locator("#times-hint")).ToContainTextAsync(LearnerZone);
        await AssertAccessibleAsync(page);
        var firstChoice = LocalTimeAhead(days: 3, hour: 10);
        var secondChoice = LocalTimeAhead(days: 4, hour: 15);
        await page.GetByLabel("Your message").FillAsync("The rules work for my own mailbox. How do I set them up for the team's shared one?");
        await page.GetByLabel("45 minutes").CheckAsync();
        // The author has published no availability, so the form asks for the learner's own times: a date field and a
        // 24-hour HH:mm text field each, the same in every browser.
        await Expect(page.Locator("#free-slots")).ToHaveCountAsync(0);
        await page.Locator("#Times_FirstDate").FillAsync(firstChoice.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("#Times_FirstTime").FillAsync(firstChoice.ToString("HH:mm", CultureInfo.InvariantCulture));
        await page.Locator("#Times_SecondDate").FillAsync(secondChoice.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("#Times_SecondTime").FillAsync(secondChoice.ToString("HH:mm", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Send request to ") }).ClickAsync();
        await Expect(page.Locator("#mentoring-state")).ToHaveTextAsync("Waiting for the author");
        await AssertAccessibleAsync(page);
        await SignOutAsync(page);

        // The author sees two unread notifications in the header (the rating, then the request) and accepts the second time.
        await BrowserFixture.SignInAsync(page, authorUsername);
        await Expect(page.Locator("#notifications-link .count-badge")).ToHaveTextAsync("2 unread");
        await page.Locator("#notifications-link").ClickAsync();
        await page.WaitForPageAsync("/notifications");
        await Expect(page.Locator(".notification-list")).ToContainTextAsync(new Regex(@"rated “[^”]+” 4 out of 5"));
        await AssertAccessibleAsync(page);
        await page.Locator(".notification-list a", new() { HasText = "asked you for a follow-up session" }).ClickAsync();
        await Expect(page.Locator("#mentoring-state")).ToHaveTextAsync("Waiting for you to answer");
        await Expect(page.Locator("#message-heading + .their-message")).ToContainTextAsync("shared one");
        await AssertAccessibleAsync(page);
        await page.GetByLabel(new Regex(Regex.Escape(ForChoice(ToLondon(secondChoice))))).CheckAsync();
        await page.GetByLabel("Where (optional)").FillAsync("https://meet.example.com/team-mailbox");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept this time" }).ClickAsync();
        await Expect(page.Locator("#mentoring-state")).ToHaveTextAsync("Session booked");
        await Expect(page.Locator("#session-place a")).ToHaveAttributeAsync("href", "https://meet.example.com/team-mailbox");
        await AssertAccessibleAsync(page);

        // The author's dashboard lists the session in their zone.
        await page.GotoAsync("/authoring");
        await Expect(page.Locator("#upcoming-sessions")).ToContainTextAsync(ToLondon(secondChoice).ToString("HH:mm", CultureInfo.InvariantCulture) + "–");
        await AssertAccessibleAsync(page);
        await SignOutAsync(page);

        // The learner sees the answer and downloads the invitation.
        await BrowserFixture.SignInAsync(page, learner);
        await Expect(page.Locator("#notifications-link .count-badge")).ToHaveTextAsync("1 unread");
        await page.Locator("#notifications-link").ClickAsync();
        await page.WaitForPageAsync("/notifications");
        await AssertAccessibleAsync(page);
        await page.Locator(".notification-list a").First.ClickAsync();
        await Expect(page.Locator("#mentoring-state")).ToHaveTextAsync("Session booked");
        await Expect(page.Locator("#session-time")).ToContainTextAsync(secondChoice.ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " " + LearnerZone);
        await AssertAccessibleAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download the calendar invitation (.ics)" }).ClickAsync());

        Assert.EndsWith(".ics", download.SuggestedFilename, StringComparison.Ordinal);
        var invitation = await File.ReadAllTextAsync(await download.PathAsync());
        var lines = invitation.Split("\r\n");
        Assert.Contains("METHOD:REQUEST", lines);
        Assert.Contains($"SUMMARY:Follow-up session: {title}", lines);
        Assert.Contains("DTSTART:" + ToUtc(secondChoice).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), lines);
        Assert.Contains("DTEND:" + ToUtc(secondChoice).AddMinutes(45).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), lines);
        Assert.Contains("LOCATION:https://meet.example.com/team-mailbox", lines);
    }

    private static async Task<string> AuthorNameAsync(IPage page)
    {
        var heading = (await page.Locator("#author-heading").TextContentAsync() ?? "").Trim();
        return heading["Written by ".Length..];
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxeAsync();
        Assert.NotEmpty(result.Passes);
        var violations = AxeReport.SeriousOrCritical(result);
        Assert.True(violations.Count == 0, AxeReport.Describe(page.Url, violations));
    }

    /// <summary>A whole hour some days ahead, on the learner's wall clock (unspecified kind).</summary>
    private static DateTime LocalTimeAhead(int days, int hour)
    {
        var today = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Zone(LearnerZone)).Date;
        return today.AddDays(days).AddHours(hour);
    }

    private static DateTime ToUtc(DateTime learnerLocal) => TimeZoneInfo.ConvertTimeToUtc(learnerLocal, Zone(LearnerZone));

    /// <summary>The same instant on the author's wall clock: new accounts get the site's default zone.</summary>
    private static DateTime ToLondon(DateTime learnerLocal) =>
        TimeZoneInfo.ConvertTimeFromUtc(ToUtc(learnerLocal), Zone(SkillBridge.Core.SkillBridgeOptions.DefaultTimeZoneId));

    /// <summary>How the accept form's choice starts for this time, on the author's wall clock.</summary>
    private static string ForChoice(DateTime local) => local.ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);
}
