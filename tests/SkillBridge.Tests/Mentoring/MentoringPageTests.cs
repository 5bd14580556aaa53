using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Data;
using SkillBridge.Core.Mentoring;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Mentoring;

/// <summary>Asking, answering and the session itself, through the pages, as each person sees them.</summary>
public sealed class MentoringPageTests(MentoringSite site) : IClassFixture<MentoringSite>
{
    [Fact]
    public async Task ModulePage_AuthorWithAccount_OffersToAskAndAuthorWithout_SaysTheyHaveNotJoined()
    {
        var (_, learner) = await site.LearnerAsync();

        var page = await learner.GetPageAsync("/modules/share-your-screen");

        var ask = page.QuerySelectorAll(".ask-authors a").Single();
        Assert.Equal("Ask Priya Shah for a follow-up session", ask.TextContent.Trim());
        Assert.Equal("/modules/share-your-screen/ask/priya.shah", ask.GetAttribute("href"));
        Assert.Contains("Tom Okafor has not joined SkillBridge yet", page.Text(".ask-authors"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FinishScreen_OffersToAskTheAuthor()
    {
        var (_, learner) = await site.LearnerAsync();

        var page = await learner.GetPageAsync("/modules/share-your-screen/finish");

        Assert.Equal("Ask Priya Shah for a follow-up session", page.QuerySelector(".ask-authors a")!.TextContent.Trim());
    }

    [Fact]
    public async Task AskPage_TheAuthorThemselves_CannotAskThemselves()
    {
        var modulePage = await site.AuthorClient.GetPageAsync("/modules/share-your-screen");
        var askPage = await site.AuthorClient.GetPageAsync("/modules/share-your-screen/ask/priya.shah");

        Assert.Contains("You wrote this module.", modulePage.Text(".ask-authors"), StringComparison.Ordinal);
        Assert.Null(askPage.QuerySelector("form.mentoring-form"));
        Assert.Contains("cannot ask yourself", askPage.Text("#mentoring-unavailable"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskPage_AuthorWhoHasNotJoined_SaysSoWithoutAForm()
    {
        var (_, learner) = await site.LearnerAsync();

        var page = await learner.GetPageAsync("/modules/share-your-screen/ask/tom.okafor");

        Assert.Null(page.QuerySelector("form.mentoring-form"));
        Assert.Contains("Tom Okafor has not joined SkillBridge yet", page.Text("#mentoring-unavailable"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskPage_SomeoneWhoDidNotWriteTheModule_IsNotFound()
    {
        var (_, learner) = await site.LearnerAsync();

        using var response = await learner.GetAsync("/modules/share-your-screen/ask/daniel.nowak");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AskPage_NamesTheViewersTimeZone()
    {
        var (_, learner) = await site.LearnerAsync();

        var page = await learner.GetPageAsync("/modules/share-your-screen/ask/priya.shah");

        Assert.Contains("America/New_York", page.Text("#times-hint"), StringComparison.Ordinal);
        Assert.Equal("Date", page.Text("label[for=Times_FirstDate]"));
        Assert.Equal("Time (24-hour, HH:mm)", page.Text("label[for=Times_FirstTime]"));
    }

    [Fact]
    public async Task Ask_LearnerInNewYorkProposes0900_AuthorInBerlinSees1500()
    {
        var (learnerAccount, learner) = await site.LearnerAsync("America/New_York");

        var id = await site.AskAsync(learner, "2026-12-03T09:00");

        var stored = await site.RequestAsync(id);
        Assert.Equal(new DateTime(2026, 12, 3, 14, 0, 0, DateTimeKind.Utc), Assert.Single(stored.ProposedTimes).StartsAt);
        var authorPage = await site.AuthorClient.GetPageAsync($"/mentoring/{id}");
        Assert.Equal($"Thu 3 Dec 2026, 15:00 Europe/Berlin — 09:00 for {learnerAccount.UserName} in America/New_York", authorPage.Text(".proposed-time"));
        var learnerPage = await learner.GetPageAsync($"/mentoring/{id}");
        Assert.Equal("Thu 3 Dec 2026, 09:00 America/New_York — 15:00 for Priya in Europe/Berlin", learnerPage.Text(".proposed-time"));
    }

    [Fact]
    public async Task Ask_TimeSkippedByTheClockChange_IsRefusedAndNothingIsStored()
    {
        var (learnerAccount, learner) = await site.LearnerAsync("America/New_York");

        using var response = await MentoringSite.SubmitAskAsync(learner, "Hello", 30, "2027-03-14T02:30");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("does not exist in America/New_York", page.Text("#times-error"), StringComparison.Ordinal);
        Assert.Equal(0, await CountRequestsAsync(learnerAccount.Id));
    }

    [Theory]
    [InlineData("past", "Proposed times must be in the future.")]
    [InlineData("same twice", "Each proposed time must be different.")]
    [InlineData("over a year ahead", "Proposed times must be within a year from now.")]
    [InlineData("none", "Propose at least one time.")]
    public async Task Ask_InvalidTimes_AreRefusedWithAMessageAndNothingIsStored(string kind, string message)
    {
        var (learnerAccount, learner) = await site.LearnerAsync();
        string[] times = kind switch
        {
            "past" => [site.LocalInput(-TimeSpan.FromHours(2))],
            "same twice" => [site.LocalInput(TimeSpan.FromDays(2)), site.LocalInput(TimeSpan.FromDays(2))],
            "over a year ahead" => [site.LocalInput(TimeSpan.FromDays(400))],
            _ => [],
        };

        using var response = await MentoringSite.SubmitAskAsync(learner, "Hello", 30, times);

        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith(message, page.Text("#times-error"), StringComparison.Ordinal);
        Assert.Equal(0, await CountRequestsAsync(learnerAccount.Id));
    }

    [Fact]
    public async Task Ask_WithoutAMessage_IsRefusedAndNothingIsStored()
    {
        var (learnerAccount, learner) = await site.LearnerAsync();

        using var response = await MentoringSite.SubmitAskAsync(learner, "   ", 30, site.LocalInput(TimeSpan.FromDays(2)));

        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("Write a message", page.Text("#message-error"), StringComparison.Ordinal);
        Assert.Equal(0, await CountRequestsAsync(learnerAccount.Id));
    }

    [Fact]
    public async Task Ask_Valid_ListsTheRequestInBothInboxes()
    {
        var (learnerAccount, learner) = await site.LearnerAsync();

        var id = await site.AskAsync(learner);

        var mine = await learner.GetPageAsync("/mentoring");
        Assert.Contains(mine.QuerySelectorAll("#yours a"), a => a.GetAttribute("href") == $"/mentoring/{id}");
        var theirs = await site.AuthorClient.GetPageAsync("/mentoring");
        var entry = theirs.QuerySelectorAll("#to-you li").Single(li => li.QuerySelector("a")!.GetAttribute("href") == $"/mentoring/{id}");
        Assert.Contains($"From {learnerAccount.UserName}", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("Waiting for you to answer", entry.TextContent, StringComparison.Ordinal);
        var stored = await site.RequestAsync(id);
        Assert.Equal(45, stored.DurationMinutes);
        Assert.Equal(MentoringState.Requested, stored.State);
        Assert.Equal(2, stored.ProposedTimes.Count);
    }

    [Fact]
    public async Task State_WhileTheAuthorIsToAnswer_ReadsAsTheirTurnForTheAuthorAndWaitingForTheLearner()
    {
        var (_, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);

        var authorPage = await site.AuthorClient.GetPageAsync($"/mentoring/{id}");
        var learnerPage = await learner.GetPageAsync($"/mentoring/{id}");
        var authorInbox = await site.AuthorClient.GetPageAsync("/mentoring");
        var learnerInbox = await learner.GetPageAsync("/mentoring");

        Assert.Equal("Waiting for you to answer", authorPage.Text("#mentoring-state"));
        Assert.Equal("Waiting for the author", learnerPage.Text("#mentoring-state"));
        Assert.Equal("Waiting for you to answer", InboxBadge(authorInbox, "#to-you", id));
        Assert.Equal("Waiting for the author", InboxBadge(learnerInbox, "#yours", id));
    }

    [Fact]
    public async Task State_AfterTheAuthorProposedOtherTimes_ReadsAsTheLearnersTurnForTheLearner()
    {
        var (_, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);
        using var proposed = await MentoringSite.ActAsync(site.AuthorClient, id, "Propose", ("Times.First", site.LocalInput(TimeSpan.FromDays(6), "Europe/Berlin")));
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);

        var authorPage = await site.AuthorClient.GetPageAsync($"/mentoring/{id}");
        var learnerPage = await learner.GetPageAsync($"/mentoring/{id}");
        var learnerInbox = await learner.GetPageAsync("/mentoring");

        Assert.Equal("Other times proposed: waiting for the learner", authorPage.Text("#mentoring-state"));
        Assert.Equal("Other times proposed: waiting for you to answer", learnerPage.Text("#mentoring-state"));
        Assert.Equal("Other times proposed: waiting for you to answer", InboxBadge(learnerInbox, "#yours", id));
    }

    [Fact]
    public async Task Accept_ByTheAuthor_BooksTheSessionAndBothCanDownloadTheInvitation()
    {
        var (learnerAccount, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);

        using var accepted = await MentoringSite.AcceptFirstAsync(site.AuthorClient, id);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var stored = await site.RequestAsync(id);
        Assert.Equal(MentoringState.Accepted, stored.State);
        Assert.Equal(stored.ProposedTimes.Min(t => t.StartsAt), stored.StartsAt);
        Assert.Equal(stored.StartsAt!.Value.AddMinutes(45), stored.EndsAt);
        var page = await learner.GetPageAsync($"/mentoring/{id}");
        Assert.Equal("Session booked", page.Text("#mentoring-state"));
        Assert.Equal("Download the calendar invitation (.ics)", page.Text("#download-invitation"));
        foreach (var client in new[] { learner, site.AuthorClient })
        {
            using var download = await client.GetAsync($"/mentoring/{id}/invitation.ics");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("text/calendar; charset=utf-8", download.Content.Headers.ContentType!.ToString());
            Assert.Equal($"follow-up-session-{id}.ics", download.Content.Headers.ContentDisposition!.FileName);
            var ics = IcsReader.Read(await download.Content.ReadAsStringAsync());
            Assert.Equal("REQUEST", ics.Only("METHOD").Value);
            Assert.Equal(stored.CalendarUid, ics.Only("UID").Value);
            Assert.Equal("0", ics.Only("SEQUENCE").Value);
            Assert.Equal(SkillBridge.Core.Mentoring.CalendarInvitation.Instant(stored.StartsAt.Value), ics.Only("DTSTART").Value);
            Assert.Equal("mailto:priya.shah@test.example", ics.Only("ORGANIZER").Value);
            Assert.Equal($"mailto:{learnerAccount.Email}", ics.Only("ATTENDEE").Value);
            Assert.Equal("Follow-up session: Share one window in a video call", IcsReader.UnescapeText(ics.Only("SUMMARY").Value));
        }
    }

    [Fact]
    public async Task Cancel_AfterAcceptance_GivesTheCancellationWithTheSameUidAndAHigherSequence()
    {
        var (_, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);
        (await MentoringSite.AcceptFirstAsync(site.AuthorClient, id)).Dispose();
        var invitation = IcsReader.Read(await learner.GetStringAsync($"/mentoring/{id}/invitation.ics"));

        using var cancelled = await MentoringSite.ActAsync(learner, id, "Cancel", ("Note", "Something came up, sorry; next week?"));

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var cancellation = IcsReader.Read(await site.AuthorClient.GetStringAsync($"/mentoring/{id}/invitation.ics"));
        Assert.Equal("CANCEL", cancellation.Only("METHOD").Value);
        Assert.Equal("CANCELLED", cancellation.Only("STATUS").Value);
        Assert.Equal(invitation.Only("UID").Value, cancellation.Only("UID").Value);
        Assert.Equal("1", cancellation.Only("SEQUENCE").Value);
        var authorPage = await site.AuthorClient.GetPageAsync($"/mentoring/{id}");
        Assert.Equal("Cancelled", authorPage.Text("#mentoring-state"));
        Assert.Equal("Something came up, sorry; next week?", authorPage.Text("#cancel-heading + .their-message"));
        Assert.Equal("Download the calendar cancellation (.ics)", authorPage.Text("#download-invitation"));
    }

    [Fact]
    public async Task ProposeAndCounterPropose_TheOtherPersonAcceptsOneOfTheNewTimes()
    {
        var (_, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);
        var authorTime = site.LocalInput(TimeSpan.FromDays(6), "Europe/Berlin");

        using var proposed = await MentoringSite.ActAsync(site.AuthorClient, id, "Propose", ("Times.First", authorTime));

        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        Assert.Equal(MentoringState.AlternativesProposed, (await site.RequestAsync(id)).State);
        var learnerPage = await learner.GetPageAsync($"/mentoring/{id}");
        Assert.Equal("Times Priya proposed", learnerPage.Text("#times-heading"));
        Assert.Null(learnerPage.QuerySelector("form[action$='handler=Decline']"));

        using var counter = await MentoringSite.ActAsync(learner, id, "Propose", ("Times.First", site.LocalInput(TimeSpan.FromDays(8))), ("Times.Second", site.LocalInput(TimeSpan.FromDays(9))));
        Assert.Equal(HttpStatusCode.Redirect, counter.StatusCode);
        var afterCounter = await site.RequestAsync(id);
        Assert.Equal(MentoringState.Requested, afterCounter.State);
        Assert.Equal(3, afterCounter.Round);

        using var accepted = await MentoringSite.AcceptFirstAsync(site.AuthorClient, id);
        var stored = await site.RequestAsync(id);
        Assert.Equal(MentoringState.Accepted, stored.State);
        Assert.Equal(stored.ProposedTimes.Where(t => t.Round == 3).Min(t => t.StartsAt), stored.StartsAt);
    }

    [Fact]
    public async Task Decline_WithoutANote_IsRefused_WithANote_TellsTheLearner()
    {
        var (learnerAccount, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);

        using var refused = await MentoringSite.ActAsync(site.AuthorClient, id, "Decline", ("Note", " "));
        var refusedPage = HtmlPages.Parse(await refused.Content.ReadAsStringAsync());
        Assert.StartsWith("Add a short note", refusedPage.Text("#decline-error"), StringComparison.Ordinal);
        Assert.Equal(MentoringState.Requested, (await site.RequestAsync(id)).State);

        using var declined = await MentoringSite.ActAsync(site.AuthorClient, id, "Decline", ("Note", "Tom knows this far better; ask him."));
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var page = await learner.GetPageAsync($"/mentoring/{id}");
        Assert.Equal("Declined", page.Text("#mentoring-state"));
        Assert.Equal("Tom knows this far better; ask him.", page.Text("#decline-heading + .their-message"));
        Assert.Contains(await site.NotificationsAsync(learnerAccount.Id), n => n.Link == $"/mentoring/{id}" && n.Text.Contains("declined", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Withdraw_ByTheLearner_EndsTheRequestAndTellsTheAuthor()
    {
        var (_, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);

        using var withdrawn = await MentoringSite.ActAsync(learner, id, "Withdraw");

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(MentoringState.Withdrawn, (await site.RequestAsync(id)).State);
        Assert.Contains(await site.NotificationsAsync(site.AuthorAccount.Id), n => n.Link == $"/mentoring/{id}" && n.Text.Contains("withdrew", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MarkHeld_BeforeTheStart_IsRefused_AfterIt_EachGivesFeedbackOnce()
    {
        var (_, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner, site.LocalInput(TimeSpan.FromHours(2)));
        (await MentoringSite.AcceptFirstAsync(site.AuthorClient, id)).Dispose();
        var beforePage = await learner.GetPageAsync($"/mentoring/{id}");
        Assert.Null(beforePage.QuerySelector("form[action$='handler=Held']"));

        using var early = await MentoringSite.PostAsync(learner, id, "Held");
        Assert.Contains("has not started yet", HtmlPages.Parse(await early.Content.ReadAsStringAsync()).Text("#mentoring-error"), StringComparison.Ordinal);
        Assert.Equal(MentoringState.Accepted, (await site.RequestAsync(id)).State);

        site.Clock.Advance(TimeSpan.FromHours(3));
        using var held = await MentoringSite.ActAsync(site.AuthorClient, id, "Held");
        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        Assert.Equal(MentoringState.Held, (await site.RequestAsync(id)).State);

        (await MentoringSite.ActAsync(learner, id, "Feedback", ("Feedback", "Very useful, thank you."))).Dispose();
        (await MentoringSite.ActAsync(site.AuthorClient, id, "Feedback", ("Feedback", "Great questions."))).Dispose();
        using var again = await MentoringSite.PostAsync(learner, id, "Feedback", ("Feedback", "Once more"));

        Assert.Contains("already given feedback", HtmlPages.Parse(await again.Content.ReadAsStringAsync()).Text("#mentoring-error"), StringComparison.Ordinal);
        var stored = await site.RequestAsync(id);
        Assert.Equal(["Great questions.", "Very useful, thank you."], stored.Feedback.Select(f => f.Text).Order(StringComparer.Ordinal));
        var page = await learner.GetPageAsync($"/mentoring/{id}");
        Assert.Equal(2, page.QuerySelectorAll(".feedback-entry").Length);
        Assert.Null(page.QuerySelector("form[action$='handler=Feedback']"));
    }

    [Fact]
    public async Task AnotherUser_CannotSeeActOnOrDownloadARequest()
    {
        var (_, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);
        (await MentoringSite.AcceptFirstAsync(site.AuthorClient, id)).Dispose();
        var (_, stranger) = await site.LearnerAsync();

        using var page = await stranger.GetAsync($"/mentoring/{id}");
        using var cancel = await MentoringSite.PostAsync(stranger, id, "Cancel");
        using var download = await stranger.GetAsync($"/mentoring/{id}/invitation.ics");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Equal(MentoringState.Accepted, (await site.RequestAsync(id)).State);
    }

    [Fact]
    public async Task Admin_SeesTheRequestWithoutActions_IsRefusedActingAndCannotDownload()
    {
        var (_, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);
        var (_, admin) = await site.AccountAsync(Infrastructure.Accounts.UniqueName("admin"), "Europe/London", SkillBridge.Core.Accounts.Roles.Admin);

        var page = await admin.GetPageAsync($"/mentoring/{id}");
        using var accept = await MentoringSite.PostAsync(admin, id, "Decline", ("Note", "No."));
        using var download = await admin.GetAsync($"/mentoring/{id}/invitation.ics");

        Assert.Empty(page.QuerySelectorAll("main form"));
        Assert.Equal(HttpStatusCode.Forbidden, accept.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Equal(MentoringState.Requested, (await site.RequestAsync(id)).State);
    }

    [Fact]
    public async Task StaleAction_AfterTheOtherPersonWithdrew_SaysItChangedAndChangesNothing()
    {
        var (_, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);
        var openTab = await site.AuthorClient.GetPageAsync($"/mentoring/{id}");
        (await MentoringSite.ActAsync(learner, id, "Withdraw")).Dispose();

        var form = openTab.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form[action$='handler=Accept']")!;
        var chosen = form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=timeId]:checked")!;
        using var response = await site.AuthorClient.SubmitAsync(form, [new("timeId", chosen.Value)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("may have changed since you opened the page", page.Text("#mentoring-error"), StringComparison.Ordinal);
        Assert.Equal("Withdrawn", page.Text("#mentoring-state"));
        Assert.Equal(MentoringState.Withdrawn, (await site.RequestAsync(id)).State);
    }

    [Fact]
    public async Task Learner_AcceptingTheirOwnTime_IsRefused()
    {
        var (_, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);
        var timeId = (await site.RequestAsync(id)).ProposedTimes[0].Id;

        using var response = await MentoringSite.PostAsync(learner, id, "Accept", ("timeId", timeId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Contains("other person's turn", HtmlPages.Parse(await response.Content.ReadAsStringAsync()).Text("#mentoring-error"), StringComparison.Ordinal);
        Assert.Equal(MentoringState.Requested, (await site.RequestAsync(id)).State);
    }

    private async Task<int> CountRequestsAsync(string learnerId)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().MentoringRequests.CountAsync(r => r.LearnerId == learnerId);
    }

    private static string InboxBadge(IDocument inbox, string section, int id) =>
        inbox.QuerySelectorAll($"{section} li").Single(li => li.QuerySelector("a")!.GetAttribute("href") == $"/mentoring/{id}")
            .QuerySelector(".badge")!.TextContent.Trim();
}
