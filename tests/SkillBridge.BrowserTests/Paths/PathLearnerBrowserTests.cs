using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using SkillBridge.Core.Data;
using SkillBridge.Core.Paths;
using static Microsoft.Playwright.Assertions;

namespace SkillBridge.BrowserTests.Paths;

/// <summary>A learner takes a path from Start path to the certificate; axe, reflow and print on the path and certificate pages.</summary>
[Collection(SiteInBrowser.Name)]
public sealed partial class PathLearnerBrowserTests(BrowserFixture site)
{
    private const string Path = "first-week-on-teams";
    private const string PathTitle = "Your first week on Teams";
    private static readonly string[] Modules = ["join-a-teams-meeting", "share-your-screen", "teams-channels-vs-chats"];

    [Fact]
    public async Task Learner_StartsThePathCompletesItsModules_AndSeesTheCertificate()
    {
        var username = BrowserFixture.UniqueName("path.learner");
        await using var session = await site.OpenSignedInAsync(username, []);
        var page = session.Page;

        await page.GotoAsync($"/paths/{Path}");
        await Expect(page.Locator("#path-done")).ToHaveTextAsync("0 of 3 done");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start path" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/modules/{Modules[0]}/steps/1$"));

        for (var i = 0; i < Modules.Length; i++)
        {
            await TakeModuleAsync(page, Modules[i]);
            if (i < Modules.Length - 1)
            {
                await page.GetByRole(AriaRole.Link, new() { Name = $"Next in {PathTitle}" }).ClickAsync();
                await Expect(page).ToHaveURLAsync(new Regex($"/modules/{Modules[i + 1]}/steps/1$"));
            }
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Path complete — see your certificate" }).ClickAsync();
        await page.WaitForPageAsync(new Regex($"/paths/{Path}/certificate$"), Enhancement.Print);
        await Expect(page.Locator("#certificate-name")).ToHaveTextAsync(username);
        await Expect(page.Locator("#certificate-path")).ToHaveTextAsync(PathTitle);
        await Expect(page.Locator("#certificate-authors")).ToContainTextAsync("Priya Shah");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print" })).ToBeVisibleAsync();

        await page.GotoAsync($"/paths/{Path}");
        await Expect(page.Locator("#path-done")).ToHaveTextAsync("3 of 3 done");
        await Expect(page.Locator(".path-modules .learner-state")).ToHaveTextAsync(["Completed", "Completed", "Completed"]);
    }

    public static TheoryData<string, string> PagesInThemes()
    {
        var data = new TheoryData<string, string>();
        foreach (var display in new[] { "normal.standard", "normal.high" })
        {
            foreach (var path in new[] { $"/paths/{Path}", $"/paths/{Path}/certificate" })
            {
                data.Add(path, display);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesInThemes))]
    public async Task PathPage_InTheme_HasNoSeriousOrCriticalViolations(string path, string display)
    {
        var username = BrowserFixture.UniqueName("path.axe");
        await using var session = await site.OpenSignedInAsync(username, [], cookies: BrowserFixture.DisplayCookie(display));
        await CompletePathAsync(username);
        await session.Page.GotoAsync(path);

        var result = await session.Page.RunAxeAsync();

        Assert.NotEmpty(result.Passes);
        var violations = AxeReport.SeriousOrCritical(result);
        Assert.True(violations.Count == 0, AxeReport.Describe(session.Page.Url, violations));
    }

    [Theory]
    [MemberData(nameof(PagesInThemes))]
    public async Task PathPage_At320PixelsWithText200Percent_DoesNotScrollSideways(string path, string display)
    {
        var username = BrowserFixture.UniqueName("path.reflow");
        await using var session = await site.OpenSignedInAsync(
            username, [], new BrowserNewContextOptions { ViewportSize = Overflow.Narrow, BypassCSP = true }, BrowserFixture.DisplayCookie(display));
        await CompletePathAsync(username);
        await session.Page.GotoAsync(path);
        await session.Page.AddStyleTagAsync(new() { Content = Overflow.Text200Percent });

        var overflow = await session.Page.EvaluateAsync<string[]>(Overflow.Find);

        Assert.True(overflow.Length == 0, $"{session.Page.Url} ({display}) at 320 px with 200% text:{Environment.NewLine}{string.Join(Environment.NewLine, overflow)}");
    }

    [Theory]
    [InlineData("normal.standard")]
    [InlineData("normal.high")]
    public async Task Certificate_Printed_HidesHeaderNavAndFooterAndFitsOnePage(string display)
    {
        var username = BrowserFixture.UniqueName("path.print");
        await using var session = await site.OpenSignedInAsync(username, [], cookies: BrowserFixture.DisplayCookie(display));
        await CompletePathAsync(username);
        var page = session.Page;
        await page.GotoReadyAsync($"/paths/{Path}/certificate", Enhancement.Print);

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var screenshot = await page.ScreenshotAsync(new() { FullPage = true });

        Assert.NotEmpty(screenshot);
        await Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Expect(page.Locator("nav").First).ToBeHiddenAsync();
        await Expect(page.Locator(".site-footer")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print" })).ToBeHiddenAsync();
        await Expect(page.Locator("#certificate-path")).ToBeVisibleAsync();
        var pdf = Encoding.Latin1.GetString(await page.PdfAsync(new() { Format = "A4" }));
        Assert.Single(PdfPage().Matches(pdf));
    }

    /// <summary>Goes through every step of the module, answers every quiz in place, and opens the finish page.</summary>
    private static async Task TakeModuleAsync(IPage page, string slug)
    {
        await page.GotoAsync($"/modules/{slug}");
        var steps = await page.Locator("ol.steps-list li").CountAsync();
        for (var step = 1; step <= steps; step++)
        {
            await page.GotoAsync($"/modules/{slug}/steps/{step}");
            var quizzes = page.Locator("form.quiz");
            var count = await quizzes.CountAsync();
            if (count > 0)
            {
                await page.WaitForEnhancementsAsync(Enhancement.Quiz);
            }

            for (var q = 0; q < count; q++)
            {
                var quiz = quizzes.Nth(q);
                await quiz.Locator("input[type=radio], input[type=checkbox]").First.CheckAsync();
                await quiz.GetByRole(AriaRole.Button, new() { Name = "Check answer" }).ClickAsync();
                await Expect(quiz.Locator(".feedback .verdict")).ToBeVisibleAsync();
            }
        }

        await page.GotoAsync($"/modules/{slug}/finish");
        await Expect(page.Locator("#completion")).ToBeVisibleAsync();
    }

    /// <summary>Puts the account on the path as completed, so its pages have their completed content.</summary>
    private async Task CompletePathAsync(string username)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        var userId = await db.Users.Where(u => u.UserName == username).Select(u => u.Id).SingleAsync();
        var pathId = await db.LearningPaths.Where(p => p.Slug == Path).Select(p => p.Id).SingleAsync();
        var now = DateTime.UtcNow;
        db.PathProgress.Add(new PathProgress { UserId = userId, LearningPathId = pathId, StartedAt = now.AddDays(-3), CompletedAt = now });
        await db.SaveChangesAsync();
    }

    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PdfPage();
}
