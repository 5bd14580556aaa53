using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using SkillBridge.Core.Accounts;

namespace SkillBridge.BrowserTests.Reports;

/// <summary>axe and reflow on the report pages in both themes, and the completions chart drawn beside its table under the strict CSP.</summary>
[Collection(SecondSiteInBrowser.Name)]
public sealed class ReportPagesTests(BrowserFixture site)
{
    private const string Module = "share-your-screen";

    public static TheoryData<string, string> PagesInThemes()
    {
        var data = new TheoryData<string, string>();
        foreach (var display in new[] { "normal.standard", "normal.high" })
        {
            foreach (var path in new[] { "/reports", "/reports/assignments?by=group", "/reports/assignments/people", "/reports/modules", "/reports/mentoring" })
            {
                data.Add(path, display);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesInThemes))]
    public async Task ReportPage_InTheme_HasNoSeriousOrCriticalViolations(string path, string display)
    {
        await using var session = await OpenCuratorAfterACompletionAsync(null, display);
        await session.Page.GotoAsync(path);

        var result = await session.Page.RunAxeAsync();

        Assert.NotEmpty(result.Passes);
        var violations = AxeReport.SeriousOrCritical(result);
        Assert.True(violations.Count == 0, AxeReport.Describe(session.Page.Url, violations));
    }

    [Theory]
    [MemberData(nameof(PagesInThemes))]
    public async Task ReportPage_At320PixelsWithText200Percent_DoesNotScrollSideways(string path, string display)
    {
        await using var session = await OpenCuratorAfterACompletionAsync(new BrowserNewContextOptions { ViewportSize = Overflow.Narrow, BypassCSP = true }, display);
        await session.Page.GotoAsync(path);
        await session.Page.AddStyleTagAsync(new() { Content = Overflow.Text200Percent });

        var overflow = await session.Page.EvaluateAsync<string[]>(Overflow.Find);

        Assert.True(overflow.Length == 0, $"{session.Page.Url} ({display}) at 320 px with 200% text:{Environment.NewLine}{string.Join(Environment.NewLine, overflow)}");
    }

    [Fact]
    public async Task ModulesReport_WithCompletions_DrawsTheChartBesideItsTable()
    {
        await using var session = await site.OpenSignedInAsync(BrowserFixture.UniqueName("curator"), [Roles.Curator]);
        var errors = new List<string>();
        session.Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await CompleteModuleAsync(session.Page);

        await session.Page.GotoAsync("/reports/modules");

        await Assertions.Expect(session.Page.Locator("#completions-chart")).ToHaveAttributeAsync("data-chart-drawn", "true");
        await Assertions.Expect(session.Page.Locator("#completions-over-time tbody tr").First).ToBeVisibleAsync();
        Assert.True((await session.Page.Locator("#completions-chart").BoundingBoxAsync())!.Height > 100);
        Assert.Empty(errors);
    }

    /// <summary>
    /// A context signed in as a curator who has gone through the module (<see cref="CompleteModuleAsync"/>), so every report
    /// has a completion to show. The reports count the whole site, so the curator and the completion are made once for
    /// this class's page checks, which only look.
    /// </summary>
    private Task<BrowserSession> OpenCuratorAfterACompletionAsync(BrowserNewContextOptions? options, string display) =>
        site.OpenSharedAsync(
            $"{nameof(ReportPagesTests)}: a curator who completed {Module}",
            async () =>
            {
                var session = await site.OpenSignedInAsync(BrowserFixture.UniqueName("curator"), [Roles.Curator]);
                try
                {
                    await CompleteModuleAsync(session.Page);
                    return session;
                }
                catch
                {
                    await session.DisposeAsync();
                    throw;
                }
            },
            options,
            BrowserFixture.DisplayCookie(display));

    /// <summary>Goes through the module and answers its quiz, so the modules report has a completion to chart.</summary>
    private static async Task CompleteModuleAsync(IPage page)
    {
        for (var step = 1; step <= 3; step++)
        {
            await page.GotoAsync($"/modules/{Module}/steps/{step}");
        }

        await page.GotoReadyAsync($"/modules/{Module}/steps/4", Enhancement.Quiz);
        await page.GetByLabel("Only that window").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check answer" }).ClickAsync();
        await Assertions.Expect(page.Locator(".quiz .feedback .verdict")).ToHaveTextAsync("Correct.");
        await page.GotoAsync($"/modules/{Module}/finish");
    }
}
