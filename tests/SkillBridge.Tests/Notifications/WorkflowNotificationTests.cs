using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Notifications;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Progress;
using SkillBridge.Tests.Review;

namespace SkillBridge.Tests.Notifications;

/// <summary>Curators and authors hear about the publishing workflow in the site and by mail; opening the page clears it.</summary>
public sealed class WorkflowNotificationTests(WorkflowSite site) : IClassFixture<WorkflowSite>
{
    private SkillBridgeWebFactory Factory => site.Factory;

    [Fact]
    public async Task Submit_TellsEachCuratorInTheSiteAndByMail_AndOpeningTheReviewPageClearsIt()
    {
        var curator = await site.CuratorAsync();
        var author = await Factory.AuthorAsync();
        var slug = await Factory.DraftAsync(author);

        await author.SubmitAsync(slug);

        var told = (await Factory.NotificationsAsync(curator.UserId)).Single(n => n.Link == $"/review/{slug}");
        Assert.StartsWith($"{author.Username} submitted “Pin a chat", told.Text, StringComparison.Ordinal);
        var mail = Assert.Single(await site.MailToAsync(curator), m => m.Body.Contains($"/review/{slug}", StringComparison.Ordinal));
        Assert.StartsWith("Waiting for review: Pin a chat", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"{SkillBridgeWebFactory.TestSiteUrl}/review/{slug}", mail.Body, StringComparison.Ordinal);
        Assert.Empty(await Factory.NotificationsAsync(author.UserId));

        await curator.Client.GetPageAsync($"/review/{slug}");
        Assert.NotNull((await Factory.NotificationsAsync(curator.UserId)).Single(n => n.Id == told.Id).ReadAt);
    }

    [Fact]
    public async Task Publish_ByOneCurator_ClearsTheOtherCuratorsReviewRequest_AndTellsTheAuthor()
    {
        var (first, second) = (await site.CuratorAsync(), await site.CuratorAsync());
        var author = await Factory.AuthorAsync();
        var slug = await Factory.DraftAsync(author);
        await author.SubmitAsync(slug);

        await first.DecideAsync(slug, "Publish");

        Assert.NotNull((await Factory.NotificationsAsync(second.UserId)).Single(n => n.Link == $"/review/{slug}").ReadAt);
        var told = (await Factory.NotificationsAsync(author.UserId)).Single();
        Assert.Equal($"/modules/{slug}", told.Link);
        Assert.EndsWith("is published: learners can take it now.", told.Text, StringComparison.Ordinal);
        Assert.Contains(await site.MailToAsync(author), m => m.Subject.StartsWith("Published: Pin a chat", StringComparison.Ordinal));
        Assert.Equal("Notifications, 1 unread", (await author.Client.GetPageAsync("/")).Text("#notifications-link"));
        Assert.Equal("Notifications", (await author.Client.GetPageAsync($"/modules/{slug}")).Text("#notifications-link"));
    }

    [Fact]
    public async Task RequestChanges_TellsTheAuthorsWithTheComment_AndOpeningTheEditorClearsIt()
    {
        var curator = await site.CuratorAsync();
        var author = await Factory.AuthorAsync();
        var slug = await Factory.DraftAsync(author);
        await author.SubmitAsync(slug);

        await curator.DecideAsync(slug, "RequestChanges", ("Comment", "Add a screenshot of the pin icon."));

        var told = (await Factory.NotificationsAsync(author.UserId)).Single();
        Assert.Equal($"/authoring/{slug}", told.Link);
        Assert.StartsWith($"{curator.Username} asked for changes to “Pin a chat", told.Text, StringComparison.Ordinal);
        var mail = Assert.Single(await site.MailToAsync(author));
        Assert.Contains("Add a screenshot of the pin icon.", mail.Body, StringComparison.Ordinal);
        await author.Client.GetPageAsync($"/authoring/{slug}");
        Assert.NotNull((await Factory.NotificationsAsync(author.UserId)).Single().ReadAt);
    }

