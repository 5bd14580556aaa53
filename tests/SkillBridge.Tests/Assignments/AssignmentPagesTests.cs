using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Assignments;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Assignments;

/// <summary>The curators' assignment pages, "Assigned to you" on My learning and the catalogue home, and the settings page's words.</summary>
public sealed class AssignmentPagesTests
{
    private const string Module = "share-your-screen";
    private const string ModuleTitle = "Share one window in a video call";

    [Fact]
    public async Task NewPage_CuratorFindsAPersonAndAssigns_RedirectsToTheProgressShowingThem()
    {
        await using var site = new AssignmentSite();
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);
        var ann = await site.AccountAsync("ann");
        using var client = site.Factory.CreateBrowser();
        await client.SignInAsync(curator.Username);
        var moduleId = await site.ModuleIdAsync(Module);

        var form = (IHtmlFormElement)(await client.GetPageAsync("/assignments/new")).QuerySelector("form.assignment-form")!;
        using var search = await PostAsync(client, "/assignments/new?handler=Search", form, [new("Form.PeopleSearch", ann.Username), new("Form.What", $"module:{moduleId}")]);
        var found = HtmlPages.Parse(await search.Content.ReadAsStringAsync());
        Assert.NotNull(found.QuerySelector($"input#person-{ann.PersonId}"));
        Assert.Equal($"module:{moduleId}", found.QuerySelector<IHtmlSelectElement>("#what")!.Value);
        using var assigned = await PostAsync(client, "/assignments/new", form, [
            new("Form.What", $"module:{moduleId}"), new("Form.PersonIds", ann.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Form.DueKind", "days"), new("Form.DueDays", "7"), new("Form.ReminderDays", "7, 1"), new("Form.Note", "Before the customer demo")]);

        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var details = await client.GetPageAsync(assigned.Headers.Location!.OriginalString);
        var person = details.QuerySelector("#assignment-people li")!.TextContent;
        Assert.Contains(ann.Username, details.QuerySelector("#assignment-people a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("Not started", person, StringComparison.Ordinal);
        Assert.Contains("Before the customer demo", details.Body!.TextContent, StringComparison.Ordinal);
        var list = await client.GetPageAsync("/assignments");
        Assert.Contains(ModuleTitle, list.Text("#assignments"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewPage_DateThatHasPassed_SaysSoNextToTheDateAndStoresNothing()
    {
        await using var site = new AssignmentSite();
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);
        var ann = await site.AccountAsync("ann");
        using var client = site.Factory.CreateBrowser();
        await client.SignInAsync(curator.Username);
        var form = (IHtmlFormElement)(await client.GetPageAsync("/assignments/new")).QuerySelector("form.assignment-form")!;

        using var response = await PostAsync(client, "/assignments/new", form, [
            new("Form.What", $"module:{await site.ModuleIdAsync(Module)}"), new("Form.PersonIds", ann.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Form.DueKind", "fixed"), new("Form.DueDate", "2026-11-01")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("already passed", page.QuerySelector("#due-date ~ .field-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await site.WithDbAsync(db => db.Assignments.CountAsync()));
    }

    [Fact]
    public async Task DetailsPage_ChangeThenRemove_MovesTheDueDateThenEndsTheShares()
    {
        await using var site = new AssignmentSite();
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);
        var ann = await site.AccountAsync("ann");
        var assignment = await site.AssignAsync(curator, new AssignmentInput { ModuleId = await site.ModuleIdAsync(Module), PersonIds = [ann.PersonId], DueKind = DueDateKind.DaysAfterAssignment, DueDays = 7 });
        using var client = site.Factory.CreateBrowser();
        await client.SignInAsync(curator.Username);
        var url = $"/assignments/{assignment.Id}";

        var page = await client.GetPageAsync(url);
        using var changed = await PostAsync(client, url + "?handler=Change", (IHtmlFormElement)page.QuerySelector("form.assignment-form")!, [new("Form.DueKind", "days"), new("Form.DueDays", "21"), new("Form.ReminderDays", "7")]);
        var shareAfterChange = Assert.Single(await site.SharesAsync(assignment.Id));
        using var removed = await PostAsync(client, url + "?handler=Remove", (IHtmlFormElement)page.QuerySelector("form.assignment-form")!, []);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(assignment.AssignedAt.AddDays(21), shareAfterChange.DueAt);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.NotNull(Assert.Single(await site.SharesAsync(assignment.Id)).EndedAt);
        Assert.Contains("Removed", (await client.GetPageAsync(url)).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetailsPage_LearnerPostingRemove_IsForbiddenAndNothingChanges()
    {
        await using var site = new AssignmentSite();
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);
        var ann = await site.AccountAsync("ann");
        var assignment = await site.AssignAsync(curator, new AssignmentInput { ModuleId = await site.ModuleIdAsync(Module), PersonIds = [ann.PersonId] });
        using var client = site.Factory.CreateBrowser();
        await client.SignInAsync(ann.Username);
        var form = (await client.GetPageAsync("/learning")).QuerySelectorAll<IHtmlFormElement>("form").First(f => f.QuerySelector("input[name=__RequestVerificationToken]") is not null);

        using var response = await PostAsync(client, $"/assignments/{assignment.Id}?handler=Remove", form, []);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(Assert.Single(await site.SharesAsync(assignment.Id)).EndedAt);
    }

    [Theory]
    [InlineData("/learning")]
    [InlineData("/")]
    public async Task AssignedToYou_ShowsEachItemsStateDueDateAssignerNoteAndWhoSeesProgress(string url)
    {
        await using var site = new AssignmentSite();
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);
        var ann = await site.AccountAsync("ann", "UTC");
        await site.CompletedAsync(ann, "join-a-teams-meeting", site.Now.AddDays(-1));
        await site.AssignAsync(curator, new AssignmentInput { ModuleId = await site.ModuleIdAsync(Module), PersonIds = [ann.PersonId], DueKind = DueDateKind.DaysAfterAssignment, DueDays = 1, Note = "Needed for the demo" });
        await site.AssignAsync(curator, new AssignmentInput { ModuleId = await site.ModuleIdAsync("join-a-teams-meeting"), PersonIds = [ann.PersonId] });
        await site.AssignAsync(curator, new AssignmentInput { LearningPathId = await site.PathIdAsync("stay-safe-online"), PersonIds = [ann.PersonId], DueKind = DueDateKind.DaysAfterAssignment, DueDays = 30 });
        site.Clock.Advance(TimeSpan.FromDays(2));
        using var client = site.Factory.CreateBrowser();
        await client.SignInAsync(ann.Username);

        var page = await client.GetPageAsync(url);

        var items = page.QuerySelectorAll("#assigned-to-you li").Select(li => li.TextContent).ToList();
        Assert.Equal(3, items.Count);
        Assert.Contains(ModuleTitle, items[0], StringComparison.Ordinal);
        Assert.Contains("Overdue", items[0], StringComparison.Ordinal);
        Assert.Contains("23 Nov 2026, 09:30 UTC", items[0], StringComparison.Ordinal);
        Assert.Contains("Needed for the demo", items[0], StringComparison.Ordinal);
        Assert.Contains("assigned by " + curator.Username, items[0], StringComparison.Ordinal);
        Assert.Contains("Not started", items[1], StringComparison.Ordinal);
        Assert.Contains("Path assigned by", items[1], StringComparison.Ordinal);
        Assert.Contains("Completed", items[2], StringComparison.Ordinal);
        Assert.Contains("Curators see your name and your progress", page.Text("#assigned-privacy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssignedToYou_NothingAssigned_IsNotShown()
    {
        await using var site = new AssignmentSite();
        var ann = await site.AccountAsync("ann");
        using var client = site.Factory.CreateBrowser();
        await client.SignInAsync(ann.Username);

        Assert.Null((await client.GetPageAsync("/learning")).QuerySelector("#assigned-to-you"));
    }

    [Fact]
    public async Task Settings_SayCuratorsSeeAssignedProgress_AndTurningReminderMailOffIsSaved()
    {
        await using var site = new AssignmentSite();
        var ann = await site.AccountAsync("ann");
        using var client = site.Factory.CreateBrowser();
        await client.SignInAsync(ann.Username);
        var page = await client.GetPageAsync("/account/settings");
        Assert.Contains("curators see your name and your progress", page.Text("#assigned-help"), StringComparison.Ordinal);
        Assert.True(page.QuerySelector<IHtmlInputElement>("#ReminderMail")!.IsChecked);

        var form = (IHtmlFormElement)page.QuerySelector("form.account-form")!;
        using var response = await client.SubmitAsync(form, [new("TimeZoneId", "Europe/London"), new("SharesProgressWithAuthors", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await site.WithDbAsync(db => db.Users.Where(u => u.Id == ann.UserId).Select(u => u.ReminderMailOff).SingleAsync()));
        Assert.False((await client.GetPageAsync("/account/settings")).QuerySelector<IHtmlInputElement>("#ReminderMail")!.IsChecked);
    }

    [Fact]
    public async Task PersonalDataExport_HoldsTheLearnersAssignmentsAndRemindersSent()
    {
        await using var site = new AssignmentSite();
        var curator = await site.AccountAsync("curator", roles: Roles.Curator);
        var ann = await site.AccountAsync("ann");
        await site.AssignAsync(curator, new AssignmentInput { ModuleId = await site.ModuleIdAsync(Module), PersonIds = [ann.PersonId], Note = "For the demo" });
        await site.RunRemindersAsync();
        using var client = site.Factory.CreateBrowser();
        await client.SignInAsync(ann.Username);

        var form = (IHtmlFormElement)(await client.GetPageAsync("/account/data")).QuerySelector("main form.account-form")!;
        using var response = await client.SubmitAsync(form, []);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var data = json.RootElement.GetProperty("assignments");
        Assert.True(data.GetProperty("reminderMail").GetBoolean());
        var assignment = Assert.Single(data.GetProperty("assignments").EnumerateArray());
        Assert.Equal(ModuleTitle, assignment.GetProperty("title").GetString());
        Assert.Equal("For the demo", assignment.GetProperty("note").GetString());
        Assert.Equal("Assigned", Assert.Single(data.GetProperty("reminders").EnumerateArray()).GetProperty("kind").GetString());
    }

    /// <summary>Posts to a URL with the antiforgery token of the form, plus the given fields.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IHtmlFormElement form, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields]);
        return await client.PostAsync(url, content);
    }
}
