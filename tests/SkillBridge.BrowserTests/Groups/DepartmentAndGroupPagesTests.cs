using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using SkillBridge.Core.Accounts;

namespace SkillBridge.BrowserTests.Groups;

/// <summary>axe in both themes, and reflow at 320 px with 200% text in both themes, for the department, group and account administration pages (with filters, a reset link shown, and the page that link opens).</summary>
[Collection(SecondSiteInBrowser.Name)]
public sealed class DepartmentAndGroupPagesTests(BrowserFixture site)
{
    private static readonly (string Scene, string Role)[] Scenes =
    [
        ("/admin/departments", Roles.Admin),
        ("/admin/departments/1", Roles.Admin),
        ("/admin/people/priya.shah", Roles.Admin),
        ("/groups", Roles.Curator),
        ("group page with search results", Roles.Curator),
        ("pasted list preview", Roles.Curator),
        ("/admin/accounts", Roles.Admin),
        ("/admin/audit", Roles.Admin),
        ("bulk invitation preview", Roles.Admin),
        ("/admin/accounts?q=a&role=author", Roles.Admin),
        ("password reset link made", Roles.Admin),
        ("password reset link opened", Roles.Admin),
    ];

    public static TheoryData<string, string, string> ScenesInBothThemes()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var display in new[] { "normal.standard", "normal.high" })
        {
            foreach (var (scene, role) in Scenes)
            {
                data.Add(scene, role, display);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ScenesInBothThemes))]
    public async Task Page_InTheme_HasNoSeriousOrCriticalViolations(string scene, string role, string display)
    {
        await using var session = await site.OpenSignedInSharedAsync([role], cookies: BrowserFixture.DisplayCookie(display));
        await ShowAsync(session.Page, scene);

        var result = await session.Page.RunAxeAsync();

        Assert.NotEmpty(result.Passes);
        var violations = AxeReport.SeriousOrCritical(result);
        Assert.True(violations.Count == 0, AxeReport.Describe(session.Page.Url, violations));
    }

    [Theory]
    [MemberData(nameof(ScenesInBothThemes))]
    public async Task Page_At320PixelsWithText200Percent_DoesNotScrollSideways(string scene, string role, string display)
    {
        await using var session = await site.OpenSignedInSharedAsync([role], new BrowserNewContextOptions { ViewportSize = Overflow.Narrow, BypassCSP = true }, BrowserFixture.DisplayCookie(display));
        await ShowAsync(session.Page, scene);
        await session.Page.AddStyleTagAsync(new() { Content = Overflow.Text200Percent });

        var overflow = await session.Page.EvaluateAsync<string[]>(Overflow.Find);

        Assert.True(overflow.Length == 0, $"{scene} ({display}) at 320 px with 200% text:{Environment.NewLine}{string.Join(Environment.NewLine, overflow)}");
    }

    /// <summary>Opens the page; the group scenes first create a group through its form, as a curator would; the reset link scenes first create the person.</summary>
    private async Task ShowAsync(IPage page, string scene)
    {
        if (scene.StartsWith('/'))
        {
            await page.GotoAsync(scene);
            await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
            return;
        }

        if (scene == "bulk invitation preview")
        {
            // The whole invitations page: a new link with Copy, the bulk preview with both tables, the waiting list.
            await page.GotoAsync("/admin/invitations");
            await page.GetByLabel("E-mail address").FillAsync(BrowserFixture.UniqueName("waiting") + "@example.com");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create the invitation" }).ClickAsync();
            await page.GetByLabel("The list").FillAsync($"{BrowserFixture.UniqueName("ready")}@example.com, Ready Person, author\nnot-an-address");
            await page.GetByRole(AriaRole.Button, new() { Name = "Check the list" }).ClickAsync();
            await Assertions.Expect(page.Locator("#preview-summary")).ToContainTextAsync("1 ready, 1 with problems");
            return;
        }

        if (scene.StartsWith("password reset link", StringComparison.Ordinal))
        {
            // The accounts page showing a new link once, then the page the link opens, where the person chooses a password.
            var forgetful = BrowserFixture.UniqueName("forgetful");
            await site.CreateAccountAsync(forgetful, Roles.Author);
            await page.GotoAsync("/admin/accounts?q=" + forgetful);
            await page.GetByRole(AriaRole.Button, new() { Name = "Make a reset link for " + forgetful }).ClickAsync();
            await Assertions.Expect(page.Locator("#reset-link")).ToBeVisibleAsync();
            if (scene == "password reset link opened")
            {
                await page.GotoAsync(await page.Locator("#reset-link").InputValueAsync());
                await Assertions.Expect(page.Locator("#Input_NewPassword")).ToBeVisibleAsync();
            }

            return;
        }

        await page.GotoAsync("/groups");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(BrowserFixture.UniqueName("Group"));
        await page.GetByLabel("Description (optional)").FillAsync("People who try things first");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the group" }).ClickAsync();
        await Assertions.Expect(page.Locator("#page-message-text")).ToBeVisibleAsync();
        if (scene == "group page with search results")
        {
            await page.GetByLabel("Name, username or e-mail address").FillAsync("a");
            await page.GetByRole(AriaRole.Button, new() { Name = "Find people" }).ClickAsync();
            await Assertions.Expect(page.Locator(".people-matches")).ToBeVisibleAsync();
            return;
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Paste a list of usernames or e-mail addresses" }).ClickAsync();
        await page.GetByLabel("Usernames or e-mail addresses").FillAsync("priya.shah\nnobody.here\npriya.shah");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the list" }).ClickAsync();
        await Assertions.Expect(page.Locator("#paste-summary")).ToHaveTextAsync("1 ready, 2 with problems");
    }
}
