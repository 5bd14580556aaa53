using System.Data.Common;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SkillBridge.Core;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Data;
using SkillBridge.Core.Mentoring;
using SkillBridge.Core.Notifications;
using SkillBridge.Core.Progress;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Mentoring;
using SkillBridge.Tests.Progress;

namespace SkillBridge.Tests.Authoring;

/// <summary>
/// The author's dashboard on My modules (/authoring): each module the author is credited on with its learners,
/// rating, stuck flags and mentoring, and the totals, after learners really took the module and asked for sessions.
/// </summary>
public sealed class AuthorDashboardTests(MentoringSite site) : IClassFixture<MentoringSite>
{
    private const string Module = MentoringSite.Module;

    [Fact]
    public async Task Dashboard_AfterLearnersTookRatedFlaggedAndAsked_ShowsTheSameNumbersAsTheFeedbackAndMentoringPages()
    {
        // Three learners reach the module; two complete it and rate it 4 and 5; two flag a step.
        var (_, first) = await site.LearnerAsync();
        await first.CompleteAsync(Module);
        await RateAsync(first, "4", "Clear, but step 2 needs the new menu.");
        await FlagAsync(first, 2, "The share button moved.");
        var (_, second) = await site.LearnerAsync();
        await second.CompleteAsync(Module);
        await RateAsync(second, "5", "");
        var (_, third) = await site.LearnerAsync();
        await third.VisitAsync(Module, 1);
        await FlagAsync(third, 1, "");

        // One request stays open; another is accepted and held.
        await site.AskAsync(first);
        var heldId = await site.AskAsync(second, site.LocalInput(TimeSpan.FromHours(2)));
        (await MentoringSite.AcceptFirstAsync(site.AuthorClient, heldId)).Dispose();
        site.Clock.Advance(TimeSpan.FromHours(3));
        using (var held = await MentoringSite.ActAsync(site.AuthorClient, heldId, "Held"))
        {
            Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        }

        var page = await site.AuthorClient.GetPageAsync("/authoring");

        var card = $"#module-{Module}";
        Assert.Equal("3", Figure(page, card, "reached"));
        Assert.Equal("2", Figure(page, card, "completions"));
        Assert.Equal("4.5 out of 5 (2 ratings)", Figure(page, card, "rating"));
        Assert.Equal("2", Figure(page, card, "stuck"));
        Assert.Equal("1", Figure(page, card, "open-requests"));
        Assert.Equal("1", Figure(page, card, "sessions-held"));
        Assert.NotNull(page.QuerySelector($"{card} a[href='/modules/{Module}/feedback']"));
        Assert.NotNull(page.QuerySelector($"{card} a[href='/mentoring']"));
        Assert.NotNull(page.QuerySelector($"{card} h3 a[href='/modules/{Module}']"));

        // The feedback page counts the same learners, completions and rating (one live revision here).
        var feedback = await site.AuthorClient.GetPageAsync($"/modules/{Module}/feedback");
        Assert.Equal("3", feedback.Text("#revision-1 [data-figure=reached]"));
        Assert.Equal("2", feedback.Text("#revision-1 [data-figure=completions]"));
        Assert.Equal("4.5 out of 5 (2 ratings)", feedback.Text("#revision-1 [data-figure=rating]"));
        Assert.Equal(2, feedback.QuerySelectorAll("#revision-1 .stuck-steps > li").Length);

        // The inbox shows the open request and the held session among the requests to Priya.
        var inbox = await site.AuthorClient.GetPageAsync("/mentoring");
        var toYou = inbox.Text("#to-you");
        Assert.Contains("Waiting for you to answer", toYou, StringComparison.Ordinal);
        Assert.Contains("Session held", toYou, StringComparison.Ordinal);

        // Totals over every module Priya is credited on: only this one had activity.
        Assert.Equal("3", Figure(page, "#totals", "reached"));
        Assert.Equal("4.5 out of 5 (2 ratings)", Figure(page, "#totals", "rating"));
        Assert.Equal("1", Figure(page, "#totals", "sessions-held"));

        // Counts only: no learner's name or comment.
        Assert.DoesNotContain("Clear, but step 2", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("learner.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ListsTheAuthorsModulesAndNotAnotherAuthors()
    {
        var page = await site.AuthorClient.GetPageAsync("/authoring");

        var listed = page.QuerySelectorAll(".dashboard-module").Select(m => m.Id).ToList();
        Assert.Contains($"module-{Module}", listed);
        Assert.Contains("module-short-video-basics", listed);
        Assert.DoesNotContain("module-keyboard-shortcuts-that-save-time", listed);
        Assert.Equal(await CreditedModuleCountAsync("priya.shah"), listed.Count);
    }

    [Fact]
    public async Task Dashboard_AnAuthorWithADraftOnly_ListsItAsNotPublished()
    {
        var username = Infrastructure.Accounts.UniqueName("new.author");
        await site.Factory.CreateAccountAsync(username, Roles.Author);
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var content = new DraftContent("Pin a chat", "Keep one chat at the top.", "tools", ["chat"], Core.Modules.ModuleLevel.Beginner, 5, null, "Intro.\n\n## Pin it\nRight-click the chat.", [username]);
            var created = await scope.ServiceProvider.GetRequiredService<DraftEditor>().CreateAsync(new Actor(username, IsAuthor: true, IsCurator: false), content);
            Assert.True(created.Succeeded, created.Message);
        }

        using var client = site.Factory.CreateBrowser();
        await client.SignInAsync(username);
        var page = await client.GetPageAsync("/authoring");

        var card = Assert.Single(page.QuerySelectorAll(".dashboard-module"));
        Assert.Contains("Not published yet", card.TextContent, StringComparison.Ordinal);
        Assert.Null(card.QuerySelector("[data-figure]"));
        Assert.Equal("0", Figure(page, "#totals", "reached"));
    }

    [Fact]
    public async Task Dashboard_AnAuthorWithNoModules_SaysSo()
    {
        using var client = await site.Factory.SignedInClientAsync(Infrastructure.Accounts.UniqueName("blank.author"), Roles.Author);

        var page = await client.GetPageAsync("/authoring");

        Assert.Contains("You have not written a module yet.", page.Text("#no-modules"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#totals"));
    }

    [Fact]
    public async Task Dashboard_ForALearner_IsForbidden()
    {
        var (_, learner) = await site.LearnerAsync();

        using var response = await learner.GetAsync("/authoring");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_SignedOut_GoesToSignIn()
    {
        using var client = site.Factory.CreateBrowser();

        using var response = await client.GetAsync("/authoring");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_RunsAFixedNumberOfQueriesWhateverTheNumberOfModules()
    {
        // Priya is credited on five modules, Sam Whitaker on three: the same number of queries either way.
        var many = await CountQueriesAsync("priya.shah");
        var one = await CountQueriesAsync("sam.whitaker");

        Assert.InRange(one, 1, 8);
        Assert.Equal(one, many);
    }

    private static string Figure(IHtmlDocument page, string scope, string figure) =>
        page.Text($"{scope} [data-figure={figure}]");

    private static async Task RateAsync(HttpClient client, string stars, string comment)
    {
        var finish = await client.GetPageAsync($"/modules/{Module}/finish");
        var form = (IHtmlFormElement)finish.QuerySelector("#rating form")!;
        using var response = await client.SubmitAsync(form, [new("stars", stars), new("comment", comment)]);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK);
    }

    private static async Task FlagAsync(HttpClient client, int step, string note)
    {
        var page = await client.GetPageAsync($"/modules/{Module}/steps/{step}");
        var form = (IHtmlFormElement)page.QuerySelector("#stuck form")!;
        using var response = await client.SubmitAsync(form, [new("note", note)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<int> CreditedModuleCountAsync(string username)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().Modules
            .CountAsync(m => m.PublishedRevision != null && m.Status != Core.Modules.ModuleStatus.Archived && m.PublishedRevision.Authors.Any(a => a.Person.Username == username));
    }

    private async Task<int> CountQueriesAsync(string username)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var options = services.GetRequiredService<IOptions<SkillBridgeOptions>>().Value;
        var counter = new QueryCounter();
        var builder = new DbContextOptionsBuilder<SkillBridgeDbContext>();
        DependencyInjection.Configure(builder, options);
        builder.AddInterceptors(counter);
        await using var db = new SkillBridgeDbContext(builder.Options);
        var userId = await db.Users.Where(u => u.UserName == username).Select(u => u.Id).FirstOrDefaultAsync() ?? "no-account";
        var sut = new AuthorDashboardService(
            ActivatorUtilities.CreateInstance<DraftEditor>(services, db),
            ActivatorUtilities.CreateInstance<FeedbackService>(services, db),
            ActivatorUtilities.CreateInstance<MentoringService>(services, db, ActivatorUtilities.CreateInstance<NotificationService>(services, db)));
        var before = counter.Count;

        await sut.ForAuthorAsync(username, userId);

        return counter.Count - before;
    }

    /// <summary>Counts the commands one context sends to the database.</summary>
    private sealed class QueryCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => _count;

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
        }
    }
}
