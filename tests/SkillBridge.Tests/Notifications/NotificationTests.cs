using Microsoft.Extensions.DependencyInjection;
using System.Net;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Mentoring;

namespace SkillBridge.Tests.Notifications;

/// <summary>Each step of a mentoring exchange notifies the other person; the header counts what is unread.</summary>
public sealed class NotificationTests(MentoringSite site) : IClassFixture<MentoringSite>
{
    [Fact]
    public async Task EveryStep_NotifiesTheOtherPerson()
    {
        var (learnerAccount, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner, site.LocalInput(TimeSpan.FromHours(1)), site.LocalInput(TimeSpan.FromDays(2)));
        (await MentoringSite.ActAsync(site.AuthorClient, id, "Propose", ("Times.First", site.LocalInput(TimeSpan.FromHours(2), "Europe/Berlin")))).Dispose();
        (await MentoringSite.ActAsync(learner, id, "Propose", ("Times.First", site.LocalInput(TimeSpan.FromHours(3))))).Dispose();
        (await MentoringSite.AcceptFirstAsync(site.AuthorClient, id)).Dispose();
        site.Clock.Advance(TimeSpan.FromHours(4));
        (await MentoringSite.ActAsync(learner, id, "Held")).Dispose();
        (await MentoringSite.ActAsync(site.AuthorClient, id, "Feedback", ("Feedback", "Good session."))).Dispose();

        var toAuthor = (await site.NotificationsAsync(site.AuthorAccount.Id)).Where(n => n.Link == $"/mentoring/{id}").Select(n => n.Text).ToList();
        var toLearner = (await site.NotificationsAsync(learnerAccount.Id)).Select(n => n.Text).ToList();
        Assert.Collection(
            toAuthor,
            t => Assert.Contains("asked you for a follow-up session", t, StringComparison.Ordinal),
            t => Assert.Contains("proposed other times", t, StringComparison.Ordinal),
            t => Assert.Contains("marked the session", t, StringComparison.Ordinal));
        Assert.Collection(
            toLearner,
            t => Assert.Contains("proposed other times", t, StringComparison.Ordinal),
            t => Assert.Contains("accepted a follow-up session", t, StringComparison.Ordinal),
            t => Assert.Contains("left feedback", t, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Header_ShowsTheUnreadCount_OpeningOneMarksItRead()
    {
        var (_, learner) = await site.LearnerAsync();
        var before = await learner.GetPageAsync("/");
        Assert.Equal("Notifications", before.Text("#notifications-link"));

        var id = await site.AskAsync(learner);
        (await MentoringSite.ActAsync(site.AuthorClient, id, "Propose", ("Times.First", site.LocalInput(TimeSpan.FromDays(5), "Europe/Berlin")))).Dispose();
        (await MentoringSite.ActAsync(site.AuthorClient, id, "Decline", ("Note", "Sorry, not after all."))).Dispose();

        var page = await learner.GetPageAsync("/");
        Assert.Equal("Notifications, 2 unread", page.Text("#notifications-link"));
        var list = await learner.GetPageAsync("/notifications");
        var links = list.QuerySelectorAll(".notification-list a").ToList();
        Assert.Equal(2, links.Count);
        Assert.Contains("declined", links[0].TextContent, StringComparison.Ordinal);

        using var opened = await learner.GetAsync(links[0].GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/mentoring/{id}", opened.Headers.Location!.OriginalString);
        Assert.Equal("Notifications, 1 unread", (await learner.GetPageAsync("/")).Text("#notifications-link"));
    }

    [Fact]
    public async Task OpeningTheRequestItself_ClearsItsNotifications_AndNoOthers()
    {
        var (learnerAccount, learner) = await site.LearnerAsync();
        var first = await site.AskAsync(learner);
        var second = await site.AskAsync(learner);
        (await MentoringSite.ActAsync(site.AuthorClient, first, "Propose", ("Times.First", site.LocalInput(TimeSpan.FromDays(5), "Europe/Berlin")))).Dispose();
        (await MentoringSite.ActAsync(site.AuthorClient, first, "Decline", ("Note", "Sorry, not after all."))).Dispose();
        (await MentoringSite.ActAsync(site.AuthorClient, second, "Decline", ("Note", "Not this month."))).Dispose();
        Assert.Equal("Notifications, 3 unread", (await learner.GetPageAsync("/")).Text("#notifications-link"));

        var request = await learner.GetPageAsync($"/mentoring/{first}");

        Assert.Equal("Notifications, 1 unread", request.Text("#notifications-link"));
        var unread = (await site.NotificationsAsync(learnerAccount.Id)).Where(n => n.ReadAt is null).Select(n => n.Link).ToList();
        Assert.Equal([$"/mentoring/{second}"], unread);
    }

    [Fact]
    public async Task List_LongerThanAPage_PagesNewestFirstWithOlderAndNewerLinks()
    {
        var (learnerAccount, learner) = await site.LearnerAsync();
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Core.Data.SkillBridgeDbContext>();
            for (var i = 1; i <= Core.Notifications.NotificationService.PageSize + 5; i++)
            {
                db.Notifications.Add(new Core.Notifications.Notification { UserId = learnerAccount.Id, Text = $"Reminder number {i}", Link = "/learning", CreatedAt = TestSupport.TestSite.Now.UtcDateTime.AddMinutes(i) });
            }

            await db.SaveChangesAsync();
        }

        var newest = await learner.GetPageAsync("/notifications");
        var older = await learner.GetPageAsync(newest.QuerySelector("a[rel=next]")!.GetAttribute("href")!);

        Assert.Equal(Core.Notifications.NotificationService.PageSize, newest.QuerySelectorAll(".notification-list li").Length);
        Assert.Contains("Reminder number 30", newest.QuerySelector(".notification-list li")!.TextContent, StringComparison.Ordinal);
        Assert.Null(newest.QuerySelector("a[rel=prev]"));
        Assert.Equal(5, older.QuerySelectorAll(".notification-list li").Length);
        Assert.Contains("Reminder number 1", older.QuerySelectorAll(".notification-list li")[^1].TextContent, StringComparison.Ordinal);
        Assert.Equal("/notifications", older.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(older.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task MarkAllAsRead_ClearsTheCount()
    {
        var (_, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);
        (await MentoringSite.ActAsync(site.AuthorClient, id, "Decline", ("Note", "Not this month."))).Dispose();
        var list = await learner.GetPageAsync("/notifications");

        using var response = await learner.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)list.QuerySelector("form[action$='handler=MarkAllRead']")!, []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Notifications", (await learner.GetPageAsync("/")).Text("#notifications-link"));
        Assert.All(await site.NotificationsAsync((await site.RequestAsync(id)).LearnerId!), n => Assert.NotNull(n.ReadAt));
    }

    [Fact]
    public async Task OpeningSomeoneElsesNotification_IsNotFoundAndLeavesItUnread()
    {
        var (learnerAccount, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);
        (await MentoringSite.ActAsync(site.AuthorClient, id, "Decline", ("Note", "No time."))).Dispose();
        var notification = Assert.Single(await site.NotificationsAsync(learnerAccount.Id));
        var (_, stranger) = await site.LearnerAsync();

        using var response = await stranger.GetAsync($"/notifications/{notification.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(Assert.Single(await site.NotificationsAsync(learnerAccount.Id)).ReadAt);
    }
}
