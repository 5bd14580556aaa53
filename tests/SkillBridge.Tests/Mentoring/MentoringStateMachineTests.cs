using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Mentoring;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Mentoring;

/// <summary>
/// Every action in every state, by the learner, the author, a third user and an admin, through the service (which
/// enforces the rules whatever page or endpoint calls it): what succeeds, and the named failure of what does not.
/// </summary>
public sealed class MentoringStateMachineTests(MentoringSite site) : IClassFixture<MentoringSite>
{
    public static TheoryData<MentoringState, string, string, MentoringFailure?> Cases()
    {
        var data = new TheoryData<MentoringState, string, string, MentoringFailure?>();
        void Add(MentoringState state, string action, string who, MentoringFailure? expected) => data.Add(state, action, who, expected);

        // Requested: the author answers; the learner may only withdraw.
        Add(MentoringState.Requested, "accept", "author", null);
        Add(MentoringState.Requested, "accept", "learner", MentoringFailure.NotAllowed);
        Add(MentoringState.Requested, "accept", "third", MentoringFailure.NotFound);
        Add(MentoringState.Requested, "accept", "admin", MentoringFailure.NotAllowed);
        Add(MentoringState.Requested, "propose", "author", null);
        Add(MentoringState.Requested, "propose", "learner", MentoringFailure.NotAllowed);
        Add(MentoringState.Requested, "decline", "author", null);
        Add(MentoringState.Requested, "decline", "learner", MentoringFailure.NotAllowed);
        Add(MentoringState.Requested, "decline", "third", MentoringFailure.NotFound);
        Add(MentoringState.Requested, "withdraw", "learner", null);
        Add(MentoringState.Requested, "withdraw", "author", MentoringFailure.NotAllowed);
        Add(MentoringState.Requested, "cancel", "learner", MentoringFailure.WrongState);
        Add(MentoringState.Requested, "held", "author", MentoringFailure.WrongState);
        Add(MentoringState.Requested, "feedback", "learner", MentoringFailure.WrongState);

        // Other times proposed: now the learner answers.
        Add(MentoringState.AlternativesProposed, "accept", "learner", null);
        Add(MentoringState.AlternativesProposed, "accept", "author", MentoringFailure.NotAllowed);
        Add(MentoringState.AlternativesProposed, "propose", "learner", null);
        Add(MentoringState.AlternativesProposed, "propose", "author", MentoringFailure.NotAllowed);
        Add(MentoringState.AlternativesProposed, "withdraw", "learner", null);
        Add(MentoringState.AlternativesProposed, "decline", "author", null);
        Add(MentoringState.AlternativesProposed, "accept", "admin", MentoringFailure.NotAllowed);

        // Accepted: either person cancels; nobody answers any more; held only after the start.
        Add(MentoringState.Accepted, "cancel", "learner", null);
        Add(MentoringState.Accepted, "cancel", "author", null);
        Add(MentoringState.Accepted, "cancel", "third", MentoringFailure.NotFound);
        Add(MentoringState.Accepted, "cancel", "admin", MentoringFailure.NotAllowed);
        Add(MentoringState.Accepted, "accept", "author", MentoringFailure.WrongState);
        Add(MentoringState.Accepted, "propose", "author", MentoringFailure.WrongState);
        Add(MentoringState.Accepted, "decline", "author", MentoringFailure.WrongState);
        Add(MentoringState.Accepted, "withdraw", "learner", MentoringFailure.WrongState);
        Add(MentoringState.Accepted, "held", "learner", MentoringFailure.WrongState);
        Add(MentoringState.Accepted, "feedback", "author", MentoringFailure.WrongState);

        // Declined, withdrawn and cancelled are final.
        foreach (var final in new[] { MentoringState.Declined, MentoringState.Withdrawn, MentoringState.Cancelled })
        {
            Add(final, "accept", "author", MentoringFailure.WrongState);
            Add(final, "cancel", "learner", MentoringFailure.WrongState);
            Add(final, "held", "author", MentoringFailure.WrongState);
        }

        // Held: each person gives feedback; nothing else.
        Add(MentoringState.Held, "feedback", "learner", null);
        Add(MentoringState.Held, "feedback", "author", null);
        Add(MentoringState.Held, "feedback", "third", MentoringFailure.NotFound);
        Add(MentoringState.Held, "feedback", "admin", MentoringFailure.NotAllowed);
        Add(MentoringState.Held, "cancel", "author", MentoringFailure.WrongState);
        Add(MentoringState.Held, "held", "learner", MentoringFailure.WrongState);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Action_InState_ByWhom_SucceedsOrFailsAsNamed(MentoringState state, string action, string who, MentoringFailure? expected)
    {
        var learner = await site.Factory.CreateAccountAsync(Infrastructure.Accounts.UniqueName("sm.learner"));
        var third = await site.Factory.CreateAccountAsync(Infrastructure.Accounts.UniqueName("sm.third"));
        var admin = await site.Factory.CreateAccountAsync(Infrastructure.Accounts.UniqueName("sm.admin"), Roles.Admin);
        var now = site.Clock.GetUtcNow().UtcDateTime;

        // Sessions that must be "held" start one minute from now; the clock is not moved, so other tests are unaffected.
        var start = state == MentoringState.Held ? now.AddMinutes(1) : now.AddDays(2);
        var id = await ReachAsync(state, learner.Id, start);
        var actor = who switch
        {
            "learner" => Actor(learner.Id),
            "author" => Actor(site.AuthorAccount.Id),
            "third" => Actor(third.Id),
            _ => Actor(admin.Id, isAdmin: true),
        };

        var result = await DoAsync(action, id, actor, now);

        Assert.True(expected == result.Failure, $"{action} by {who} in {state}: expected {expected?.ToString() ?? "success"}, got {result.Failure?.ToString() ?? "success"} ({result.Message})");
        var after = await site.RequestAsync(id);
        if (expected is not null)
        {
            Assert.Equal(state, after.State);
        }
    }

    private static MentoringActor Actor(string userId, bool isAdmin = false) => new(userId, isAdmin, "https://skills.example.com");

    private async Task<MentoringResult<MentoringRequest>> DoAsync(string action, int id, MentoringActor actor, DateTime now)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var sut = scope.ServiceProvider.GetRequiredService<MentoringService>();
        var request = await site.RequestAsync(id);
        var timeOnOffer = request.ProposedTimes.Where(t => t.Round == request.Round).Select(t => t.Id).FirstOrDefault();
        return action switch
        {
            "accept" => await sut.AcceptAsync(id, timeOnOffer, actor),
            "propose" => await sut.ProposeAsync(id, [now.AddDays(10)], actor),
            "decline" => await sut.DeclineAsync(id, "Not possible, sorry.", actor),
            "withdraw" => await sut.WithdrawAsync(id, actor),
            "cancel" => await sut.CancelAsync(id, null, actor),
            "held" => await sut.MarkHeldAsync(id, actor),
            _ => await sut.GiveFeedbackAsync(id, "Useful.", actor),
        };
    }

