using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using SkillBridge.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SkillBridge.BrowserTests.Accounts;

/// <summary>The accounts page on a phone: the list first, its four filters behind one Filter button.</summary>
[Collection(SiteInBrowser.Name)]
public sealed class AccountFiltersTests(BrowserFixture site)
{
    private static readonly BrowserNewContextOptions Phone = new() { ViewportSize = new ViewportSize { Width = 390, Height = 844 } };

    [Fact]
    public async Task AccountsOnAPhone_NoFilterInUse_ShowsTheListFirstAndTheFiltersOnRequest()
    {
        await using var session = await site.OpenSignedInSharedAsync([Roles.Admin], Phone);
        var page = session.Page;
        await page.GotoAsync("/admin/accounts");

        var search = page.GetByLabel("Search by name, username or e-mail");
        await Expect(search).ToBeHiddenAsync();
        var firstRow = await page.Locator("table.accounts tbody tr").First.BoundingBoxAsync();
        Assert.True(firstRow is not null && firstRow.Y < 844, $"The first account starts at {firstRow?.Y} px, below the first screen.");

        await page.Locator(".account-filter-disclosure > summary").ClickAsync();

        await Expect(search).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AccountsOnAPhone_FilterInUse_ShowsTheFiltersOpenWithTheirCount()
    {
        await using var session = await site.OpenSignedInSharedAsync([Roles.Admin], Phone);
        var page = session.Page;
        await page.GotoAsync("/admin/accounts?q=a&role=author");

        await Expect(page.Locator(".account-filter-disclosure > summary")).ToContainTextAsync("(2)");
        await Expect(page.GetByLabel("Search by name, username or e-mail")).ToHaveValueAsync("a");
        await Expect(page.GetByLabel("Search by name, username or e-mail")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AccountsOnADesktop_ShowsTheFiltersWithoutAButton()
    {
        await using var session = await site.OpenSignedInSharedAsync([Roles.Admin], new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = session.Page;
        await page.GotoAsync("/admin/accounts");

        await Expect(page.GetByLabel("Search by name, username or e-mail")).ToBeVisibleAsync();
        await Expect(page.Locator(".account-filter-disclosure > summary")).ToBeHiddenAsync();
    }
}
