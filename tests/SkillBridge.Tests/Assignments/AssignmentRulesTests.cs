using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Assignments;
using SkillBridge.Core.Paths;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Progress;

namespace SkillBridge.Tests.Assignments;

/// <summary>Who an assignment reaches, when each person is due, and what leaving, removing, changing and progress do to their shares.</summary>
public sealed class AssignmentRulesTests
{
    private const string Module = "share-your-screen";

    [Fact]
    public async Task Create_ToAGroupAndAPerson_WritesEachCurrentMemberAShareWithTheDueDateAndAuditsIt()
    {
        await using var site = new AssignmentSite();
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);
        var (ann, bob, cat) = (await site.AccountAsync("ann"), await site.AccountAsync("bob"), await site.AccountAsync("cat"));
        var group = await site.GroupAsync("New joiners", ann, bob);

        var assignment = await site.AssignAsync(curator, new AssignmentInput
        {
            ModuleId = await site.ModuleIdAsync(Module),
            GroupIds = [group],
            PersonIds = [cat.PersonId],
            DueKind = DueDateKind.DaysAfterAssignment,
            DueDays = 10,
            ReminderDays = "7, 1",
        });

        var shares = await site.SharesAsync(assignment.Id);
        Assert.Equal([ann.PersonId, bob.PersonId, cat.PersonId], shares.Select(s => s.PersonId).Order());
        Assert.All(shares, s => Assert.Equal(site.Now.AddDays(10), s.DueAt));
        Assert.Equal(2, shares.Count(s => s.ViaKind == AssignmentTargetKind.Group && s.ViaId == group));
        var entry = Assert.Single(await site.Factory.AuditAsync(AuditAction.Assigned));
        Assert.Equal(curator.Username, entry.Actor);
        Assert.Contains("3 people", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_PersonCompletedAnEarlierRevisionBefore_ShareIsCompletedAndGetsNoReminders()
    {
        await using var site = new AssignmentSite();
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);
        var ann = await site.AccountAsync("ann");
        var completedAt = site.Now.AddDays(-30);
        await site.CompletedAsync(ann, Module, completedAt);

        var assignment = await site.AssignAsync(curator, new AssignmentInput { ModuleId = await site.ModuleIdAsync(Module), PersonIds = [ann.PersonId], DueKind = DueDateKind.DaysAfterAssignment, DueDays = 5 });

        var share = Assert.Single(await site.SharesAsync(assignment.Id));
        Assert.Equal(completedAt, share.CompletedAt);
        Assert.Equal(completedAt, share.StartedAt);
        Assert.Empty(await site.RemindersAsync(assignment.Id));
    }

    [Fact]
    public async Task PersonJoinsLater_FixedDateStillAhead_IsDueAtTheLaterOfTheDateAndJoiningPlus14Days()
    {
        await using var site = new AssignmentSite();
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);
        var (early, late) = (await site.AccountAsync("early"), await site.AccountAsync("late"));
        var group = await site.GroupAsync("Sales");
        var fixedDue = site.Now.AddDays(30);
        var assignment = await site.AssignAsync(curator, new AssignmentInput
        {
            ModuleId = await site.ModuleIdAsync(Module),
            GroupIds = [group],
            DueKind = DueDateKind.Fixed,
            DueDate = DateOnly.FromDateTime(fixedDue.AddDays(1)),
        });
        var due = assignment.DueAt!.Value;

        site.Clock.Advance(TimeSpan.FromDays(2));
        await site.JoinAsync(early, group);
        site.Clock.Advance(TimeSpan.FromDays(23));
        await site.JoinAsync(late, group);