    [Fact]
    public async Task Schedule_TellsTheAuthorsWhenInTheirTimeZone()
    {
        var curator = await site.CuratorAsync();
        var author = await Factory.AuthorAsync();
        await ReviewFlow.WithDbAsync(Factory, db => db.Users.Where(u => u.Id == author.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZoneId, "Asia/Tokyo")));
        var slug = await Factory.DraftAsync(author);
        await author.SubmitAsync(slug);

        await curator.DecideAsync(slug, "Schedule", ("PublishAt", "2031-07-01T09:30"));

        var told = (await Factory.NotificationsAsync(author.UserId)).Single();
        Assert.Equal($"/authoring/{slug}", told.Link);
        Assert.EndsWith("is scheduled to be published on 1 July 2031, 17:30 (Asia/Tokyo).", told.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RateAndFlag_TellTheAuthors_NamingTheLearnerOnlyIfTheyLetAuthorsSee(bool sharing)
    {
        var (author, slug) = await PublishedAsync();
        var learner = await Factory.PersonAsync("learner");
        await ReviewFlow.WithDbAsync(Factory, db => db.Users.Where(u => u.Id == learner.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.SharesProgressWithAuthors, sharing)));

        await FlagAsync(learner, slug, 2, "Which menu?");
        await learner.Client.CompleteAsync(slug);
        await RateAsync(learner, slug, "4", "Useful.");

        var told = await Factory.NotificationsAsync(author.UserId);
        var who = sharing ? learner.Username : "A learner";
        Assert.Contains(told, n => n.Text == $"{who} got stuck on step 2 (“Pin it”) of “{Title(told)}”." && n.Link == $"/modules/{slug}/feedback");
        Assert.Contains(told, n => n.Text == $"{who} rated “{Title(told)}” 4 out of 5." && n.Link == $"/modules/{slug}/feedback");
        var mail = (await site.MailToAsync(author)).Where(m => m.Body.Contains($"/modules/{slug}/feedback", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, mail.Count);
        Assert.Contains(mail, m => m.Body.Contains("Which menu?", StringComparison.Ordinal));
        Assert.Equal(sharing, told.Select(n => n.Text).Concat(mail.Select(m => m.Body)).Any(text => text.Contains(learner.Username, StringComparison.Ordinal)));
        await author.Client.GetPageAsync($"/modules/{slug}/feedback");
        Assert.All((await Factory.NotificationsAsync(author.UserId)).Where(n => n.Link.EndsWith("/feedback", StringComparison.Ordinal)), n => Assert.NotNull(n.ReadAt));
    }

    private static string Title(List<Notification> told) =>
        told.First(n => n.Link.StartsWith("/modules/", StringComparison.Ordinal) && n.Text.StartsWith('“')).Text.Split('“', '”')[1];

    private async Task<(Reviewer Author, string Slug)> PublishedAsync()
    {
        var curator = await site.CuratorAsync();
        var author = await Factory.AuthorAsync();
        var slug = await Factory.DraftAsync(author);
        await author.SubmitAsync(slug);
        await curator.DecideAsync(slug, "Publish");
        return (author, slug);
    }

    private static async Task FlagAsync(Reviewer learner, string slug, int step, string note)
    {
        var page = await learner.Client.GetPageAsync($"/modules/{slug}/steps/{step}");
        using var response = await learner.Client.SubmitAsync((IHtmlFormElement)page.QuerySelector("#stuck form")!, [new("note", note)]);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"flagging answered {response.StatusCode}");
    }

    private static async Task RateAsync(Reviewer learner, string slug, string stars, string comment)
    {
        var finish = await learner.Client.GetPageAsync($"/modules/{slug}/finish");
        using var response = await learner.Client.SubmitAsync((IHtmlFormElement)finish.QuerySelector("#rating form")!, [new("stars", stars), new("comment", comment)]);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"rating answered {response.StatusCode}");
    }
}
