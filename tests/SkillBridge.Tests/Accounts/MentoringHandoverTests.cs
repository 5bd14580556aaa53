using System.Net;
using AngleSharp.Html.Dom;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Mentoring;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Mentoring;

namespace SkillBridge.Tests.Accounts;

/// <summary>A curator hands Priya Shah's modules over: her open mentoring requests go with them; booked sessions stay hers.</summary>
public sealed class MentoringHandoverTests(MentoringSite site) : IClassFixture<MentoringSite>
{
    [Fact]
    public async Task Transfer_MovesOpenRequestsToTheNewAuthorTellsBothAndLeavesBookedSessions()
    {
        var successor = Infrastructure.Accounts.UniqueName("successor");
        var successorAccount = await site.Factory.CreateAccountAsync(successor, Roles.Author);
        var (learnerAccount, learner) = await site.LearnerAsync();
        var open = await site.AskAsync(learner);
        var (_, other) = await site.LearnerAsync();
        var proposed = await site.AskAsync(other);
        (await MentoringSite.ActAsync(site.AuthorClient, proposed, "Propose", ("Times.First", site.LocalInput(TimeSpan.FromDays(5), "Europe/Berlin")))).Dispose();
        var booked = await site.AskAsync(other);
        (await MentoringSite.AcceptFirstAsync(site.AuthorClient, booked)).Dispose();
        using var curator = await site.Factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("curator"), Roles.Curator);

        var page = await curator.GetPageAsync($"/people/{MentoringSite.Author}/transfer");
        using var response = await curator.SubmitAsync((IHtmlFormElement)page.QuerySelector("main form.account-form")!, [new("To", successor)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Also handed over: 2 open mentoring requests moved to {successor}.", HtmlPages.Parse(await response.Content.ReadAsStringAsync()).Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(successorAccount.Id, (await site.RequestAsync(open)).AuthorId);
        Assert.Contains(await site.NotificationsAsync(learnerAccount.Id), n => n.Link == $"/mentoring/{open}" && n.Text.Contains($"{successor} now looks after", StringComparison.Ordinal));
        Assert.Equal(2, (await site.NotificationsAsync(successorAccount.Id)).Count(n => n.Text.Contains("the request is yours to answer", StringComparison.Ordinal)));

        // Priya's other times no longer stand: the learner's times are on offer again and it is the new author's turn.
        var moved = await site.RequestAsync(proposed);
        Assert.Equal(successorAccount.Id, moved.AuthorId);
        Assert.Equal(MentoringState.Requested, moved.State);
        Assert.All(moved.ProposedTimes.Where(t => t.Round == moved.Round), t => Assert.Equal(MentoringParty.Learner, t.ProposedBy));
        using var successorClient = site.Factory.CreateBrowser();
        await successorClient.SignInAsync(successor);
        var request = await successorClient.GetPageAsync($"/mentoring/{proposed}");
        Assert.NotNull(request.QuerySelector("form[action$='handler=Accept']"));

        var session = await site.RequestAsync(booked);
        Assert.Equal(site.AuthorAccount.Id, session.AuthorId);
        Assert.Equal(MentoringState.Accepted, session.State);
    }
}
