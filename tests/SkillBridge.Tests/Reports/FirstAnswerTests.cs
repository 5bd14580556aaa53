using SkillBridge.Tests.Mentoring;

namespace SkillBridge.Tests.Reports;

/// <summary>The time of the author's first answer to a mentoring request, which the mentoring report's median is made of.</summary>
public sealed class FirstAnswerTests(MentoringSite site) : IClassFixture<MentoringSite>
{
    [Fact]
    public async Task Decline_ByTheAuthor_RecordsWhenTheAuthorFirstAnswered()
    {
        var (_, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);
        site.Clock.Advance(TimeSpan.FromHours(2));

        (await MentoringSite.ActAsync(site.AuthorClient, id, "Decline", ("Note", "Away until January."))).Dispose();

        Assert.Equal(site.Clock.GetUtcNow().UtcDateTime, (await site.RequestAsync(id)).AuthorAnsweredAt);
    }

    [Fact]
    public async Task Withdraw_ByTheLearner_LeavesTheAuthorsAnswerEmpty()
    {
        var (_, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);

        (await MentoringSite.ActAsync(learner, id, "Withdraw")).Dispose();

        Assert.Null((await site.RequestAsync(id)).AuthorAnsweredAt);
    }
}