    /// <summary>A new request by this learner to Priya, moved into <paramref name="state"/> through the service.</summary>
    private async Task<int> ReachAsync(MentoringState state, string learnerId, DateTime start)
    {
        var learner = Actor(learnerId);
        var author = Actor(site.AuthorAccount.Id);
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var sut = scope.ServiceProvider.GetRequiredService<MentoringService>();
        var created = await sut.RequestAsync(new NewMentoringRequest(MentoringSite.Module, MentoringSite.Author, "Please help.", 30, [start]), learner);
        var id = created.Value!.Id;
        var firstTime = created.Value.ProposedTimes[0].Id;
        switch (state)
        {
            case MentoringState.AlternativesProposed:
                Assert.True((await sut.ProposeAsync(id, [start.AddHours(1)], author)).Succeeded);
                break;
            case MentoringState.Accepted:
            case MentoringState.Cancelled:
            case MentoringState.Held:
                Assert.True((await sut.AcceptAsync(id, firstTime, author)).Succeeded);
                break;
            case MentoringState.Declined:
                Assert.True((await sut.DeclineAsync(id, "No.", author)).Succeeded);
                break;
            case MentoringState.Withdrawn:
                Assert.True((await sut.WithdrawAsync(id, learner)).Succeeded);
                break;
        }

        if (state == MentoringState.Cancelled)
        {
            Assert.True((await sut.CancelAsync(id, null, learner)).Succeeded);
        }

        if (state == MentoringState.Held)
        {
            // Held needs the start to have passed: a clock of its own for this one step, standing at the start.
            await using var later = site.Factory.Services.CreateAsyncScope();
            var heldBy = new MentoringService(
                later.ServiceProvider.GetRequiredService<SkillBridge.Core.Data.SkillBridgeDbContext>(),
                later.ServiceProvider.GetRequiredService<SkillBridge.Core.Notifications.NotificationService>(),
                later.ServiceProvider.GetRequiredService<SkillBridge.Core.Mentoring.Availability.AvailabilityService>(),
                new TestSupport.TestSite.ManualClock(start.AddMinutes(5)));
            Assert.True((await heldBy.MarkHeldAsync(id, author)).Succeeded);
        }

        return id;
    }
}
