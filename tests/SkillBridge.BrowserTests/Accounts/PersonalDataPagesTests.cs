using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using SkillBridge.Core.Accounts;

namespace SkillBridge.BrowserTests.Accounts;

/// <summary>axe in both themes, and reflow at 320 px with 200% text, for the data, deletion and hand-over pages.</summary>
[Collection(SecondSiteInBrowser.Name)]
public sealed class PersonalDataPagesTests(BrowserFixture site)
{
    public static TheoryData<string, string, string> PagesInBothThemes
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var display in new[] { "normal.standard", "normal.high" })
            {
                foreach (var (path, role) in Pages)
                {
                    data.Add(path, role, display);
                }
            }

            return data;
        }
    }

    private static readonly (string Path, string Role)[] Pages =
    [
        ("/account/settings", "learner"),
        ("/account/profile", "learner"),
        ("/admin/branding", Roles.Admin),
        ("/account/data", "learner"),
        ("/account/delete", "learner"),
        ("/people/priya.shah/transfer", Roles.Curator),
        ("/people/former-colleagues", Roles.Curator),
    ];

    [Theory]
    [MemberData(nameof(PagesInBothThemes))]
    public async Task Page_InTheme_HasNoSeriousOrCriticalViolations(string path, string role, string display)
    {
        await using var session = await site.OpenSignedInSharedAsync(RolesFor(role), cookies: BrowserFixture.DisplayCookie(display));
        await session.Page.GotoAsync(path);
        await Assertions.Expect(session.Page.Locator("main h1")).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.Locator("link[href='/themes/high-contrast/theme.css']")).ToHaveCountAsync(display.EndsWith(".high", StringComparison.Ordinal) ? 1 : 0);

        var result = await session.Page.RunAxeAsync();

        Assert.NotEmpty(result.Passes);
        var violations = AxeReport.SeriousOrCritical(result);
        Assert.True(violations.Count == 0, AxeReport.Describe(session.Page.Url, violations));
    }

    [Theory]
    [MemberData(nameof(PagesInBothThemes))]
    public async Task Page_At320PixelsWithText200Percent_DoesNotScrollSideways(string path, string role, string display)
    {
        await using var session = await site.OpenSignedInSharedAsync(RolesFor(role), new BrowserNewContextOptions { ViewportSize = Overflow.Narrow, BypassCSP = true }, BrowserFixture.DisplayCookie(display));
        await session.Page.GotoAsync(path);
        await session.Page.AddStyleTagAsync(new() { Content = Overflow.Text200Percent });

        var overflow = await session.Page.EvaluateAsync<string[]>(Overflow.Find);

        Assert.True(overflow.Length == 0, $"{path} ({display}) at 320 px with 200% text:{Environment.NewLine}{string.Join(Environment.NewLine, overflow)}");
    }

    private static string[] RolesFor(string role) => role == "learner" ? [] : [role];
}
