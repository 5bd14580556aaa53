using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;
using SkillBridge.Core.People;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Progress;
using SkillBridge.Tests.TestSupport;
using static SkillBridge.Tests.Branding.MultipartForms;

namespace SkillBridge.Tests.Accounts;

public sealed class AccountDeletionTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    [Fact]
    public async Task Delete_WithTheWrongPassword_SaysSoAndChangesNothing()
    {
        var username = Infrastructure.Accounts.UniqueName("delete.wrong");
        using var client = await factory.SignedInClientAsync(username);

        using var response = await DeleteAsync(client, "not my password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("That is not your password. Nothing was deleted.", page.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.True(await UserExistsAsync(username));
        Assert.True(await PersonExistsAsync(username));
        using var again = factory.CreateBrowser();
        await again.SignInAsync(username);
    }

    [Fact]
    public async Task Delete_WithThePassword_RemovesAccountAndProfileAndSignInFails()
    {
        var username = Infrastructure.Accounts.UniqueName("delete.learner");
        using var client = await factory.SignedInClientAsync(username);

        using var response = await DeleteAsync(client, Infrastructure.Accounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/deleted", response.Headers.Location?.OriginalString);
        Assert.False(await UserExistsAsync(username));
        Assert.False(await PersonExistsAsync(username));
        using var settings = await client.GetAsync("/account/settings");
        Assert.Equal(HttpStatusCode.Redirect, settings.StatusCode);
        using var again = factory.CreateBrowser();
        using var signIn = await again.TrySignInAsync(username, Infrastructure.Accounts.Password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.DoesNotContain(await factory.AuditAsync(AuditAction.AccountCreated), e => e.Subject == username);
        Assert.Contains(await factory.AuditAsync(AuditAction.AccountDeleted), e => e.Details == "profile removed" && e.Actor == e.Subject && e.Subject.StartsWith(Person.FormerUsernamePrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delete_AnAuthor_ModulesCreditAFormerColleagueOnEveryPageAndInSearch()
    {
        using var client = await factory.SignedInClientAsync("sam.whitaker");

        using var response = await DeleteAsync(client, Infrastructure.Accounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var reader = factory.CreateClient();
        var module = await reader.GetPageAsync("/modules/keyboard-shortcuts-that-save-time");
        Assert.Contains("A former colleague", module.Text("aside"), StringComparison.Ordinal);
        Assert.DoesNotContain("Whitaker", module.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(module.QuerySelectorAll("aside a[href^='/people/']"));

        // A co-written module still links its other author.
        var shared = await reader.GetPageAsync("/modules/share-a-file-with-a-link");
        Assert.Single(shared.QuerySelectorAll("aside a[href^='/people/']"));
        Assert.Contains("A former colleague", shared.Text("aside"), StringComparison.Ordinal);

        var search = await reader.GetPageAsync("/search?q=keyboard+shortcuts");
        Assert.Contains("A former colleague", search.Text(".search-hits"), StringComparison.Ordinal);
        Assert.DoesNotContain("Whitaker", search.Body!.TextContent, StringComparison.Ordinal);
        var searchBySurname = await reader.GetPageAsync("/search?q=whitaker");
        Assert.Empty(searchBySurname.QuerySelectorAll(".search-hits li"));

        var catalogue = await reader.GetPageAsync("/?category=tools");
        Assert.DoesNotContain("Whitaker", catalogue.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("A former colleague", catalogue.Text(".cards"), StringComparison.Ordinal);
        var people = await reader.GetPageAsync("/people");
        Assert.DoesNotContain("A former colleague", people.Body!.TextContent, StringComparison.Ordinal);
        await reader.GetPageAsync("/people/sam.whitaker", HttpStatusCode.NotFound);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        var former = await db.People.SingleAsync(p => p.LeftAt != null && p.Name == Person.FormerColleagueName && db.ModuleRevisions.Any(r => r.Module.Slug == "keyboard-shortcuts-that-save-time" && r.Authors.Any(a => a.PersonId == p.Id)));
        Assert.StartsWith(Person.FormerUsernamePrefix, former.Username, StringComparison.Ordinal);
        Assert.Null(former.Email);
        Assert.Equal("", former.Bio);
        Assert.Empty(former.HelpsWith);
        await reader.GetPageAsync("/people/" + former.Username, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_ACurator_KeepsTheirReviewCommentsWithoutTheirName()
    {
        var username = Infrastructure.Accounts.UniqueName("delete.curator");
        using var client = await factory.SignedInClientAsync(username, Roles.Curator);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
            var module = await db.Modules.SingleAsync(m => m.Slug == "tame-your-inbox");
            db.ReviewComments.Add(new Core.Authoring.ReviewComment { ModuleId = module.Id, Author = username, Text = "Say why filters help.", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await DeleteAsync(client, Infrastructure.Accounts.Password);

        await using var check = factory.Services.CreateAsyncScope();
        var comment = await check.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().ReviewComments.SingleAsync(c => c.Text == "Say why filters help.");
        Assert.Equal(Person.FormerColleagueName, comment.Author);
        Assert.DoesNotContain(await factory.AuditAsync(AuditAction.AccountCreated), e => e.Subject == username);
    }

    [Fact]
    public async Task Delete_TheOnlyAdministrator_IsRefused()
    {
        var username = Infrastructure.Accounts.UniqueName("delete.admin");
        using var client = await factory.SignedInClientAsync(username, Roles.Admin);

        using var response = await DeleteAsync(client, Infrastructure.Accounts.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("only administrator", page.Text("[role=alert]"), StringComparison.Ordinal);
        Assert.True(await UserExistsAsync(username));
    }

    [Fact]
    public async Task Delete_WhenASectionFailsHalfWay_LeavesEverythingAsItWas()
    {
        using var site = new SkillBridgeWebFactory { TestServices = services => services.AddScoped<IPersonalDataSection, FailingSection>() };
        var user = await site.CreateAccountAsync("daniel.nowak");
        await using (var seed = site.Services.CreateAsyncScope())
        {
            var db = seed.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
            var module = await db.Modules.SingleAsync(m => m.Slug == "meeting-notes-that-lead-to-action");
            db.ReviewComments.Add(new Core.Authoring.ReviewComment { ModuleId = module.Id, Author = "daniel.nowak", Text = "Kept?", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var deletion = scope.ServiceProvider.GetRequiredService<AccountDeletion>();
            await Assert.ThrowsAsync<InvalidOperationException>(() => deletion.DeleteOwnAsync(user.Id, Infrastructure.Accounts.Password));
        }

        await using var check = site.Services.CreateAsyncScope();
        var after = check.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        Assert.True(await after.Users.AnyAsync(u => u.UserName == "daniel.nowak"));
        var person = await after.People.SingleAsync(p => p.Username == "daniel.nowak");
        Assert.Equal("Daniel Nowak", person.Name);
        Assert.Null(person.LeftAt);
        Assert.Equal("daniel.nowak", (await after.ReviewComments.SingleAsync(c => c.Text == "Kept?")).Author);
        Assert.Contains(await after.AuditEntries.Where(e => e.Action == AuditAction.AccountCreated).ToListAsync(), e => e.Subject == "daniel.nowak");
        Assert.DoesNotContain(await after.AuditEntries.Select(e => e.Action).ToListAsync(), a => a == AuditAction.AccountDeleted);
        using var browser = site.CreateBrowser();
        await browser.SignInAsync("daniel.nowak");
        var page = await browser.GetPageAsync("/modules/meeting-notes-that-lead-to-action");
        Assert.NotNull(page.QuerySelector("aside a[href='/people/daniel.nowak']"));
    }

    [Fact]
    public async Task DeleteFor_ByAnAdministrator_RecordsTheAdministratorAsActor()
    {
        var username = Infrastructure.Accounts.UniqueName("deleted.by.admin");
        var user = await factory.CreateAccountAsync(username);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<AccountDeletion>().DeleteForAsync(user.Id, "the.admin");
            Assert.True(result.Succeeded);
            Assert.False(result.PersonKept);
        }

        Assert.False(await UserExistsAsync(username));
        Assert.Contains(await factory.AuditAsync(AuditAction.AccountDeleted), e => e.Actor == "the.admin" && e.Subject.StartsWith(Person.FormerUsernamePrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delete_AnAuthorKeptAsAFormerColleague_LeavesTheirDepartmentAndGroupsAndKeepsTheHistory()
    {
        var user = await factory.CreateAccountAsync("jack.murphy");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
            var group = db.Groups.Add(new Core.Groups.Group { Name = "Leavers " + Guid.NewGuid().ToString("N")[..6] }).Entity;
            await db.SaveChangesAsync();
            db.GroupMemberships.Add(new Core.Groups.GroupMembership { GroupId = group.Id, PersonId = user.PersonId!.Value, JoinedAt = DateTime.UtcNow.AddDays(-1) });
            await db.SaveChangesAsync();
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<AccountDeletion>().DeleteForAsync(user.Id, "the.admin");
            Assert.True(result.PersonKept);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
            var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == user.PersonId);
            Assert.Null(person.DepartmentId);
            var stay = await db.DepartmentMemberships.AsNoTracking().SingleAsync(m => m.PersonId == person.Id);
            Assert.NotNull(stay.EndedAt);
            Assert.NotNull((await db.GroupMemberships.AsNoTracking().SingleAsync(m => m.PersonId == person.Id)).LeftAt);
        }
    }

    [Fact]
    public async Task Delete_AnAuthorKeptAsAFormerColleague_RemovesTheirPhotoBioHelpsWithAndAvailability()
    {
        var user = await factory.CreateAccountAsync("tom.okafor");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
            var photo = db.MediaFiles.Add(new Core.Media.MediaFile { Sha256 = new string('b', 63) + "2", ContentType = "image/png", Length = 10, Width = 4, Height = 4 }).Entity;
            await db.SaveChangesAsync();
            var person = db.People.Single(p => p.Id == user.PersonId);
            person.Bio = "Ask me about Excel.";
            person.HelpsWith = ["Excel"];
            person.PhotoMediaFileId = photo.Id;
            db.AvailabilityRanges.Add(new Core.Mentoring.Availability.AvailabilityRange { UserId = user.Id, Day = DayOfWeek.Friday, StartMinute = 600, EndMinute = 660 });
            db.AvailabilitySkippedWeeks.Add(new Core.Mentoring.Availability.AvailabilitySkippedWeek { UserId = user.Id, WeekStart = new DateOnly(2026, 12, 7) });
            await db.SaveChangesAsync();
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountDeletion>().DeleteForAsync(user.Id, "the.admin")).PersonKept);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
            var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == user.PersonId);
            Assert.Equal(("", 0, null), (person.Bio, person.HelpsWith.Count, person.PhotoMediaFileId));
            Assert.False(await db.AvailabilityRanges.AnyAsync(r => r.UserId == user.Id));
            Assert.False(await db.AvailabilitySkippedWeeks.AnyAsync(w => w.UserId == user.Id));
        }
    }

    [Fact]
    public async Task Delete_AccountWithAPhoto_DeletesThePhotoAndItsSmallCopy()
    {
        Media.Libvips.Require();
        var user = await factory.CreateAccountAsync("sam.whitaker");
        using var client = factory.CreateBrowser();
        await client.SignInAsync("sam.whitaker");
        using var saved = await client.PostFormAsync("/account/profile", "form.profile-form", new Dictionary<string, string> { ["Bio"] = "", ["HelpsWith"] = "" },
            new FormFile("Photo", "sam.png", TestImages.Png(300, 300, red: 40)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var sha = await factory.WithDbAsync(db => db.People.Where(p => p.Id == user.PersonId).Select(p => p.Photo!.Sha256).SingleAsync());
        using var before = await factory.CreateClient().GetAsync($"/media/{sha}-96.png");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountDeletion>().DeleteForAsync(user.Id, "the.admin")).Succeeded);
        }

        Assert.False(await factory.WithDbAsync(db => db.MediaFiles.AnyAsync(m => m.Sha256 == sha)));
        using var original = await factory.CreateClient().GetAsync($"/media/{sha}.png");
        using var copy = await factory.CreateClient().GetAsync($"/media/{sha}-96.png");
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (original.StatusCode, copy.StatusCode));
    }

    [Fact]
    public async Task Delete_PhotoThatIsAlsoAModuleCover_KeepsTheImageForTheModule()
    {
        var user = await factory.CreateAccountAsync("mei.lin");
        var cover = await factory.WithDbAsync(db => db.Modules.Where(m => m.Slug == "share-your-screen")
            .SelectMany(m => m.PublishedRevision!.Images.Where(i => i.Path == m.PublishedRevision.Cover).Select(i => i.MediaFile))
            .SingleAsync());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
            db.People.Single(p => p.Id == user.PersonId).PhotoMediaFileId = cover.Id;
            await db.SaveChangesAsync();
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountDeletion>().DeleteForAsync(user.Id, "the.admin")).Succeeded);
        }

        Assert.True(await factory.WithDbAsync(db => db.MediaFiles.AnyAsync(m => m.Id == cover.Id)));
        using var image = await factory.CreateClient().GetAsync(Core.Media.MediaUrls.Of(cover));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
    }

    private static async Task<HttpResponseMessage> DeleteAsync(HttpClient client, string password)
    {
        var page = await client.GetPageAsync("/account/delete");
        var form = (IHtmlFormElement)page.QuerySelector("main form.account-form")!;
        return await client.SubmitAsync(form, [new("Password", password)]);
    }

    private async Task<bool> UserExistsAsync(string username)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().Users.AnyAsync(u => u.UserName == username);
    }

    private async Task<bool> PersonExistsAsync(string username)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().People.AnyAsync(p => p.Username == username);
    }

    /// <summary>Registered after the real sections, so they have all erased their part when it throws.</summary>
    private sealed class FailingSection : IPersonalDataSection
    {
        public string Name => "failing";

        public Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken) => Task.FromResult<object?>(null);

        public Task EraseAsync(PersonalDataErasure erasure, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Simulated failure half-way through a deletion.");
    }
}
