using SkillBridge.Core.Accounts;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Mentoring;

/// <summary>Profiles count sessions given and received; who a session was with shows only to its two people and admins.</summary>
public sealed class ProfileSessionTests(MentoringSite site) : IClassFixture<MentoringSite>
{
    [Fact]
    public async Task Profile_AfterAHeldSession_CountsItForBothAndNamesThePartnerOnlyToThoseWhoMaySee()
    {
        var (learnerAccount, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner, site.LocalInput(TimeSpan.FromHours(1)));
        (await MentoringSite.AcceptFirstAsync(site.AuthorClient, id)).Dispose();
        site.Clock.Advance(TimeSpan.FromHours(2));
        (await MentoringSite.ActAsync(learner, id, "Held")).Dispose();
        var (_, stranger) = await site.LearnerAsync();
        var (_, admin) = await site.AccountAsync(Infrastructure.Accounts.UniqueName("admin"), "Europe/London", Roles.Admin);
        using var anonymous = site.Factory.CreateBrowser();

        var authorAsSeenByLearner = await learner.GetPageAsync("/people/priya.shah");
        var learnerAsSeenByAuthor = await site.AuthorClient.GetPageAsync($"/people/{learnerAccount.UserName}");
        var authorAsSeenByStranger = await stranger.GetPageAsync("/people/priya.shah");
        var authorAsSeenByAnonymous = await anonymous.GetPageAsync("/people/priya.shah");
        var authorAsSeenByAdmin = await admin.GetPageAsync("/people/priya.shah");

        Assert.Equal("Sessions given: 1, received: 0", authorAsSeenByLearner.Text("#session-counts"));
        Assert.Equal("Sessions given: 0, received: 1", learnerAsSeenByAuthor.Text("#session-counts"));
        Assert.Equal("Share one window in a video call, with " + learnerAccount.UserName, authorAsSeenByLearner.Text("#sessions-given li"));
        Assert.Equal("Share one window in a video call, with Priya Shah", learnerAsSeenByAuthor.Text("#sessions-received li"));
        Assert.Equal("Share one window in a video call, with " + learnerAccount.UserName, authorAsSeenByAdmin.Text("#sessions-given li"));
        foreach (var page in new[] { authorAsSeenByStranger, authorAsSeenByAnonymous })
        {
            Assert.Equal("Sessions given: 1, received: 0", page.Text("#session-counts"));
            Assert.Equal("Share one window in a video call", page.Text("#sessions-given li"));
            Assert.DoesNotContain(learnerAccount.UserName!, page.Body!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Profile_RequestsThatWereNotHeld_AreNotCounted()
    {
        var (learnerAccount, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);
        (await MentoringSite.AcceptFirstAsync(site.AuthorClient, id)).Dispose();
        (await MentoringSite.ActAsync(learner, id, "Cancel")).Dispose();

        var page = await learner.GetPageAsync($"/people/{learnerAccount.UserName}");

        Assert.Equal("Sessions given: 0, received: 0", page.Text("#session-counts"));
    }
}
