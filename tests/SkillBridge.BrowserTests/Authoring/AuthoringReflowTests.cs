using Microsoft.Playwright;
using SkillBridge.BrowserTests.Infrastructure;
using SkillBridge.Core.Accounts;

namespace SkillBridge.BrowserTests.Authoring;

/// <summary>WCAG 1.4.10 Reflow for the authoring pages: at 320 CSS pixels wide with 200% text nothing needs sideways scrolling.</summary>
[Collection(SecondSiteInBrowser.Name)]
public sealed class AuthoringReflowTests(BrowserFixture site)
{
    [Fact]
    public async Task Editor_At320PixelsWithText200Percent_DoesNotScrollSideways()
    {
        await using var session = await NarrowCuratorAsync();
        await session.Page.GotoAsync("/authoring/share-your-screen");
        await Assertions.Expect(session.Page.Locator("#draft-preview .quiz").First).ToBeVisibleAsync();

        await AssertReflowsAsync(session.Page);

        await session.Page.GotoAsync("/authoring/share-your-screen/preview/steps/1");
        await Assertions.Expect(session.Page.Locator("#draft-preview-banner")).ToBeVisibleAsync();
        await AssertReflowsAsync(session.Page);
    }

    [Theory]
    [InlineData("normal.standard")]
    [InlineData("normal.high")]
    public async Task ReviewPageWithMarkedChangesAndTheQueue_At320PixelsWithText200Percent_DoesNotScrollSideways(string display)
    {
        var author = await site.CreateAccountAsync(BrowserFixture.UniqueName("author"), Roles.Author);
        var slug = await Drafts.CreateResubmittedAsync(site, author, "Narrow review " + Guid.NewGuid().ToString("N")[..6]);
        try
        {
            await using var session = await site.OpenSignedInAsync(
                BrowserFixture.UniqueName("curator"), [Roles.Curator], new BrowserNewContextOptions { ViewportSize = Overflow.Narrow, BypassCSP = true }, BrowserFixture.DisplayCookie(display));
            await session.Page.GotoAsync($"/review/{slug}");
            await Assertions.Expect(session.Page.Locator("#changed-details")).ToBeVisibleAsync();
            await session.Page.Locator("#source-changes summary").ClickAsync();
            await Assertions.Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "Publish now" })).ToBeVisibleAsync();

            await AssertReflowsAsync(session.Page);

            // The queue the review page is reached from: on a phone its rows stack rather than scroll.
            await session.Page.GotoAsync("/review");
            await Assertions.Expect(session.Page.Locator("#review-queue")).ToContainTextAsync("Narrow review");
            await AssertReflowsAsync(session.Page);
        }
        finally
        {
            await Drafts.ArchiveAsync(site, slug);
        }
    }

    [Fact]
    public async Task AuthorsDashboard_At320PixelsWithText200Percent_DoesNotScrollSideways()
    {
        var author = BrowserFixture.UniqueName("author");
        await using var session = await site.OpenSignedInAsync(author, [Roles.Author], new BrowserNewContextOptions { ViewportSize = Overflow.Narrow, BypassCSP = true });
        var slug = await Drafts.CreatePublishedAsync(site, author, "A module with a rather long title about sharing one window " + Guid.NewGuid().ToString("N")[..6]);
        await Drafts.CreateAsync(site, author, "Unpublished " + Guid.NewGuid().ToString("N")[..6]);
        try
        {
            await session.Page.GotoAsync("/authoring");
            await Assertions.Expect(session.Page.Locator($"#module-{slug} [data-figure=rating]")).ToHaveTextAsync("No ratings yet");

            await AssertReflowsAsync(session.Page);
        }
        finally
        {
            await Drafts.ArchiveAsync(site, slug);
        }
    }

    private Task<BrowserSession> NarrowCuratorAsync() =>
        site.OpenSignedInAsync(BrowserFixture.UniqueName("curator"), [Roles.Curator], new BrowserNewContextOptions { ViewportSize = Overflow.Narrow, BypassCSP = true });

    private static async Task AssertReflowsAsync(IPage page)
    {
        await page.AddStyleTagAsync(new() { Content = Overflow.Text200Percent });

        var overflow = await page.EvaluateAsync<string[]>(Overflow.Find);

        Assert.True(overflow.Length == 0, $"{page.Url} at 320 px with 200% text:{Environment.NewLine}{string.Join(Environment.NewLine, overflow)}");
    }
}
