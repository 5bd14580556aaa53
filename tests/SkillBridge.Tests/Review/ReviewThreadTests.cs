using System.Net;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Notifications;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Review;

/// <summary>The review comments are a conversation: authors answer a request for changes and curators answer back.</summary>
public sealed class ReviewThreadTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    [Fact]
    public async Task Replies_FromAuthorAndCurator_ShowInOrderWithNamesOnBothPages()
    {
        var author = await factory.AuthorAsync();
        var slug = await factory.DraftAsync(author);
        await author.SubmitAsync(slug);
        var curator = await factory.CuratorAsync();
        await curator.DecideAsync(slug, "RequestChanges", ("Comment", "Add a screenshot of the pin icon."));

        using var authorReply = await author.ReplyAsync($"/authoring/{slug}", "Which screen: desktop or web?");
        using var curatorReply = await curator.ReplyAsync($"/review/{slug}", "The desktop app, please.");

        Assert.Equal($"/authoring/{slug}#review-thread", authorReply.Headers.Location!.OriginalString);
        Assert.Equal($"/review/{slug}#review-thread", curatorReply.Headers.Location!.OriginalString);
        foreach (var page in new[] { await author.Client.GetPageAsync($"/authoring/{slug}"), await curator.Client.GetPageAsync($"/review/{slug}") })
        {
            var comments = page.QuerySelectorAll("#review-thread .review-comment").ToList();
            Assert.Equal(["Add a screenshot of the pin icon.", "Which screen: desktop or web?", "The desktop app, please."], comments.Select(c => c.QuerySelector(".review-comment-text")!.TextContent).ToArray());
            Assert.StartsWith($"{curator.Username} asked for changes, ", comments[0].QuerySelector(".review-comment-meta")!.TextContent, StringComparison.Ordinal);
            Assert.StartsWith($"{author.Username} replied, ", comments[1].QuerySelector(".review-comment-meta")!.TextContent, StringComparison.Ordinal);
            Assert.NotNull(comments[2].QuerySelector("time[datetime]"));
        }
    }

    [Fact]
    public async Task Reply_Empty_SaysWhatToDoNextToTheFieldAndStoresNothing()
    {
        var author = await factory.AuthorAsync();
        var slug = await factory.DraftAsync(author);
        await author.SubmitAsync(slug);
        var curator = await factory.CuratorAsync();
        await curator.DecideAsync(slug, "RequestChanges", ("Comment", "Shorter, please."));

        using var response = await author.ReplyAsync($"/authoring/{slug}", "   ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Write your reply.", page.Text("[data-valmsg-for='Reply']"));
        Assert.Equal(1, await ReviewFlow.WithDbAsync(factory, db => db.ReviewComments.CountAsync(c => c.Module.Slug == slug)));
    }

    [Fact]
    public async Task Reply_ByAnAuthorOfAnotherModule_IsForbidden()
    {
        var author = await factory.AuthorAsync();
        var slug = await factory.DraftAsync(author);
        var stranger = await factory.AuthorAsync();
        var ownPage = await stranger.Client.GetPageAsync($"/authoring/{await factory.DraftAsync(stranger)}/reply");
        var form = ReviewFlow.Form(ownPage, "/reply");
        form.SetAttribute("action", $"/authoring/{slug}/reply");

        using var response = await stranger.Client.SubmitAsync(form, [new("Reply", "Let me in.")]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Reply_ReachesTheOtherSideAndOpeningThePageClearsIt()
    {
        var author = await factory.AuthorAsync();
        var slug = await factory.DraftAsync(author);
        await author.SubmitAsync(slug);
        var curator = await factory.CuratorAsync();
        await curator.DecideAsync(slug, "RequestChanges", ("Comment", "Add a summary."));

        (await author.ReplyAsync($"/authoring/{slug}", "Done, see step 1.")).Dispose();
        var toCurator = (await factory.NotificationsAsync(curator.UserId)).Single(n => n.Link == WorkflowNotifications.ReviewLink(slug) && n.Text.Contains("replied", StringComparison.Ordinal));
        Assert.Null(toCurator.ReadAt);
        await curator.Client.GetPageAsync($"/review/{slug}");

        Assert.NotNull((await factory.NotificationsAsync(curator.UserId)).Single(n => n.Id == toCurator.Id).ReadAt);
        Assert.Equal($"{author.Username} replied about “{await TitleAsync(slug)}”.", toCurator.Text);
    }

    private Task<string> TitleAsync(string slug) =>
        ReviewFlow.WithDbAsync(factory, db => db.ModuleDrafts.Where(d => d.Module.Slug == slug).Select(d => d.Title).SingleAsync());
}
