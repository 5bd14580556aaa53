using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;
using SkillBridge.Core.Notifications;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Web.Time;

namespace SkillBridge.Tests.Time;

/// <summary>Two starter sites, one with SkillBridge:Culture en-GB (the default) and one with en-US.</summary>
public sealed class CultureSites : IAsyncLifetime
{
    public SkillBridgeWebFactory British { get; } = new();

    public SkillBridgeWebFactory American { get; } = new() { Settings = { ["SkillBridge:Culture"] = "en-US" } };

    public SkillBridgeWebFactory Site(string culture) => culture == "en-US" ? American : British;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await British.DisposeAsync();
        await American.DisposeAsync();
    }
}

/// <summary>
/// Dates and times people read on older pages follow SkillBridge:Culture (issue 13), in the viewer's zone
/// (Europe/London here: 14:30 UTC on 4 March 2026 is 14:30 there); machine-readable values stay ISO.
/// </summary>
public sealed class SiteCulturePageTests(CultureSites sites) : IClassFixture<CultureSites>
{
    private static readonly DateTime At = new(2026, 3, 4, 14, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("en-GB", "4 Mar 2026, 14:30 Europe/London")]
    [InlineData("en-US", "Mar 4, 2026, 2:30\u202fPM Europe/London")]
    public async Task ModuleHistory_SiteCulture_ShowsPublishTimesInItsOrder(string culture, string expected)
    {
        var site = sites.Site(culture);
        await WithDbAsync(site, db => db.ModuleRevisions.Where(r => r.Module.Slug == "share-your-screen").ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAt, At)));
        using var admin = await site.SignedInClientAsync(Infrastructure.Accounts.UniqueName("historian"), Roles.Admin);

        var page = await admin.GetPageAsync("/modules/share-your-screen/history");

        Assert.Equal(expected, page.QuerySelectorAll("#revisions tbody tr")[0].QuerySelectorAll("td")[3].TextContent.Trim());
    }

    [Theory]
    [InlineData("en-GB", "4 Mar 2026, 14:30 Europe/London")]
    [InlineData("en-US", "Mar 4, 2026, 2:30\u202fPM Europe/London")]
    public async Task Notifications_SiteCulture_ShowsTimesInItsOrderAndIsoForMachines(string culture, string expected)
    {
        var site = sites.Site(culture);
        var username = Infrastructure.Accounts.UniqueName("notified");
        var user = await site.CreateAccountAsync(username);
        await WithDbAsync(site, db =>
        {
            db.Notifications.Add(new Notification { UserId = user.Id, Text = "A dated notification", Link = "/", CreatedAt = At });
            return db.SaveChangesAsync();
        });
        using var client = site.CreateBrowser();
        await client.SignInAsync(username);

        var page = await client.GetPageAsync("/notifications");

        var time = page.QuerySelector("time")!;
        Assert.Equal(expected, time.TextContent.Trim());
        Assert.Equal(At, DateTime.Parse(time.GetAttribute("datetime")!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal));
    }

    [Theory]
    [InlineData("en-GB", "4 Mar 2026, 14:30")]
    [InlineData("en-US", "Mar 4, 2026, 2:30\u202fPM")]
    public async Task AuditLog_SiteCulture_ShowsTimesInItsOrderButTheCsvStaysIso(string culture, string expected)
    {
        var site = sites.Site(culture);
        var subject = Infrastructure.Accounts.UniqueName("dated");
        await WithDbAsync(site, db =>
        {
            db.AuditEntries.Add(new AuditEntry { At = At, Action = AuditAction.Locked, Actor = null, Subject = subject });
            return db.SaveChangesAsync();
        });
        using var admin = await site.SignedInClientAsync(Infrastructure.Accounts.UniqueName("auditor"), Roles.Admin);

        var page = await admin.GetPageAsync($"/admin/audit?action=Locked&person={subject}");
        var csv = await admin.GetStringAsync($"/admin/audit?handler=Csv&action=Locked&person={subject}");

        Assert.Equal(expected, page.Text("table.audit tbody td"));
        Assert.Contains("2026-03-04 14:30:00", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "4 March 2026")]
    [InlineData("en-US", "March 4, 2026")]
    public async Task ModuleAndLearningPages_SiteCulture_ShowUpdatedAndCompletedDatesInItsOrder(string culture, string expected)
    {
        var site = sites.Site(culture);
        await WithDbAsync(site, db => db.ModuleRevisions.Where(r => r.Module.Slug == "share-your-screen").ExecuteUpdateAsync(s => s.SetProperty(r => r.UpdatedOn, new DateOnly(2026, 3, 4))));
        using var visitor = site.CreateBrowser();

        var page = await visitor.GetPageAsync("/modules/share-your-screen");

        var updated = page.QuerySelectorAll("time").Single(t => t.GetAttribute("datetime") == "2026-03-04");
        Assert.Equal(expected, updated.TextContent.Trim());
    }

    [Theory]
    [InlineData("en-GB", "Wed 4 Mar 2026, 14:30", "4 March 2026", "Wednesday 4 March")]
    [InlineData("en-US", "Wed Mar 4, 2026, 2:30\u202fPM", "March 4, 2026", "Wednesday March 4")]
    [InlineData("de-DE", "Mi 4. März 2026, 14:30", "4. März 2026", "Mittwoch 4. März")]
    public void DisplayDates_Culture_FollowsItsOrderAndClock(string culture, string weekdayAndTime, string date, string heading)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var local = new DateTime(2026, 3, 4, 14, 30, 0, DateTimeKind.Unspecified);

            Assert.Equal(weekdayAndTime, DisplayDates.WeekdayDateAndTime(local));
            Assert.Equal(date, DisplayDates.Date(local));
            Assert.Equal(heading, DisplayDates.DayHeading(new DateOnly(2026, 3, 4)));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    private static async Task WithDbAsync(SkillBridgeWebFactory site, Func<SkillBridgeDbContext, Task> change)
    {
        await using var scope = site.Services.CreateAsyncScope();
        await change(scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>());
    }
}
