using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using SkillBridge.Core.Accounts;

namespace SkillBridge.BrowserTests.Accounts;

/// <summary>An admin invites a colleague with a name and a role, copies the link with the keyboard, and the colleague joins.</summary>
[Collection(SecondSiteInBrowser.Name)]
public sealed partial class AdminInvitationJourneyTests(BrowserFixture site)
{
    [Fact]
    public async Task InviteCopyAndAccept_ByKeyboard_GivesTheNameAndRole()
    {
        await using var admin = await site.OpenSignedInAsync(
            BrowserFixture.UniqueName("admin"), [Roles.Admin], new BrowserNewContextOptions { Permissions = ["clipboard-read", "clipboard-write"] });
        var page = admin.Page;
        var username = BrowserFixture.UniqueName("joiner");
        await page.GotoAsync("/admin/invitations");
        await page.GetByLabel("E-mail address").FillAsync(username + "@example.com");
        await page.GetByLabel("Name (optional: they can correct it)").FillAsync("Sam Joiner");
        await page.GetByLabel("author").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the invitation" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-enhanced", Enhanced());

        await page.Locator("#invitation-link").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy the link for " + username + "@example.com" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#invitation-link-status")).ToHaveTextAsync("Copied. Paste it into a message to them.");
        var link = await page.Locator("#invitation-link").InputValueAsync();
        Assert.Equal(link, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await Assertions.Expect(page.Locator($"tr[data-email='{username}@example.com']")).ToContainTextAsync("Sam Joiner");

        await using var joiner = await site.OpenAsync();
        await joiner.Page.GotoAsync(link);
        await Assertions.Expect(joiner.Page.Locator("#Input_Name")).ToHaveValueAsync("Sam Joiner");
        await joiner.Page.Locator("#Input_Username").FillAsync(username);
        await joiner.Page.Locator("#Input_Password").FillAsync("an invited passphrase");
        await joiner.Page.Locator("#Input_ConfirmPassword").FillAsync("an invited passphrase");
        await joiner.Page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Assertions.Expect(joiner.Page.Locator(".account-nav button", new() { HasText = "Sign out" })).ToBeAttachedAsync();

        await page.GotoAsync("/admin/accounts?q=" + username);
        await Assertions.Expect(page.Locator($"tr[data-username='{username}'] th")).ToHaveTextAsync("Sam Joiner");
        await Assertions.Expect(page.Locator($"tr[data-username='{username}'] .role-chip")).ToHaveCountAsync(2);
    }

    [GeneratedRegex(@"\bcopy\b")]
    private static partial Regex Enhanced();
}
