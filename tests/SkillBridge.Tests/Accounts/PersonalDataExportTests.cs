using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Data;
using SkillBridge.Core.Media;
using SkillBridge.Core.Mentoring.Availability;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Accounts;

public sealed class PersonalDataExportTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    [Fact]
    public async Task Download_IsAJsonAttachmentNamedAfterTheUserAndDay()
    {
        var username = Infrastructure.Accounts.UniqueName("export.learner");
        using var client = await factory.SignedInClientAsync(username);

        using var response = await DownloadAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches($@"^skillbridge-{username.Replace(".", @"\.", StringComparison.Ordinal)}-\d{{4}}-\d{{2}}-\d{{2}}\.json$", response.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task Download_AsAnAuthor_HoldsTheirAccountProfileAndCreditsInAStableOrder()
    {
        using var client = await factory.SignedInClientAsync("mei.lin");

        using var json = JsonDocument.Parse(await (await DownloadAsync(client)).Content.ReadAsStringAsync());

        var root = json.RootElement;
        Assert.Equal(
            ["exportedAt", "account", "profile", "moduleCredits", "revisionsPublished", "drafts", "reviewComments", "invitations", "auditLog", "progress", "learningPaths", "assignments", "mentoring", "mentoringAvailability", "sessions", "outbox", "paths", "departmentsAndGroups", "searchSynonyms"],
            root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("mei.lin", root.GetProperty("account").GetProperty("username").GetString());
        Assert.Equal("mei.lin@test.example", root.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal("Mei Lin", root.GetProperty("profile").GetProperty("name").GetString());
        Assert.Contains("author", root.GetProperty("account").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.NotEqual(JsonValueKind.Null, root.GetProperty("account").GetProperty("created").ValueKind);
        var credited = root.GetProperty("moduleCredits").EnumerateArray().Select(m => m.GetProperty("module").GetString()).ToList();
        Assert.Equal(["search-your-files-and-mail-faster", "summarise-an-email-thread-with-ai", "take-and-annotate-a-screenshot", "write-a-prompt-for-an-ai-assistant"], credited);
    }

    [Fact]
    public async Task Download_HoldsNothingOfAnotherPerson()
    {
        // Lena Fischer co-wrote one of Mei Lin's modules, and wrote a review comment on it.
        await factory.CreateAccountAsync("lena.fischer");
        using var client = await factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("export.curator"), Core.Accounts.Roles.Curator);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
            var module = db.Modules.Single(m => m.Slug == "summarise-an-email-thread-with-ai");
            db.ReviewComments.Add(new ReviewComment { ModuleId = module.Id, Author = "lena.fischer", Text = "Lena's private note", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var text = await (await DownloadAsync(client)).Content.ReadAsStringAsync();

        Assert.DoesNotContain("lena", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Fischer", text, StringComparison.Ordinal);
        Assert.DoesNotContain("mei.lin", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_AsACurator_IncludesTheReviewCommentsTheyWrote()
    {
        var username = Infrastructure.Accounts.UniqueName("export.reviewer");
        using var client = await factory.SignedInClientAsync(username, Core.Accounts.Roles.Curator);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
            var module = db.Modules.Single(m => m.Slug == "tame-your-inbox");
            db.ReviewComments.Add(new ReviewComment { ModuleId = module.Id, Author = username, Text = "Shorten step two.", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        using var json = JsonDocument.Parse(await (await DownloadAsync(client)).Content.ReadAsStringAsync());

        var comment = Assert.Single(json.RootElement.GetProperty("reviewComments").EnumerateArray());
        Assert.Equal("tame-your-inbox", comment.GetProperty("module").GetString());
        Assert.Equal("Shorten step two.", comment.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Download_AsAnAuthorWithAProfile_HoldsPhotoBioHelpsWithAndAvailability()
    {
        var username = Infrastructure.Accounts.UniqueName("export.mentor");
        var user = await factory.CreateAccountAsync(username, Core.Accounts.Roles.Author);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
            var photo = db.MediaFiles.Add(new MediaFile { Sha256 = new string('a', 63) + "1", ContentType = "image/png", Length = 10, Width = 4, Height = 4 }).Entity;
            await db.SaveChangesAsync();
            var person = db.People.Single(p => p.Id == user.PersonId);
            person.Bio = "I run the service desk.";
            person.HelpsWith = ["Teams", "Outlook rules"];
            person.PhotoMediaFileId = photo.Id;
            db.AvailabilityRanges.Add(new AvailabilityRange { UserId = user.Id, Day = DayOfWeek.Tuesday, StartMinute = 14 * 60, EndMinute = 15 * 60 + 30 });
            db.AvailabilityRanges.Add(new AvailabilityRange { UserId = user.Id, Day = DayOfWeek.Monday, StartMinute = 9 * 60, EndMinute = 12 * 60 });
            db.AvailabilitySkippedWeeks.Add(new AvailabilitySkippedWeek { UserId = user.Id, WeekStart = new DateOnly(2026, 12, 7) });
            await db.SaveChangesAsync();
        }

        using var client = factory.CreateBrowser();
        await client.SignInAsync(username);
        using var json = JsonDocument.Parse(await (await DownloadAsync(client)).Content.ReadAsStringAsync());

        var profile = json.RootElement.GetProperty("profile");
        Assert.Equal($"/media/{new string('a', 63)}1.png", profile.GetProperty("photo").GetString());
        Assert.Equal("I run the service desk.", profile.GetProperty("bio").GetString());
        Assert.Equal(["Teams", "Outlook rules"], profile.GetProperty("helpsWith").EnumerateArray().Select(h => h.GetString()!).ToArray());
        var availability = json.RootElement.GetProperty("mentoringAvailability");
        Assert.Equal(
            ["Monday 09:00-12:00", "Tuesday 14:00-15:30"],
            availability.GetProperty("weekly").EnumerateArray().Select(r => $"{r.GetProperty("day").GetString()} {r.GetProperty("from").GetString()}-{r.GetProperty("to").GetString()}").ToArray());
        Assert.Equal("2026-12-07", Assert.Single(availability.GetProperty("weeksNotAvailable").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Download_AsAnAdminWhoInvited_HoldsEachInvitationsNameAndRoles()
    {
        var username = Infrastructure.Accounts.UniqueName("export.inviter");
        using var client = await factory.SignedInClientAsync(username, Core.Accounts.Roles.Admin);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
            db.Invitations.Add(new Invitation
            {
                Email = "new.colleague@test.example", TokenHash = Guid.NewGuid().ToString("N"), InvitedBy = username, Name = "Ana Costa", Roles = "author curator",
                CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(7),
            });
            await db.SaveChangesAsync();
        }

        using var json = JsonDocument.Parse(await (await DownloadAsync(client)).Content.ReadAsStringAsync());

        var invitation = Assert.Single(json.RootElement.GetProperty("invitations").EnumerateArray());
        Assert.Equal("new.colleague@test.example", invitation.GetProperty("email").GetString());
        Assert.Equal("Ana Costa", invitation.GetProperty("name").GetString());
        Assert.Equal(["author", "curator"], invitation.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    [Fact]
    public async Task Download_SignedOut_GoesToSignIn()
    {
        using var client = factory.CreateBrowser();

        using var response = await client.GetAsync("/account/data");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> DownloadAsync(HttpClient client)
    {
        var page = await client.GetPageAsync("/account/data");
        var form = (IHtmlFormElement)page.QuerySelector("main form.account-form")!;
        return await client.SubmitAsync(form, []);
    }
}
