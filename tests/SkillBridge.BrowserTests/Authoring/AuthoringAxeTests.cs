using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using SkillBridge.Core.Accounts;

namespace SkillBridge.BrowserTests.Authoring;

/// <summary>axe on the pages behind sign-in: writing, reviewing, history and account administration, in both themes.</summary>
[Collection(SecondSiteInBrowser.Name)]
public sealed class AuthoringAxeTests(BrowserFixture site)
{
    // A starter module with images and a quiz: its editor and history show every part of those pages.
    private const string StarterModule = "share-your-screen";

    // The step of the starter module with a quiz.
    private const int StarterQuizStep = 4;

    public static TheoryData<string> Themes => ["normal.standard", "normal.high"];

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task Editor_InTheme_HasNoSeriousOrCriticalViolations(string display)
    {
        await using var session = await SignedInAsync(display, Roles.Curator);
        await session.Page.GotoAsync($"/authoring/{StarterModule}");
        await Assertions.Expect(session.Page.Locator("#draft-preview .quiz").First).ToBeVisibleAsync();

        await AssertNoSeriousViolationsAsync(session.Page);

        // "Preview as a learner": the player on the draft, with its "Draft preview" label and a quiz.
        await session.Page.GotoAsync($"/authoring/{StarterModule}/preview/steps/{StarterQuizStep}");
        await Assertions.Expect(session.Page.Locator("#draft-preview-banner")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync(session.Page);
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task ReviewQueue_InTheme_HasNoSeriousOrCriticalViolations(string display)
    {
        var author = await site.CreateAccountAsync(BrowserFixture.UniqueName("author"), Roles.Author);
        var title = "Queued " + Guid.NewGuid().ToString("N")[..6];
        await Drafts.CreateSubmittedAsync(site, author, title);
        await using var session = await SignedInAsync(display, Roles.Curator);
        await session.Page.GotoAsync("/review");
        await Assertions.Expect(session.Page.Locator("#review-queue")).ToContainTextAsync(title);

        await AssertNoSeriousViolationsAsync(session.Page);
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task ReviewOfASubmittedModule_InTheme_HasNoSeriousOrCriticalViolations(string display)
    {
        var author = await site.CreateAccountAsync(BrowserFixture.UniqueName("author"), Roles.Author);
        var slug = await Drafts.CreateResubmittedAsync(site, author, "Under review " + Guid.NewGuid().ToString("N")[..6]);
        try
        {
            await using var session = await SignedInAsync(display, Roles.Curator);
            await session.Page.GotoAsync($"/review/{slug}");
            await Assertions.Expect(session.Page.Locator("#review-rendered ins").First).ToBeVisibleAsync();
            await Assertions.Expect(session.Page.Locator("#changed-details")).ToBeVisibleAsync();
            await session.Page.Locator("#source-changes summary").ClickAsync();
            await Assertions.Expect(session.Page.Locator("#source-changes .diff")).ToBeVisibleAsync();

            await AssertNoSeriousViolationsAsync(session.Page);
        }
        finally
        {
            await Drafts.ArchiveAsync(site, slug);
        }
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task History_InTheme_HasNoSeriousOrCriticalViolations(string display)
    {
        await using var session = await SignedInAsync(display, Roles.Curator);
        await session.Page.GotoAsync($"/modules/{StarterModule}/history");
        await Assertions.Expect(session.Page.Locator("#revisions")).ToBeVisibleAsync();

        await AssertNoSeriousViolationsAsync(session.Page);
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task AuthorsDashboard_InTheme_HasNoSeriousOrCriticalViolations(string display)
    {
        var author = BrowserFixture.UniqueName("author");
        await using var session = await site.OpenSignedInAsync(author, [Roles.Author], cookies: BrowserFixture.DisplayCookie(display));
        var slug = await Drafts.CreatePublishedAsync(site, author, "Dashboard " + Guid.NewGuid().ToString("N")[..6]);
        await Drafts.CreateAsync(site, author, "Unpublished " + Guid.NewGuid().ToString("N")[..6]);
        try
        {
            await session.Page.GotoAsync("/authoring");
            await Assertions.Expect(session.Page.Locator($"#module-{slug} [data-figure=reached]")).ToHaveTextAsync("0");

            await AssertNoSeriousViolationsAsync(session.Page);
        }
        finally
        {
            await Drafts.ArchiveAsync(site, slug);
        }
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task SignIn_InTheme_HasNoSeriousOrCriticalViolations(string display)
    {
        await using var session = await site.OpenAsync(cookies: BrowserFixture.DisplayCookie(display));
        await session.Page.GotoAsync("/account/signin");

        await AssertNoSeriousViolationsAsync(session.Page);
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public async Task AdminMail_WithAFailedMail_InTheme_HasNoSeriousOrCriticalViolations(string display)
    {
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SkillBridge.Core.Data.SkillBridgeDbContext>();
            db.OutboxMessages.Add(new SkillBridge.Core.Outbox.OutboxMessage
            {
                Recipient = "someone@example.com",
                Summary = "You are invited to SkillBridge",
                Payload = "{\"to\":\"someone@example.com\",\"subject\":\"You are invited to SkillBridge\",\"body\":\"Hello.\"}",
                MessageId = Guid.NewGuid().ToString("N") + "@skills.example.com",
                State = SkillBridge.Core.Outbox.OutboxState.Failed,
                Attempts = 5,
                LastError = "Connection refused",
                CreatedAt = DateTime.UtcNow,
                NextAttemptAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await using var session = await SignedInAsync(display, Roles.Admin);
        await session.Page.GotoAsync("/admin/mail");
        await Assertions.Expect(session.Page.Locator("table.outbox button").First).ToBeVisibleAsync();

        await AssertNoSeriousViolationsAsync(session.Page);
    }

    private Task<BrowserSession> SignedInAsync(string display, string role) =>
        site.OpenSignedInAsync(BrowserFixture.UniqueName(role.ToLowerInvariant()), [role], cookies: BrowserFixture.DisplayCookie(display));

    private static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        // Signed in or not, the page must be in the theme the cookie asks for, or the second run would check the first theme again.
        var highContrast = (await page.Context.CookiesAsync()).Any(c => c.Name == "skillbridge-display" && c.Value.EndsWith(".high", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("link[href='/themes/high-contrast/theme.css']")).ToHaveCountAsync(highContrast ? 1 : 0);
        var result = await page.RunAxeAsync();
        Assert.NotEmpty(result.Passes);
        var violations = AxeReport.SeriousOrCritical(result);
        Assert.True(violations.Count == 0, AxeReport.Describe(page.Url, violations));
    }
}
