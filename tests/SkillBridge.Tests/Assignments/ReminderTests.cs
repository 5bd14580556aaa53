using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Assignments;
using SkillBridge.Core.Outbox;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Assignments;

/// <summary>Reminders: in the site when due, once, with several runners and after downtime; mail as one digest a day at 08:00 in the learner's zone.</summary>
public sealed class ReminderTests
{
    private const string Module = "share-your-screen";
    private const string OtherModule = "join-a-teams-meeting";

    [Fact]
    public async Task RunDue_FourRunnersAtOnce_SendEachReminderAndTheDigestOnce()
    {
        await using var site = new AssignmentSite(withMail: true);
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);
        var learners = new[] { await site.AccountAsync("ann", "UTC"), await site.AccountAsync("bob", "UTC") };
        await site.AssignAsync(curator, new AssignmentInput { ModuleId = await site.ModuleIdAsync(Module), PersonIds = [.. learners.Select(l => l.PersonId)], DueKind = DueDateKind.DaysAfterAssignment, DueDays = 20 });

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(site.RunRemindersAsync)));

        Assert.Equal(2, outcomes.Sum(o => o.Sent));
        Assert.Equal(2, outcomes.Sum(o => o.Digests));
        foreach (var learner in learners)
        {
            Assert.Single(await site.NotificationsAsync(learner));
        }

        Assert.Equal(2, await site.WithDbAsync(db => db.OutboxMessages.CountAsync()));
        Assert.Equal(2, await site.WithDbAsync(db => db.ReminderDigests.CountAsync()));
    }

    [Fact]
    public async Task RunDue_AfterTheSiteWasDownPastSeveralReminders_SendsOnlyTheLatestOnce()
    {
        await using var site = new AssignmentSite();
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);
        var ann = await site.AccountAsync("ann");
        var assignment = await site.AssignAsync(curator, new AssignmentInput { ModuleId = await site.ModuleIdAsync(Module), PersonIds = [ann.PersonId], DueKind = DueDateKind.DaysAfterAssignment, DueDays = 10, ReminderDays = "7, 1" });

        site.Clock.Advance(TimeSpan.FromDays(9.5));
        var first = await site.RunRemindersAsync();
        var second = await site.RunRemindersAsync();

        Assert.Equal(1, first.Sent);
        Assert.Equal(0, second.Sent + second.Stopped);
        var text = Assert.Single(await site.NotificationsAsync(ann));
        Assert.StartsWith("Reminder: “Share one window in a video call” is due on", text, StringComparison.Ordinal);
        var reminders = await site.RemindersAsync(assignment.Id);
        Assert.Equal(1, reminders.Count(r => r.SentAt is not null));
        Assert.Equal(2, reminders.Count(r => r.CancelledAt is not null));
    }

    [Fact]
    public async Task RunDue_Overdue_RemindsAtTheDueDateThenWeeklyAtMostThreeTimes()
    {
        await using var site = new AssignmentSite();
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);
        var ann = await site.AccountAsync("ann");
        await site.AssignAsync(curator, new AssignmentInput { ModuleId = await site.ModuleIdAsync(Module), PersonIds = [ann.PersonId], DueKind = DueDateKind.DaysAfterAssignment, DueDays = 2, ReminderDays = "" });
        await site.RunRemindersAsync();

        for (var day = 0; day < 40; day++)
        {
            site.Clock.Advance(TimeSpan.FromDays(1));
            await site.RunRemindersAsync();
        }

        var texts = await site.NotificationsAsync(ann);
        Assert.Equal(4, texts.Count);
        Assert.Equal(3, texts.Count(t => t.Contains("is not completed yet", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Digest_At0800InTheLearnersZone_GroupsEverythingDueInOneMailTheSmtpServerReceives()
    {
        await using var site = new AssignmentSite(withMail: true);
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);
        var ann = await site.AccountAsync("ann", "America/New_York");
        foreach (var slug in new[] { Module, OtherModule })
        {
            await site.AssignAsync(curator, new AssignmentInput { ModuleId = await site.ModuleIdAsync(slug), PersonIds = [ann.PersonId], DueKind = DueDateKind.DaysAfterAssignment, DueDays = 14, Note = "For the new rota" });
        }

        // 09:30 UTC is 04:30 in New York (EST, UTC-5): the reminders go out in the site, the mail waits for 08:00.
        var early = await site.RunRemindersAsync();
        site.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 22, 12, 59, 0, TimeSpan.Zero));
        var justBefore = await site.RunRemindersAsync();
        site.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 22, 13, 0, 0, TimeSpan.Zero));
        var atEight = await site.RunRemindersAsync();
        var again = await site.RunRemindersAsync();
        await site.Factory.DeliverMailAsync();

        Assert.Equal((2, 0), (early.Sent, early.Digests));
        Assert.Equal(0, justBefore.Digests);
        Assert.Equal((1, 0), (atEight.Digests, again.Digests));
        Assert.Equal(2, (await site.NotificationsAsync(ann)).Count);
        var mail = Assert.Single(site.Smtp!.Messages);
        Assert.Equal([ann.Username + "@test.example"], mail.To);
        Assert.Equal("Reminder: 2 pieces of assigned learning", mail.Subject);
        Assert.Contains("Share one window in a video call", mail.Body, StringComparison.Ordinal);
        Assert.Contains("Join a Teams meeting with confidence", mail.Body, StringComparison.Ordinal);
        Assert.Contains("(America/New_York)", mail.Body, StringComparison.Ordinal);
        Assert.Contains(AssignmentSiteUrl + "/account/settings", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_LearnerTurnedReminderMailOff_GetsTheReminderInTheSiteButNoMail()
    {
        await using var site = new AssignmentSite(withMail: true);
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);
        var ann = await site.AccountAsync("ann", "UTC");
        await site.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == ann.UserId)).ReminderMailOff = true;
            return await db.SaveChangesAsync();
        });
        await site.AssignAsync(curator, new AssignmentInput { ModuleId = await site.ModuleIdAsync(Module), PersonIds = [ann.PersonId] });

        var outcome = await site.RunRemindersAsync();

        Assert.Equal((1, 0), (outcome.Sent, outcome.Digests));
        Assert.Single(await site.NotificationsAsync(ann));
        Assert.Equal(0, await site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.Mail)));
    }

    [Fact]
    public async Task Digest_MailNotSetUp_RemindersStayInTheSite()
    {
        await using var site = new AssignmentSite();
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);
        var ann = await site.AccountAsync("ann", "UTC");
        await site.AssignAsync(curator, new AssignmentInput { ModuleId = await site.ModuleIdAsync(Module), PersonIds = [ann.PersonId] });

        var outcome = await site.RunRemindersAsync();

        Assert.Equal((1, 0), (outcome.Sent, outcome.Digests));
        Assert.Equal(0, await site.WithDbAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task RunDue_ChangedDueDate_RemindsAtTheNewTimeNotTheOld()
    {
        await using var site = new AssignmentSite();
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);
        var ann = await site.AccountAsync("ann");
        var assignment = await site.AssignAsync(curator, new AssignmentInput { ModuleId = await site.ModuleIdAsync(Module), PersonIds = [ann.PersonId], DueKind = DueDateKind.DaysAfterAssignment, DueDays = 5, ReminderDays = "1" });
        await site.RunRemindersAsync();
        await site.ChangeAsync(curator, assignment.Id, new AssignmentInput { DueKind = DueDateKind.DaysAfterAssignment, DueDays = 15, ReminderDays = "1" });

        site.Clock.Advance(TimeSpan.FromDays(6));
        var atOldTimes = await site.RunRemindersAsync();
        site.Clock.Advance(TimeSpan.FromDays(8));
        var atNewTime = await site.RunRemindersAsync();

        Assert.Equal(0, atOldTimes.Sent);
        Assert.Equal(1, atNewTime.Sent);
    }

    private const string AssignmentSiteUrl = SkillBridgeWebFactory.TestSiteUrl;
}
