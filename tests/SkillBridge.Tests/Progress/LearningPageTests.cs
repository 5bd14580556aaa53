using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Publishing;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.TestSupport;
using static SkillBridge.Tests.Progress.Learners;

namespace SkillBridge.Tests.Progress;

/// <summary>The site at 23:30 UTC on 22 November 2026, so a completion date differs between time zones.</summary>
public sealed class LateEveningSite : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 23, 30, 0, TimeSpan.Zero);

    public SkillBridgeWebFactory Factory { get; } = new() { Clock = new TestSite.ManualClock(Now) };

    public void Dispose() => Factory.Dispose();
}

/// <summary>"My learning": in progress with how far, completed with the date in the viewer's zone, and modules updated since.</summary>
public sealed class LearningPageTests(LateEveningSite site) : IClassFixture<LateEveningSite>
{
    private readonly SkillBridgeWebFactory _factory = site.Factory;

    [Fact]
    public async Task Learning_NothingStarted_ExplainsWhatWillAppear()
    {
        var (client, _) = await _factory.NewLearnerAsync();

        var page = await client.GetPageAsync("/learning");

        Assert.Contains("You have not started a module yet", page.Text("#learning-empty"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Learning_ModuleStarted_ShowsHowFarWithALinkToContinue()
    {
        var (client, _) = await _factory.NewLearnerAsync();
        await client.VisitAsync(Module, 1);
        await client.VisitAsync(Module, 2);

        var page = await client.GetPageAsync("/learning");

        var item = page.QuerySelector("#in-progress li")!;
        Assert.Contains("Share one window", item.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Step 2 of 4", item.TextContent, StringComparison.Ordinal);
        Assert.NotNull(item.QuerySelector($"a.button[href='/modules/{Module}/steps/2']"));
        Assert.Null(page.QuerySelector("#completed"));
    }

    [Fact]
    public async Task Learning_ModuleCompleted_ShowsTheDateInTheViewersTimeZone()
    {
        var username = Infrastructure.Accounts.UniqueName("kiwi");
        await _factory.CreateAccountAsync(username);
        await _factory.WithDbAsync(db => db.Users.Where(u => u.UserName == username).ExecuteUpdateAsync(u => u.SetProperty(x => x.TimeZoneId, "Pacific/Auckland")));
        using var client = _factory.CreateBrowser();
        await client.SignInAsync(username);
        await client.CompleteAsync(Module);

        var page = await client.GetPageAsync("/learning");

        var item = page.QuerySelector("#completed li")!;
        Assert.Contains("Completed on 23 November 2026", item.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-11-23", item.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Null(page.QuerySelector("#in-progress"));
        Assert.Null(item.QuerySelector(".updated-since"));
    }

    [Fact]
    public async Task Learning_CompletedModulePublishedAgain_IsFlaggedAsUpdatedSince()
    {
        const string slug = "tame-your-inbox";
        var (client, _) = await _factory.NewLearnerAsync();
        await client.CompleteAsync(slug);

        await RepublishAsync(slug);

        var page = await client.GetPageAsync("/learning");
        var item = page.QuerySelector("#completed li")!;
        Assert.Contains("Updated since you completed it.", item.QuerySelector(".updated-since")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(item.QuerySelector($".updated-since a[href='/modules/{slug}']"));

        var module = await client.GetPageAsync($"/modules/{slug}");
        Assert.Contains("Updated since you completed it.", module.Text("#completion"), StringComparison.Ordinal);
        Assert.Equal("Continue at step 4", module.Text("#start-module"));
    }

    [Fact]
    public async Task Step_AfterTheModuleWasPublishedAgain_StartsProgressOnTheNewRevision()
    {
        const string slug = "spot-a-phishing-message";
        var (client, username) = await _factory.NewLearnerAsync();
        await client.VisitAsync(slug, 3);

        await RepublishAsync(slug);
        await client.VisitAsync(slug, 3);

        var rows = await _factory.ProgressOfAsync(username);
        Assert.Equal(2, rows.Count);
        Assert.Equal(2, rows.Select(r => r.RevisionId).Distinct().Count());
    }

    [Fact]
    public async Task Learning_Anonymous_IsSentToSignIn()
    {
        using var client = _factory.CreateBrowser();

        using var response = await client.GetAsync("/learning");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/signin", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
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
