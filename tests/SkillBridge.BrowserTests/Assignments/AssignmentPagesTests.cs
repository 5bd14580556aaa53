using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Assignments;
using SkillBridge.Core.Data;
using static Microsoft.Playwright.Assertions;

namespace SkillBridge.BrowserTests.Assignments;

/// <summary>axe in both themes, and reflow at 320 px with 200% text in both themes, on the assignment pages and "Assigned to you".</summary>
[Collection(SecondSiteInBrowser.Name)]
public sealed class AssignmentPagesTests(BrowserFixture site)
{
    /// <summary>Page → whether the curator (or the learner) looks at it, and what shows it is the right page.</summary>
    private static readonly Dictionary<string, (bool AsCurator, string Shows)> Pages = new()
    {
        ["/assignments"] = (true, "#assignments"),
        ["/assignments/new"] = (true, "form.assignment-form"),
        ["/assignments/{id}"] = (true, "#assignment-people"),
        ["/learning"] = (false, "#assigned-to-you"),
    };

    public static TheoryData<string, string> PagesInBothThemes()
    {
        var data = new TheoryData<string, string>();
        foreach (var display in new[] { "normal.standard", "normal.high" })
        {
            foreach (var page in Pages.Keys)
            {
                data.Add(page, display);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesInBothThemes))]
    public async Task AssignmentPage_InTheme_HasNoSeriousOrCriticalViolations(string path, string display)
    {
        await using var session = await OpenAsync(path, null, display);

        var result = await session.Page.RunAxeAsync();

        Assert.NotEmpty(result.Passes);
        var violations = AxeReport.SeriousOrCritical(result);
        Assert.True(violations.Count == 0, AxeReport.Describe(path, violations));
    }

    [Theory]
    [MemberData(nameof(PagesInBothThemes))]
    public async Task AssignmentPage_At320PixelsWithText200Percent_DoesNotScrollSideways(string path, string display)
    {
        await using var session = await OpenAsync(path, new BrowserNewContextOptions { ViewportSize = Overflow.Narrow, BypassCSP = true }, display);
        await session.Page.AddStyleTagAsync(new() { Content = Overflow.Text200Percent });

        var overflow = await session.Page.EvaluateAsync<string[]>(Overflow.Find);

        Assert.True(overflow.Length == 0, $"{path} ({display}) at 320 px with 200% text:{Environment.NewLine}{string.Join(Environment.NewLine, overflow)}");
    }

    /// <summary>A new curator assigns a module with a long note and a due date to a new learner; the page opens as the one who sees it.</summary>
    private async Task<BrowserSession> OpenAsync(string path, BrowserNewContextOptions? options, string display)
    {
        var curator = await site.CreateAccountAsync(BrowserFixture.UniqueName("curator"), Roles.Curator);
        var learner = await site.CreateAccountAsync(BrowserFixture.UniqueName("learner"));
        int assignmentId;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
            var curatorId = await db.Users.Where(u => u.UserName == curator).Select(u => u.Id).SingleAsync();
            var personId = await db.Users.Where(u => u.UserName == learner).Select(u => u.PersonId!.Value).SingleAsync();
            var moduleId = await db.Modules.Where(m => m.Slug == "share-your-screen").Select(m => m.Id).SingleAsync();
            var result = await scope.ServiceProvider.GetRequiredService<AssignmentService>().CreateAsync(
                new AssignmentInput
                {
                    ModuleId = moduleId,
                    PersonIds = [personId],
                    DueKind = DueDateKind.DaysAfterAssignment,
                    DueDays = 14,
                    ReminderDays = "7, 1",
                    Note = "Please finish this before the customer workshop, including the quiz about sharing one window only.",
                },
                curatorId);
            Assert.True(result.Succeeded);
            assignmentId = result.Value!.Id;
        }

        var (asCurator, shows) = Pages[path];
        var session = await site.OpenAsync(options, BrowserFixture.DisplayCookie(display));
        try
        {
            await BrowserFixture.PostSignInAsync(session.Context, asCurator ? curator : learner);
            await session.Page.GotoAsync(path.Replace("{id}", assignmentId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            await Expect(session.Page.Locator(shows).First).ToBeVisibleAsync();
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }
}
