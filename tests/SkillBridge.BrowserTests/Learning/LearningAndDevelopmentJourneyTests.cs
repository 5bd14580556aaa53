using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using SkillBridge.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SkillBridge.BrowserTests.Learning;

/// <summary>
/// Issue 11 end to end, through the real pages: a curator builds a path with the keyboard only, makes a group with a
/// learner in it and assigns the path to the group with a due date; the learner sees it under Assigned to you, completes
/// it and prints the certificate; the curator sees the completion in the assignments report and downloads its CSV.
/// axe on every page visited.
/// </summary>
[Collection(SiteInBrowser.Name)]
public sealed class LearningAndDevelopmentJourneyTests(BrowserFixture site)
{
    private const string Module = "spot-a-phishing-message";

    private const string ModuleTitle = "Spot a phishing message";

    [Fact]
    public async Task Curator_BuildsAndAssignsAPath_LearnerCompletesIt_CuratorSeesItInTheReport()
    {
        var curator = await site.CreateAccountAsync(BrowserFixture.UniqueName("journey.curator"), Roles.Curator);
        var learner = await site.CreateAccountAsync(BrowserFixture.UniqueName("journey.learner"), []);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var pathTitle = "Safer mail " + suffix;
        var groupName = "Finance leadership " + suffix;
        await using var session = await site.OpenAsync();
        var page = session.Page;

        // The curator builds the path with the keyboard only.
        await BrowserFixture.SignInAsync(page, curator);
        await page.GotoAsync("/paths/new");
        await AssertAccessibleAsync(page);
        await page.Locator("#Title").FocusAsync();
        await page.Keyboard.TypeAsync(pathTitle);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("One habit that stops most attacks.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForPageAsync(new Regex("/paths/[^/]+/edit"), Enhancement.PathPicker);
        var slug = new Uri(page.Url).AbsolutePath.Split('/')[2];
        await page.Locator("#q").FocusAsync();
        await page.Keyboard.TypeAsync("phishing");
        var add = page.GetByRole(AriaRole.Button, new() { Name = $"Add {ModuleTitle}", Exact = true });
        await Expect(add).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Expect(add).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForPageAsync(new Regex($"/paths/{slug}/edit"), Enhancement.PathPicker);
        await Expect(page.Locator("#path-builder-modules")).ToContainTextAsync(ModuleTitle);
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish path" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("Published as revision 1");

        // A group with the learner in it.
        await page.GotoAsync("/groups");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(groupName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the group" }).ClickAsync();
        await page.WaitForPageAsync(new Regex(@"/groups/\d+$"));
        await page.GetByLabel("Name, username or e-mail address").FillAsync(learner);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find people" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Add ") }).First.ClickAsync();
        await Expect(page.Locator("#members-heading")).ToHaveTextAsync("Members (1)");
        await AssertAccessibleAsync(page);

        // The path, assigned to the group, due in two weeks.
        var due = DateTime.UtcNow.Date.AddDays(14);
        await page.GotoAsync("/assignments/new");
        await AssertAccessibleAsync(page);
        var pathOption = await page.Locator("#what option", new() { HasText = pathTitle }).GetAttributeAsync("value");
        await page.Locator("#what").SelectOptionAsync(pathOption!);
        await page.Locator("label", new() { HasText = groupName }).ClickAsync();
        await page.GetByLabel("On a date").CheckAsync();
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Note for the people assigned (optional)").FillAsync("Ten minutes, before the quarter closes.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await page.WaitForPageAsync(new Regex(@"/assignments/\d+"));
        await AssertAccessibleAsync(page);
        await SignOutAsync(page);

        // The learner sees it, takes it and prints the certificate.
        await BrowserFixture.SignInAsync(page, learner);
        await page.GotoAsync("/learning");
        var assigned = page.Locator("#assigned-to-you");
        await Expect(assigned).ToContainTextAsync(pathTitle);
        await Expect(assigned).ToContainTextAsync("Ten minutes, before the quarter closes.");
        await Expect(assigned).ToContainTextAsync("Not started");
        await AssertAccessibleAsync(page);
        await assigned.GetByRole(AriaRole.Link, new() { Name = pathTitle }).ClickAsync();
        await page.WaitForPageAsync(new Regex($"/paths/{slug}$"));
        await AssertAccessibleAsync(page);
        await page.Locator("#path-action").ClickAsync();
        await TakeModuleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Path complete — see your certificate" }).ClickAsync();
        await page.WaitForPageAsync(new Regex($"/paths/{slug}/certificate$"), Enhancement.Print);
        await Expect(page.Locator("#certificate-path")).ToHaveTextAsync(pathTitle);
        await AssertAccessibleAsync(page);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("header").First).ToBeHiddenAsync();
        await Expect(page.Locator("#certificate-path")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.GotoAsync("/learning");
        await Expect(page.Locator("#assigned-to-you")).ToContainTextAsync("Completed");
        await SignOutAsync(page);

        // The curator sees the completion in the report and downloads exactly that table.
        await BrowserFixture.SignInAsync(page, curator);
        await page.GotoAsync("/reports/assignments?by=group");
        await AssertAccessibleAsync(page);
        var row = page.Locator("#assignments-by-group tbody tr", new() { HasText = groupName });
        var cells = (await row.Locator("th, td").AllTextContentsAsync()).Select(c => c.Trim()).ToList();
        var headers = (await page.Locator("#assignments-by-group thead th").AllTextContentsAsync()).Select(c => c.Trim()).ToList();
        Assert.Equal("1", cells[headers.IndexOf("Assigned")]);
        Assert.Equal("1", cells[headers.IndexOf("Completed")]);
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Download .*Assigned learning by group.* as CSV$") }).ClickAsync());
        var csv = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.Equal(string.Join(',', headers), csv[0]);
        Assert.Contains(string.Join(',', cells), csv);
    }

    /// <summary>Every step of the module, every quiz answered, then its finish page.</summary>
    private static async Task TakeModuleAsync(IPage page)
    {
        for (var step = 1; ; step++)
        {
            await page.WaitForPageAsync(new Regex($"/modules/{Module}/steps/{step}$"));
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

            var next = page.Locator("[data-step-nav='next']");
            var isLast = (await next.TextContentAsync() ?? "").Trim() == "Finish";
            await next.ClickAsync();
            if (isLast)
            {
                break;
            }
        }

        await page.WaitForPageAsync(new Regex($"/modules/{Module}/finish$"));
        await Expect(page.Locator("#completion")).ToContainTextAsync("Completed on");
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
}
