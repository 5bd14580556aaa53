using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Assignments;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Paths;
using SkillBridge.Core.Publishing;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Progress;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Paths;

/// <summary>A site on a clock the tests move, so "set once" and "added after the completion" can be seen.</summary>
public sealed class PathLearnerSite : IDisposable
{
    public TestSite.ManualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    public SkillBridgeWebFactory Factory { get; }

    public PathLearnerSite() => Factory = new SkillBridgeWebFactory { Clock = Clock };

    public void Dispose() => Factory.Dispose();
}

/// <summary>Learners on a path: progress on the path page, Start/Continue, Next in path, completion, New in this path, the certificate.</summary>
public sealed class PathLearnerTests(PathLearnerSite site) : IClassFixture<PathLearnerSite>
{
    private const string Teams = "first-week-on-teams";
    private static readonly string[] TeamsModules = ["join-a-teams-meeting", "share-your-screen", "teams-channels-vs-chats"];

    private readonly SkillBridgeWebFactory _factory = site.Factory;

    [Fact]
    public async Task PathPage_Anonymous_ShowsNoProgressAndNoButton()
    {
        using var client = _factory.CreateBrowser();

        var page = await client.GetPageAsync($"/paths/{Teams}");

        Assert.Null(page.QuerySelector("#path-progress"));
        Assert.Null(page.QuerySelector(".learner-state"));
        Assert.Equal(3, page.QuerySelectorAll(".path-modules h2 a").Length);
    }

