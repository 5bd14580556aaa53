using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using SkillBridge.Core.Accounts;
using static Microsoft.Playwright.Assertions;

namespace SkillBridge.BrowserTests.Authoring;

[Collection(SecondSiteInBrowser.Name)]
public sealed class EditorTests(BrowserFixture site)
{
    // editor.js saves this long after the last change; the tests move the page's clock on by this much to send an autosave.
    private const int AutosaveDelay = 2000;

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
    public async Task Autosave_TypingWhileASaveIsOnItsWay_SaysNotSavedUntilThatTypingIsSaved()
    {
        var username = BrowserFixture.UniqueName("author");
        await site.CreateAccountAsync(username, Roles.Author);
        var slug = await Drafts.CreateAsync(site, username, "Typing during a save " + Guid.NewGuid().ToString("N")[..6]);
        await using var session = await site.OpenAsync();
        await BrowserFixture.SignInAsync(session.Page, username);
        var page = session.Page;
        // The page's clock moves only when the test moves it, and the first autosave is held until the test lets it go:
        // "a save is on its way while the author types" is then a state the test sets up, not a timing it hopes for.
        await page.Clock.InstallAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var autosaves = 0;
        await page.RouteAsync(new Regex("[?&]handler=Autosave"), async route =>
        {
            if (Interlocked.Increment(ref autosaves) == 1)
            {
                await release.Task;
            }

            await route.ContinueAsync();
        });
        try
        {
            await Editor.OpenAsync(page, slug);
            var version = page.Locator("input[name='Form.Version']");
            var status = Editor.AutosaveStatus(page);
            await Editor.Body(page).ClickAsync();
            await Editor.Body(page).PressAsync("Control+End");
            await Editor.Body(page).PressSequentiallyAsync("\nBefore the save.");
            await page.Clock.RunForAsync(AutosaveDelay);
            await Expect(status).ToHaveTextAsync("Saving…");
            var versionBefore = await version.InputValueAsync();
            await Editor.Body(page).PressSequentiallyAsync(" Typed while it was on its way.");

            release.SetResult();

            // The first save is back (it set the new version) but did not carry the later typing: that is not saved yet, and
            // a page closed now must still send it (the pagehide beacon goes only while the status says so).
            await Expect(version).Not.ToHaveValueAsync(versionBefore);
            await Expect(status).ToHaveTextAsync("Changes not saved yet…");
            await page.Clock.RunForAsync(AutosaveDelay);
            await Editor.WaitForAutosaveAsync(page);
        }
        finally
        {
            release.TrySetResult();
        }

        var reopened = await session.Context.NewPageAsync();
        await reopened.GotoAsync($"/authoring/{slug}");
        await Expect(Editor.Body(reopened)).ToHaveValueAsync(new Regex(@"Before the save\. Typed while it was on its way\.\s*$"));
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
