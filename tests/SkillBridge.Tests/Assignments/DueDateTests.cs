using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Assignments;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Assignments;

/// <summary>Due dates typed in the curator's time zone, stored in UTC, shown in the learner's, across clock changes.</summary>
public sealed class DueDateTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public void ToUtc_DateOnlyOnTheDayLondonClocksGoForward_Is2359SummerTime()
    {
        var utc = DueDates.ToUtc(new DateOnly(2027, 3, 28), null, London, out var problem);

        Assert.Null(problem);
        Assert.Equal(new DateTime(2027, 3, 28, 22, 59, 0, DateTimeKind.Utc), utc);
    }

    [Fact]
    public void ToUtc_DateOnlyInWinter_Is2359Utc()
    {
        Assert.Equal(new DateTime(2027, 1, 15, 23, 59, 0, DateTimeKind.Utc), DueDates.ToUtc(new DateOnly(2027, 1, 15), null, London, out _));
    }

    [Fact]
    public void ToUtc_ATimeTheClocksSkip_IsRefusedWithAMessage()
    {
        var utc = DueDates.ToUtc(new DateOnly(2027, 3, 28), new TimeOnly(1, 30), London, out var problem);

        Assert.Null(utc);
        Assert.Contains("01:30 does not exist on 28 March 2027 in Europe/London", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ToUtc_ATimeTheClocksPassTwice_IsTheLaterInstant()
    {
        var utc = DueDates.ToUtc(new DateOnly(2027, 10, 31), new TimeOnly(1, 30), London, out var problem);

        Assert.Null(problem);
        Assert.Equal(new DateTime(2027, 10, 31, 1, 30, 0, DateTimeKind.Utc), utc);
    }

    [Fact]
    public async Task Create_CuratorInLondonOnTheClockChangeDay_IsStoredInUtcAndShownInTheLearnersZone()
    {
        await using var site = new AssignmentSite();
        var curator = await site.AccountAsync("curator", "Europe/London", Roles.Curator);
        var learner = await site.AccountAsync("learner", "America/New_York");

        var assignment = await site.AssignAsync(curator, new AssignmentInput
        {
            ModuleId = await site.ModuleIdAsync("share-your-screen"),
            PersonIds = [learner.PersonId],
            DueKind = DueDateKind.Fixed,
            DueDate = new DateOnly(2027, 3, 28),
        });
        using var client = site.Factory.CreateBrowser();
        await client.SignInAsync(learner.Username);
        var page = await client.GetPageAsync("/learning");

        Assert.Equal(new DateTime(2027, 3, 28, 22, 59, 0, DateTimeKind.Utc), assignment.DueAt);
        Assert.Equal(assignment.DueAt, Assert.Single(await site.SharesAsync(assignment.Id)).DueAt);
        Assert.Contains("28 Mar 2027, 18:59 America/New_York", page.QuerySelector("#assigned-to-you")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_TimeSkippedInTheCuratorsZone_IsRefusedNextToTheTime()
    {
        await using var site = new AssignmentSite();
        var curator = await site.AccountAsync("curator", "Europe/London", Roles.Curator);
        var learner = await site.AccountAsync("learner");

        var moduleId = await site.ModuleIdAsync("share-your-screen");

        var result = await site.WithScopeAsync(services => services.GetRequiredService<AssignmentService>().CreateAsync(
            new AssignmentInput { ModuleId = moduleId, PersonIds = [learner.PersonId], DueKind = DueDateKind.Fixed, DueDate = new DateOnly(2027, 3, 28), DueTime = new TimeOnly(1, 15) },
            curator.UserId));

        Assert.Equal("DueTime", Assert.Single(result.Problems).Field);
    }
}