        var shares = await site.SharesAsync(assignment.Id);
        Assert.Equal(due, shares.Single(s => s.PersonId == early.PersonId).DueAt);
        Assert.Equal(site.Now.AddDays(Assignment.DefaultJoinerDays), shares.Single(s => s.PersonId == late.PersonId).DueAt);
        Assert.True(site.Now.AddDays(Assignment.DefaultJoinerDays) > due);
    }

    [Fact]
    public async Task PersonJoinsLater_RelativeDate_IsDueThatManyDaysAfterJoiningWithRemindersPlanned()
    {
        await using var site = new AssignmentSite();
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);
        var joiner = await site.AccountAsync("joiner");
        var group = await site.GroupAsync("Sales");
        var assignment = await site.AssignAsync(curator, new AssignmentInput { ModuleId = await site.ModuleIdAsync(Module), GroupIds = [group], DueKind = DueDateKind.DaysAfterAssignment, DueDays = 10, ReminderDays = "7, 1" });

        site.Clock.Advance(TimeSpan.FromDays(40));
        await site.JoinAsync(joiner, group);

        var share = Assert.Single(await site.SharesAsync(assignment.Id));
        Assert.Equal(site.Now, share.AssignedAt);
        Assert.Equal(site.Now.AddDays(10), share.DueAt);
        var reminders = await site.RemindersAsync(assignment.Id);
        Assert.Contains(reminders, r => r.Kind == ReminderKind.BeforeDue && r.Number == 7 && r.SendAt == site.Now.AddDays(3));
        Assert.Contains(reminders, r => r.Kind == ReminderKind.Assigned && r.SendAt == site.Now);
    }

    [Fact]
    public async Task PersonJoinsLater_CompletedTheModuleBefore_ShareIsCompleted()
    {
        await using var site = new AssignmentSite();
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);
        var joiner = await site.AccountAsync("joiner");
        var group = await site.GroupAsync("Sales");
        var assignment = await site.AssignAsync(curator, new AssignmentInput { ModuleId = await site.ModuleIdAsync(Module), GroupIds = [group] });
        await site.CompletedAsync(joiner, Module, site.Now.AddDays(-3));

        await site.JoinAsync(joiner, group);

        Assert.NotNull(Assert.Single(await site.SharesAsync(assignment.Id)).CompletedAt);
    }

    [Fact]
    public async Task PersonLeaves_EndsTheirOpenShareAndItsReminders_CompletedSharesOfOthersStay()
    {
        await using var site = new AssignmentSite();
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);
        var (leaver, finisher) = (await site.AccountAsync("leaver"), await site.AccountAsync("finisher"));
        var group = await site.GroupAsync("Sales", leaver, finisher);
        await site.CompletedAsync(finisher, Module, site.Now.AddDays(-1));
        var assignment = await site.AssignAsync(curator, new AssignmentInput { ModuleId = await site.ModuleIdAsync(Module), GroupIds = [group], DueKind = DueDateKind.DaysAfterAssignment, DueDays = 10 });

        site.Clock.Advance(TimeSpan.FromDays(1));
        await site.LeaveAsync(leaver, group);
        await site.LeaveAsync(finisher, group);

        var shares = await site.SharesAsync(assignment.Id);
        Assert.Equal(site.Now, shares.Single(s => s.PersonId == leaver.PersonId).EndedAt);
        Assert.Null(shares.Single(s => s.PersonId == finisher.PersonId).EndedAt);
        var reminders = await site.RemindersAsync(assignment.Id);
        Assert.All(reminders.Where(r => r.SentAt is null), r => Assert.NotNull(r.CancelledAt));
    }

    [Fact]
    public async Task Remove_EndsOpenSharesStopsRemindersAndAuditsIt()
    {
        await using var site = new AssignmentSite();
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);
        var ann = await site.AccountAsync("ann");
        var assignment = await site.AssignAsync(curator, new AssignmentInput { ModuleId = await site.ModuleIdAsync(Module), PersonIds = [ann.PersonId], DueKind = DueDateKind.DaysAfterAssignment, DueDays = 10 });

        Assert.True((await site.RemoveAsync(curator, assignment.Id)).Succeeded);
        site.Clock.Advance(TimeSpan.FromDays(30));
        var outcome = await site.RunRemindersAsync();

        Assert.NotNull(Assert.Single(await site.SharesAsync(assignment.Id)).EndedAt);
        Assert.Equal(0, outcome.Sent);
        Assert.Empty(await site.NotificationsAsync(ann));
        Assert.Single(await site.Factory.AuditAsync(AuditAction.AssignmentRemoved));
    }

    [Fact]
    public async Task Change_DueDate_RecomputesOpenSharesMovesPendingRemindersAndAuditsIt()
    {
        await using var site = new AssignmentSite();
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);
        var ann = await site.AccountAsync("ann");
        var assignment = await site.AssignAsync(curator, new AssignmentInput { ModuleId = await site.ModuleIdAsync(Module), PersonIds = [ann.PersonId], DueKind = DueDateKind.DaysAfterAssignment, DueDays = 10, ReminderDays = "7" });
        await site.RunRemindersAsync();

        var result = await site.ChangeAsync(curator, assignment.Id, new AssignmentInput { DueKind = DueDateKind.DaysAfterAssignment, DueDays = 20, ReminderDays = "7, 2", Note = "Before the audit" });

        Assert.True(result.Succeeded);
        var assignedAt = assignment.AssignedAt;
        Assert.Equal(assignedAt.AddDays(20), Assert.Single(await site.SharesAsync(assignment.Id)).DueAt);
        var reminders = await site.RemindersAsync(assignment.Id);
        Assert.Equal(assignedAt.AddDays(13), reminders.Single(r => r.Kind == ReminderKind.BeforeDue && r.Number == 7).SendAt);
        Assert.Equal(assignedAt.AddDays(18), reminders.Single(r => r.Kind == ReminderKind.BeforeDue && r.Number == 2).SendAt);
        Assert.Equal(assignedAt.AddDays(20), reminders.Single(r => r.Kind == ReminderKind.Overdue && r.Number == 1).SendAt);
        Assert.NotNull(reminders.Single(r => r.Kind == ReminderKind.Assigned).SentAt);
        Assert.Single(await site.Factory.AuditAsync(AuditAction.AssignmentChanged));
    }

    [Fact]
    public async Task Create_NothingChosenAndADatePassed_FailsWithAMessagePerFieldAndStoresNothing()
    {
        await using var site = new AssignmentSite();
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);

        var result = await site.WithScopeAsync(services => services.GetService<AssignmentService>()!.CreateAsync(
            new AssignmentInput { DueKind = DueDateKind.Fixed, DueDate = DateOnly.FromDateTime(site.Now.AddDays(-1)), ReminderDays = "7, soon" },
            curator.UserId));

        Assert.Equal(AssignmentFailure.Invalid, result.Failure);
        Assert.Equal(["DueDate", "ReminderDays", "What", "Who"], result.Problems.Select(p => p.Field).Order());
        Assert.Equal(0, await site.WithDbAsync(db => db.Assignments.CountAsync()));
    }

    [Fact]
    public async Task LearnerTakesTheModule_ShareGetsStartedThenCompletedAndRemindersStop()
    {
        await using var site = new AssignmentSite();
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);
        var ann = await site.AccountAsync("ann");
        var assignment = await site.AssignAsync(curator, new AssignmentInput { ModuleId = await site.ModuleIdAsync(Module), PersonIds = [ann.PersonId], DueKind = DueDateKind.DaysAfterAssignment, DueDays = 10 });
        using var client = site.Factory.CreateBrowser();
        await client.SignInAsync(ann.Username);

        await client.VisitAsync(Module, 1);
        var started = Assert.Single(await site.SharesAsync(assignment.Id));
        await client.CompleteAsync(Module);

        var completed = Assert.Single(await site.SharesAsync(assignment.Id));
        Assert.Equal(site.Now, started.StartedAt);
        Assert.Null(started.CompletedAt);
        Assert.Equal(site.Now, completed.CompletedAt);
        Assert.All((await site.RemindersAsync(assignment.Id)).Where(r => r.SentAt is null), r => Assert.NotNull(r.CancelledAt));
    }

    [Fact]
    public async Task LearnerOnAPath_CompletesOnlyWhenEveryAvailableModuleIsCompleted()
    {
        await using var site = new AssignmentSite();
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);
        var ann = await site.AccountAsync("ann");
        var assignment = await site.AssignAsync(curator, new AssignmentInput { LearningPathId = await site.PathIdAsync("first-week-on-teams"), PersonIds = [ann.PersonId] });
        await site.CompletedAsync(ann, "join-a-teams-meeting", site.Now.AddDays(-2));
        using var client = site.Factory.CreateBrowser();
        await client.SignInAsync(ann.Username);

        await client.CompleteAsync(Module);
        var partway = Assert.Single(await site.SharesAsync(assignment.Id));
        site.Clock.Advance(TimeSpan.FromHours(1));
        await client.CompleteAsync("teams-channels-vs-chats");

        var done = Assert.Single(await site.SharesAsync(assignment.Id));
        Assert.Null(partway.CompletedAt);
        Assert.Equal(site.Now.AddDays(-2).AddHours(-1), partway.StartedAt);
        Assert.Equal(site.Now, done.CompletedAt);
    }

    [Fact]
    public async Task PathCompletedBeforeAModuleWasAdded_AssigningIt_CountsAsCompletedOnTheDayItWas()
    {
        await using var site = new AssignmentSite();
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);
        var ann = await site.AccountAsync("ann");
        var pathId = await site.PathIdAsync("first-week-on-teams");
        var finished = site.Now.AddDays(-20);
        foreach (var module in new[] { "join-a-teams-meeting", Module, "teams-channels-vs-chats" })
        {
            await site.CompletedAsync(ann, module, finished.AddHours(-1));
        }

        var added = await site.ModuleIdAsync("short-video-basics");
        await site.WithDbAsync(async db =>
        {
            db.PathProgress.Add(new PathProgress { UserId = ann.UserId, LearningPathId = pathId, StartedAt = finished.AddDays(-1), CompletedAt = finished });
            var path = await db.LearningPaths.Include(p => p.Modules).SingleAsync(p => p.Id == pathId);
            path.Modules.Add(new LearningPathModule { ModuleId = added, Position = path.Modules.Count, AddedAt = site.Now.AddDays(-1) });
            return await db.SaveChangesAsync();
        });

        var assignment = await site.AssignAsync(curator, new AssignmentInput { LearningPathId = pathId, PersonIds = [ann.PersonId], DueKind = DueDateKind.DaysAfterAssignment, DueDays = 5 });

        var share = Assert.Single(await site.SharesAsync(assignment.Id));
        Assert.Equal(finished, share.CompletedAt);
        Assert.Empty(await site.RemindersAsync(assignment.Id));
    }
}
