using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using SkillBridge.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SkillBridge.BrowserTests.Authoring;

[Collection(SiteInBrowser.Name)]
public sealed class EditorTests(BrowserFixture site)
{
    [Fact]
    public async Task Autosave_PageClosedAfterAllChangesSaved_TypedTextIsThereWhenTheEditorOpensAgain()
    {
        var username = BrowserFixture.UniqueName("author");
        await site.CreateAccountAsync(username, Roles.Author);
        var slug = await Drafts.CreateAsync(site, username, "Autosave " + Guid.NewGuid().ToString("N")[..6]);
        await using var session = await site.OpenAsync();
        await BrowserFixture.SignInAsync(session.Page, username);
        var page = session.Page;
        await Editor.OpenAsync(page, slug);
        var typed = "Typed, never saved by hand " + Guid.NewGuid().ToString("N")[..6];

        await Editor.Body(page).ClickAsync();
        await Editor.Body(page).PressAsync("Control+End");
        await Editor.Body(page).PressSequentiallyAsync("\n" + typed);
        await Editor.WaitForAutosaveAsync(page);
        await page.CloseAsync();

        var reopened = await session.Context.NewPageAsync();
        await reopened.GotoAsync($"/authoring/{slug}");
        await Expect(Editor.Body(reopened)).ToHaveValueAsync(new Regex(Regex.Escape(typed) + @"\s*$"));
    }

    [Fact]
    public async Task SaveDraft_SomeoneElseSavedInBetween_ShowsBothVersionsAndKeepsTheTypedText()
    {
        var authorName = BrowserFixture.UniqueName("author");
        await site.CreateAccountAsync(authorName, Roles.Author);
        var slug = await Drafts.CreateAsync(site, authorName, "Two editors " + Guid.NewGuid().ToString("N")[..6]);
        await using var author = await site.OpenAsync();
        await BrowserFixture.SignInAsync(author.Page, authorName);
        await using var curator = await site.OpenSignedInAsync(BrowserFixture.UniqueName("curator"), [Roles.Curator]);
        await Editor.OpenAsync(author.Page, slug);
        await Editor.OpenAsync(curator.Page, slug);
        const string theirs = "## The curator's step\nThe curator rewrote this while the author was typing.";
        const string mine = "## The author's step\nThe author's own words, typed before saving.";

        await Editor.Body(curator.Page).FillAsync(theirs);
        await Editor.ClickAsync(curator.Page, "Save draft");
        await Expect(curator.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Draft saved." })).ToBeVisibleAsync();
        await Editor.Body(author.Page).FillAsync(mine);
        await Editor.ClickAsync(author.Page, "Save draft");

        var page = author.Page;
        await Expect(page.Locator("#conflict-heading")).ToBeVisibleAsync();
        await Expect(page.Locator(".their-body")).ToContainTextAsync("The curator rewrote this while the author was typing.");
        await Expect(Editor.Body(page)).ToHaveValueAsync(mine);
    }
}