    [Fact]
    public async Task PathPage_NewLearner_ShowsEveryModuleNotStartedAndStartPath()
    {
        var (client, _) = await _factory.NewLearnerAsync();

        var page = await client.GetPageAsync($"/paths/{Teams}");

        Assert.Equal("0 of 3 done", page.Text("#path-done"));
        Assert.Equal(["Not started", "Not started", "Not started"], States(page));
        var button = page.QuerySelector("#path-action")!;
        Assert.Equal("BUTTON", button.TagName);
        Assert.Equal("Start path", button.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#path-progress form[method=post] input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task StartPath_NothingTaken_PutsTheLearnerOnThePathOnceAndOpensTheFirstModuleAtStepOne()
    {
        var (client, username) = await _factory.NewLearnerAsync();

        using var first = await StartAsync(client, Teams);
        using var again = await StartAsync(client, Teams);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/modules/join-a-teams-meeting/steps/1", first.Headers.Location!.OriginalString);
        var row = Assert.Single(await PathRowsAsync(username));
        Assert.Null(row.CompletedAt);
        var page = await client.GetPageAsync($"/paths/{Teams}");
        Assert.Equal("Continue path", page.Text("#path-action"));
        Assert.Equal("/modules/join-a-teams-meeting/steps/1", page.QuerySelector("#path-action")!.GetAttribute("href"));
    }

    [Fact]
    public async Task StartPath_Anonymous_IsSentToSignInAndStoresNothing()
    {
        using var client = _factory.CreateBrowser();
        var before = await _factory.WithDbAsync(db => db.PathProgress.CountAsync());

        var signIn = await client.GetPageAsync("/account/signin");
        var token = signIn.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        using var response = await client.PostAsync($"/paths/{Teams}?handler=Start", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/signin", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(before, await _factory.WithDbAsync(db => db.PathProgress.CountAsync()));
    }

    [Fact]
    public async Task ContinuePath_FirstModuleCompletedSecondStarted_OpensTheSecondAtItsLastStep()
    {
        var (client, _) = await _factory.NewLearnerAsync();
        using (await StartAsync(client, Teams))
        {
        }

        await client.CompleteAsync(TeamsModules[0]);
        await client.VisitAsync(TeamsModules[1], 1);
        await client.VisitAsync(TeamsModules[1], 3);

        var page = await client.GetPageAsync($"/paths/{Teams}");
        Assert.Equal("1 of 3 done", page.Text("#path-done"));
        Assert.Equal(["Completed", "Step 3 of 4", "Not started"], States(page));
        Assert.Equal("Continue path", page.Text("#path-action"));
        Assert.Equal($"/modules/{TeamsModules[1]}/steps/3", page.QuerySelector("#path-action")!.GetAttribute("href"));
    }

    [Fact]
    public async Task StartPath_ModuleStartedBefore_OpensItAtTheStepTheLearnerWasOn()
    {
        var (client, _) = await _factory.NewLearnerAsync();
        await client.VisitAsync(TeamsModules[0], 2);

        using var response = await StartAsync(client, Teams);

        Assert.Equal($"/modules/{TeamsModules[0]}/steps/2", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task FinishPage_ModuleOfAPathTheLearnerIsOn_OffersNextInThePath()
    {
        var (client, _) = await _factory.NewLearnerAsync();
        using (await StartAsync(client, Teams))
        {
        }

        await client.CompleteAsync(TeamsModules[0]);
        var finish = await client.GetPageAsync($"/modules/{TeamsModules[0]}/finish");

        var next = finish.QuerySelector("#next-in-path a")!;
        Assert.Equal("Next in Your first week on Teams", next.TextContent.Trim());
        Assert.Equal($"/modules/{TeamsModules[1]}/steps/1", next.GetAttribute("href"));
    }

    [Fact]
    public async Task FinishPage_LearnerNotOnThePath_OffersNoNextInPath()
    {
        var (client, _) = await _factory.NewLearnerAsync();

        await client.CompleteAsync(TeamsModules[0]);
        var finish = await client.GetPageAsync($"/modules/{TeamsModules[0]}/finish");

        Assert.Null(finish.QuerySelector("#next-in-path"));
    }

    [Fact]
    public async Task CompletingEveryModule_CompletesThePathOnce_AndTheLastFinishPageLinksToTheCertificate()
    {
        var (client, username) = await _factory.NewLearnerAsync();
        using (await StartAsync(client, Teams))
        {
        }

        await client.CompleteAsync(TeamsModules[0]);
        await client.CompleteAsync(TeamsModules[1]);
        Assert.Null(Assert.Single(await PathRowsAsync(username)).CompletedAt);
        await client.CompleteAsync(TeamsModules[2]);

        var completedAt = Assert.Single(await PathRowsAsync(username)).CompletedAt;
        Assert.Equal(site.Clock.GetUtcNow().UtcDateTime, completedAt);
        var finish = await client.GetPageAsync($"/modules/{TeamsModules[2]}/finish");
        var link = finish.QuerySelector("#next-in-path a")!;
        Assert.Equal("Path complete — see your certificate", link.TextContent.Trim());
        Assert.Equal($"/paths/{Teams}/certificate", link.GetAttribute("href"));
        var page = await client.GetPageAsync($"/paths/{Teams}");
        Assert.Equal("3 of 3 done", page.Text("#path-done"));
        Assert.NotNull(page.QuerySelector($"#path-completed a[href='/paths/{Teams}/certificate']"));
        Assert.Null(page.QuerySelector("#path-action"));

        site.Clock.Advance(TimeSpan.FromHours(2));
        await RepublishAsync(TeamsModules[2]);
        await client.CompleteAsync(TeamsModules[2]);
        await client.GetPageAsync($"/paths/{Teams}");
        using (await StartAsync(client, Teams))
        {
        }

        Assert.Equal(completedAt, Assert.Single(await PathRowsAsync(username)).CompletedAt);
    }

    [Fact]
    public async Task Completion_UnavailableModuleOnThePath_DoesNotCountAndIsNotShown()
    {
        var draft = await AddDraftModuleAsync();
        var path = await CreatePathAsync(["share-your-screen", draft]);
        var (client, username) = await _factory.NewLearnerAsync();
        using (await StartAsync(client, path))
        {
        }

        await client.CompleteAsync("share-your-screen");

        Assert.NotNull(Assert.Single(await PathRowsAsync(username)).CompletedAt);
        var page = await client.GetPageAsync($"/paths/{path}");
        Assert.Equal("1 of 1 done", page.Text("#path-done"));
        Assert.Equal(["Completed"], States(page));
    }

    [Fact]
    public async Task StartPath_ModuleCompletedInAnOlderRevision_CountsAndCompletesThePath()
    {
        const string slug = "spot-a-phishing-message";
        var (client, username) = await _factory.NewLearnerAsync();
        await client.CompleteAsync(slug);
        await RepublishAsync(slug);
        var path = await CreatePathAsync([slug]);

        using var response = await StartAsync(client, path);

        Assert.Equal($"/paths/{path}/certificate", response.Headers.Location!.OriginalString);
        Assert.NotNull(Assert.Single(await PathRowsAsync(username)).CompletedAt);
        var page = await client.GetPageAsync($"/paths/{path}");
        Assert.Equal(["Completed"], States(page));
    }

    [Fact]
    public async Task PathPage_ModuleAddedAfterTheCompletion_IsNewInThisPathAndThePathStaysCompleted()
    {
        var path = await CreatePathAsync(["share-your-screen"]);
        var (client, username) = await _factory.NewLearnerAsync();
        using (await StartAsync(client, path))
        {
        }

        await client.CompleteAsync("share-your-screen");
        var completedAt = Assert.Single(await PathRowsAsync(username)).CompletedAt;
        site.Clock.Advance(TimeSpan.FromDays(1));
        await AddToPathAsync(path, "join-a-teams-meeting", site.Clock.GetUtcNow().UtcDateTime);

        var page = await client.GetPageAsync($"/paths/{path}");

        Assert.Equal("1 of 2 done", page.Text("#path-done"));
        var items = page.QuerySelectorAll(".path-modules > li").ToList();
        Assert.Null(items[0].QuerySelector(".new-in-path"));
        Assert.Equal("New in this path", items[1].QuerySelector(".new-in-path")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#path-completed"));
        Assert.Equal("/modules/join-a-teams-meeting/steps/1", page.QuerySelector("#path-action")!.GetAttribute("href"));
        Assert.Equal(completedAt, Assert.Single(await PathRowsAsync(username)).CompletedAt);
    }

    [Fact]
    public async Task AssignedPath_CompletedWithoutStartPath_IsOnThePathCompletesAndGivesTheCertificate()
    {
        var slug = await CreatePathAsync([TeamsModules[0], TeamsModules[1]]);
        var (client, username) = await _factory.NewLearnerAsync();
        await _factory.WithDbAsync(async db =>
        {
            var personId = await db.Users.Where(u => u.UserName == username).Select(u => u.PersonId!.Value).SingleAsync();
            var pathId = await db.LearningPaths.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            var assignment = new Assignment { LearningPathId = pathId, AssignedAt = site.Clock.GetUtcNow().UtcDateTime };
            assignment.Targets.Add(new AssignmentTarget { Kind = AssignmentTargetKind.Person, TargetId = personId });
            db.Assignments.Add(assignment);
            await db.SaveChangesAsync();
            db.LearnerAssignments.Add(new LearnerAssignment { AssignmentId = assignment.Id, PersonId = personId, ViaKind = AssignmentTargetKind.Person, ViaId = personId, AssignedAt = assignment.AssignedAt });
            return await db.SaveChangesAsync();
        });

        var before = await client.GetPageAsync($"/paths/{slug}");
        Assert.Equal("Start path", before.Text("a#path-action"));

        await client.CompleteAsync(TeamsModules[0]);
        var finish = await client.GetPageAsync($"/modules/{TeamsModules[0]}/finish");
        Assert.Contains("Next in Path " + slug, finish.Text("#next-in-path"), StringComparison.Ordinal);
        await client.CompleteAsync(TeamsModules[1]);

        Assert.NotNull(Assert.Single(await PathRowsAsync(username)).CompletedAt);
        using var certificate = await client.GetAsync($"/paths/{slug}/certificate");
        Assert.Equal(HttpStatusCode.OK, certificate.StatusCode);
    }

    [Fact]
    public async Task Certificate_CompletedPath_ShowsTheLearnerThePathTheDateInTheirZoneAndTheAuthors()
    {
        var username = Infrastructure.Accounts.UniqueName("certified");
        var account = await _factory.CreateAccountAsync(username);
        await _factory.WithDbAsync(async db =>
        {
            await db.Users.Where(u => u.Id == account.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZoneId, "Pacific/Auckland"));
            await db.People.Where(p => p.Id == account.PersonId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "Ada Mensah"));
            var pathId = await db.LearningPaths.Where(p => p.Slug == Teams).Select(p => p.Id).SingleAsync();
            db.PathProgress.Add(new PathProgress
            {
                UserId = account.Id,
                LearningPathId = pathId,
                StartedAt = new DateTime(2026, 2, 20, 9, 0, 0, DateTimeKind.Utc),
                CompletedAt = new DateTime(2026, 3, 1, 12, 30, 0, DateTimeKind.Utc),
            });
            return await db.SaveChangesAsync();
        });
        using var client = _factory.CreateBrowser();
        await client.SignInAsync(username);

        var page = await client.GetPageAsync($"/paths/{Teams}/certificate");

        Assert.Equal("Ada Mensah", page.Text("#certificate-name"));
        Assert.Equal("Your first week on Teams", page.Text("#certificate-path"));
        Assert.Equal("2 March 2026", page.Text("#certificate-date"));
        Assert.Equal("Taught by colleagues: Tom Okafor, Priya Shah and Daniel Nowak", page.Text("#certificate-authors"));
        Assert.NotNull(page.QuerySelector("button[data-print][hidden]"));
    }

    [Fact]
    public async Task Certificate_NotCompletedOrSomeoneElses_IsNotFound()
    {
        var (finisher, _) = await _factory.NewLearnerAsync();
        var path = await CreatePathAsync(["join-a-teams-meeting"]);
        using (await StartAsync(finisher, path))
        {
        }

        await finisher.CompleteAsync("join-a-teams-meeting");
        var (other, _) = await _factory.NewLearnerAsync();
        using (await StartAsync(other, path))
        {
        }

        using var mine = await finisher.GetAsync($"/paths/{path}/certificate");
        using var notMine = await other.GetAsync($"/paths/{path}/certificate");
        using var noPath = await finisher.GetAsync("/paths/no-such-path/certificate");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noPath.StatusCode);
    }

    [Fact]
    public async Task Cards_CatalogueSearchAndProfile_ShowTheLearnersOwnState()
    {
        var (client, _) = await _factory.NewLearnerAsync();
        await client.CompleteAsync("share-your-screen");
        await client.VisitAsync("join-a-teams-meeting", 2);
        var (stranger, _) = await _factory.NewLearnerAsync();

        var catalogue = await client.GetPageAsync("/?category=tools");
        var search = await client.GetPageAsync("/search?q=teams");
        var profile = await client.GetPageAsync("/people/tom.okafor");
        var strangers = await stranger.GetPageAsync("/?category=tools");

        foreach (var page in new[] { catalogue, profile })
        {
            Assert.Equal("Completed", CardState(page, ".card", "share-your-screen"));
            Assert.Equal("Step 2 of 4", CardState(page, ".card", "join-a-teams-meeting"));
            Assert.Null(CardState(page, ".card", "teams-channels-vs-chats"));
        }

        Assert.Equal("Step 2 of 4", CardState(search, ".search-hits > li", "join-a-teams-meeting"));
        Assert.Null(CardState(search, ".search-hits > li", "teams-channels-vs-chats"));
        Assert.Empty(strangers.QuerySelectorAll(".learner-state"));
    }

    [Fact]
    public async Task PersonalData_ExportHoldsTheLearnersPaths_AndDeletingTheAccountRemovesThem()
    {
        var path = await CreatePathAsync(["join-a-teams-meeting"]);
        var (client, username) = await _factory.NewLearnerAsync();
        using (await StartAsync(client, path))
        {
        }

        await client.CompleteAsync("join-a-teams-meeting");
        var (other, _) = await _factory.NewLearnerAsync();
        using (await StartAsync(other, path))
        {
        }

        var data = await client.GetPageAsync("/account/data");
        using var download = await client.SubmitAsync((IHtmlFormElement)data.QuerySelector("main form.account-form")!, []);
        using var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        var exported = Assert.Single(json.RootElement.GetProperty("learningPaths").EnumerateArray());
        Assert.Equal(path, exported.GetProperty("path").GetString());
        Assert.NotEqual(JsonValueKind.Null, exported.GetProperty("completedAtUtc").ValueKind);

        var userId = await _factory.UserIdAsync(username);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var deleted = await scope.ServiceProvider.GetRequiredService<AccountDeletion>().DeleteForAsync(userId, "test.admin");
            Assert.True(deleted.Succeeded);
        }

        var left = await _factory.WithDbAsync(db => db.PathProgress.AsNoTracking().Where(r => db.LearningPaths.Any(p => p.Id == r.LearningPathId && p.Slug == path)).ToListAsync());
        Assert.DoesNotContain(left, r => r.UserId == userId);
        Assert.Single(left);
    }

    private static List<string> States(IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".path-modules .learner-state .state").Select(s => s.TextContent.Trim())];

    private static string? CardState(IHtmlDocument page, string cardSelector, string slug) =>
        page.QuerySelectorAll(cardSelector)
            .Single(c => c.QuerySelector($"h2 a[href='/modules/{slug}']") is not null)
            .QuerySelector(".learner-state")?.TextContent.Trim();

    private static Task<HttpResponseMessage> StartAsync(HttpClient client, string path) =>
        client.PostHandlerAsync($"/paths/{path}", "Start", []);

    private Task<List<PathProgress>> PathRowsAsync(string username) =>
        _factory.WithDbAsync(db => db.PathProgress.AsNoTracking().Where(r => db.Users.Any(u => u.Id == r.UserId && u.UserName == username)).ToListAsync());

    /// <summary>A path of its own for one test, so other tests' paths and modules stay as the starter content has them.</summary>
    private async Task<string> CreatePathAsync(string[] modules)
    {
        var slug = Infrastructure.Accounts.UniqueName("path").Replace('.', '-');
        await _factory.WithDbAsync(async db =>
        {
            var ids = await db.Modules.Where(m => modules.Contains(m.Slug)).ToDictionaryAsync(m => m.Slug, m => m.Id);
            var path = new LearningPath { Slug = slug, Title = "Path " + slug, Status = PathStatus.Published };
            for (var i = 0; i < modules.Length; i++)
            {
                path.Modules.Add(new LearningPathModule { ModuleId = ids[modules[i]], Position = i, AddedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
            }

            db.LearningPaths.Add(path);
            return await db.SaveChangesAsync();
        });
        return slug;
    }

    private Task<int> AddToPathAsync(string path, string module, DateTime addedAt) =>
        _factory.WithDbAsync(async db =>
        {
            var learningPath = await db.LearningPaths.Include(p => p.Modules).SingleAsync(p => p.Slug == path);
            var moduleId = await db.Modules.Where(m => m.Slug == module).Select(m => m.Id).SingleAsync();
            learningPath.Modules.Add(new LearningPathModule { ModuleId = moduleId, Position = learningPath.Modules.Count, AddedAt = addedAt });
            return await db.SaveChangesAsync();
        });

    /// <summary>A module that was never published: on a path it is unavailable to learners.</summary>
    private async Task<string> AddDraftModuleAsync()
    {
        var slug = Infrastructure.Accounts.UniqueName("draft").Replace('.', '-');
        await _factory.WithDbAsync(db =>
        {
            db.Modules.Add(new Module { Slug = slug, Status = ModuleStatus.Draft, CreatedAt = site.Clock.GetUtcNow().UtcDateTime });
            return db.SaveChangesAsync();
        });
        return slug;
    }

    /// <summary>A curator publishes the module again through the real workflow: a new revision with the same content.</summary>
    private async Task RepublishAsync(string slug)
    {
        var curator = new Actor("helen.carter", IsAuthor: false, IsCurator: true);
        await using var scope = _factory.Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<PublishingWorkflow>();
        var submitted = await workflow.SubmitAsync(slug, curator);
        Assert.True(submitted.Succeeded, submitted.Message);
        var published = await workflow.PublishAsync(slug, curator);
        Assert.True(published.Succeeded, published.Message);
    }
}
