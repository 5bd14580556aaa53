using Microsoft.Playwright;
using SkillBridge.BrowserTests.Authoring;
using SkillBridge.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SkillBridge.BrowserTests.Mentoring;

/// <summary>
/// axe in both themes, and reflow at 320 px with 200% text in both themes, for each mentoring page in each state that shows
/// different forms; and the request page's actions by keyboard.
/// </summary>
[Collection(SecondSiteInBrowser.Name)]
public sealed class MentoringPagesTests(BrowserFixture site)
{
    private sealed record Scene(MentoringStage Stage, bool AsAuthor, Func<ArrangedRequest, string> Path, string Shows);

    private static readonly Dictionary<string, Scene> Scenes = new()
    {
        ["ask form with free times"] = new(MentoringStage.Requested, false, r => $"/modules/{r.Slug}/ask/{r.Author}", "#free-slots input[name=Slot]"),
        ["availability"] = new(MentoringStage.Requested, true, _ => "/mentoring/availability", "#day0-range0-from"),
        ["inbox with a request"] = new(MentoringStage.Requested, true, _ => "/mentoring", "#to-you .mentoring-list"),
        ["notifications"] = new(MentoringStage.Requested, true, _ => "/notifications", ".notification-list"),
        ["requested, author answering"] = new(MentoringStage.Requested, true, r => r.Url, "#decline-note"),
        ["requested, learner waiting"] = new(MentoringStage.Requested, false, r => r.Url, "form[action$='handler=Withdraw']"),
        ["other times proposed, learner answering"] = new(MentoringStage.AlternativesProposed, false, r => r.Url, "#Times_FirstTime"),
        ["accepted, invitation and cancel"] = new(MentoringStage.Accepted, false, r => r.Url, "#cancel-note"),
        ["started, mark held"] = new(MentoringStage.Started, true, r => r.Url, "#session-place-input"),
        ["held, feedback given and feedback form"] = new(MentoringStage.Held, true, r => r.Url, "#feedback-text"),
        ["author's dashboard with an upcoming session"] = new(MentoringStage.Accepted, true, _ => "/authoring", "#upcoming-sessions li"),
    };

    public static TheoryData<string, string> ScenesInBothThemes()
    {
        var data = new TheoryData<string, string>();
        foreach (var display in new[] { "normal.standard", "normal.high" })
        {
            foreach (var scene in Scenes.Keys)
            {
                data.Add(scene, display);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ScenesInBothThemes))]
    public async Task MentoringPage_InTheme_HasNoSeriousOrCriticalViolations(string scene, string display)
    {
        var (request, path) = await ArrangeAsync(scene);
        try
        {
            await using var session = await OpenAsync(scene, request, null, display);
            var page = session.Page;

            var result = await page.RunAxeAsync();

            Assert.NotEmpty(result.Passes);
            var violations = AxeReport.SeriousOrCritical(result);
            Assert.True(violations.Count == 0, AxeReport.Describe(path, violations));
        }
        finally
        {
            await Drafts.ArchiveAsync(site, request.Slug);
        }
    }

    [Theory]
    [MemberData(nameof(ScenesInBothThemes))]
    public async Task MentoringPage_At320PixelsWithText200Percent_DoesNotScrollSideways(string scene, string display)
    {
        var (request, path) = await ArrangeAsync(scene);
        try
        {
            await using var session = await OpenAsync(scene, request, new BrowserNewContextOptions { ViewportSize = Overflow.Narrow, BypassCSP = true }, display);
            var page = session.Page;
            await page.AddStyleTagAsync(new() { Content = Overflow.Text200Percent });

            var overflow = await page.EvaluateAsync<string[]>(Overflow.Find);

            Assert.True(overflow.Length == 0, $"{path} ({scene}, {display}) at 320 px with 200% text:{Environment.NewLine}{string.Join(Environment.NewLine, overflow)}");
        }
        finally
        {
            await Drafts.ArchiveAsync(site, request.Slug);
        }
    }

    [Fact]
    public async Task RequestPage_AuthorTabsToAcceptAndPressesEnter_BooksTheSession()
    {
        var request = await MentoringRequests.ArrangeAsync(site, MentoringStage.Requested);
        try
        {
            await using var session = await site.OpenAsync();
            var page = session.Page;
            await BrowserFixture.SignInAsync(page, request.Author);
            await page.GotoAsync(request.Url);
            var accept = page.GetByRole(AriaRole.Button, new() { Name = "Accept this time" });

            // From the top of the page, as someone who does not use a mouse: Tab until the Accept button has focus (the
            // learner's first time is the one chosen).
            await page.Locator("body").FocusAsync();
            for (var presses = 0; presses < 60 && !await accept.EvaluateAsync<bool>("button => button === document.activeElement"); presses++)
            {
                await page.Keyboard.PressAsync("Tab");
            }

            await Expect(accept).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");

            await Expect(page.Locator("#mentoring-state")).ToHaveTextAsync("Session booked");
        }
        finally
        {
            await Drafts.ArchiveAsync(site, request.Slug);
        }
    }

    private async Task<(ArrangedRequest Request, string Path)> ArrangeAsync(string scene)
    {
        var request = await MentoringRequests.ArrangeAsync(site, Scenes[scene].Stage);
        return (request, Scenes[scene].Path(request));
    }

    /// <summary>Signs in as the scene's person in a fresh context and opens the scene's page, checking it shows what the scene is about.</summary>
    private async Task<BrowserSession> OpenAsync(string scene, ArrangedRequest request, BrowserNewContextOptions? options, string display)
    {
        var (_, asAuthor, path, shows) = Scenes[scene];
        var session = await site.OpenAsync(options, BrowserFixture.DisplayCookie(display));
        try
        {
            await BrowserFixture.PostSignInAsync(session.Context, asAuthor ? request.Author : request.Learner);
            await session.Page.GotoAsync(path(request));
            await Expect(session.Page.Locator(shows).First).ToBeVisibleAsync();
            await Expect(session.Page.Locator("link[href='/themes/high-contrast/theme.css']")).ToHaveCountAsync(display.EndsWith(".high", StringComparison.Ordinal) ? 1 : 0);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }
}
