using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Data;
using SkillBridge.Core.Publishing;
using SkillBridge.Tests.Authoring;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Publishing;

public sealed class ScheduledPublishingTests
{
    private static readonly DateTime InOneHour = TestSite.Now.UtcDateTime.AddHours(1);

    [Fact]
    public async Task ScheduleAsync_TimeInThePast_IsRefused()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = await SubmittedAsync(site);

        var result = await ScheduleAsync(site, slug, TestSite.Now.UtcDateTime.AddMinutes(-1));

        Assert.Equal(AuthoringFailure.Invalid, result.Failure);
    }

    [Fact]
    public async Task RunDueAsync_BeforeTheTime_PublishesNothing()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = await SubmittedAsync(site);
        await ScheduleAsync(site, slug, InOneHour);
        site.Site.Clock.Advance(TimeSpan.FromMinutes(59));

        var outcomes = await RunAsync(site);

        Assert.Empty(outcomes);
        Assert.Equal(DraftState.Scheduled, await site.Site.WithDbAsync(db => db.ModuleDrafts.Select(d => d.State).SingleAsync()));
    }

    [Fact]
    public async Task RunDueAsync_OnTime_PublishesCreditingTheCuratorWithoutALateNote()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = await SubmittedAsync(site);
        await ScheduleAsync(site, slug, InOneHour);
        site.Site.Clock.Advance(TimeSpan.FromMinutes(60.5));

        var outcome = Assert.Single(await RunAsync(site));

        Assert.True(outcome.Published);
        var revision = await site.Site.WithDbAsync(db => db.Modules.Where(m => m.Slug == slug).Select(m => m.PublishedRevision!).SingleAsync());
        Assert.Equal("helen.carter", revision.CreatedBy);
        Assert.Null(revision.PublishNote);
    }

    [Fact]
    public async Task RunDueAsync_DueWhileTheSiteWasDown_PublishesAndSaysHowLate()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = await SubmittedAsync(site);
        await ScheduleAsync(site, slug, InOneHour);
        site.Site.Clock.Advance(TimeSpan.FromHours(4));

        var outcome = Assert.Single(await RunAsync(site));

        Assert.Equal(TimeSpan.FromHours(3), outcome.Late);
        var note = await site.Site.WithDbAsync(db => db.Modules.Where(m => m.Slug == slug).Select(m => m.PublishedRevision!.PublishNote).SingleAsync());
        Assert.Contains("published 3 h 0 min late", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunDueAsync_TwoNodesAtOnce_PublishesExactlyOnce()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = await SubmittedAsync(site);
        await ScheduleAsync(site, slug, InOneHour);
        site.Site.Clock.Advance(TimeSpan.FromHours(2));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => RunAsync(site))));

        Assert.Equal(1, results.Sum(r => r.Count));
        Assert.Equal(1, await site.Site.WithDbAsync(db => db.ModuleRevisions.CountAsync(r => r.Module.Slug == slug)));
    }

    [Fact]
    public async Task RunDueAsync_PublishFails_ReturnsTheDraftToReviewWithTheReason()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = await SubmittedAsync(site);
        await ScheduleAsync(site, slug, InOneHour);
        await site.Site.WithDbAsync(async db =>
        {
            // Behind the editor's back, as a person removed since the draft was scheduled would be.
            var draft = await db.ModuleDrafts.SingleAsync();
            draft.Authors = ["someone.gone"];
            return await db.SaveChangesAsync();
        });
        site.Site.Clock.Advance(TimeSpan.FromHours(2));

        var outcome = Assert.Single(await RunAsync(site));

        Assert.False(outcome.Published);
        var draft = await site.Site.WithDbAsync(db => db.ModuleDrafts.SingleAsync());
        Assert.Equal(DraftState.InReview, draft.State);
        Assert.Contains("someone.gone", draft.ScheduleProblem, StringComparison.Ordinal);
        Assert.Contains(await ListQueueAsync(site), i => i.ScheduleProblem is not null);
    }

    [Fact]
    public async Task RunDueAsync_SchedulingCuratorIsAnAuthor_ReturnsTheDraftToReviewWithTheReason()
    {
        await using var site = await AuthoringSite.CreateAsync();
        var slug = await SubmittedAsync(site);
        await ScheduleAsync(site, slug, InOneHour);
        await site.Site.WithDbAsync(async db =>
        {
            // As a schedule set before curators were kept from publishing their own modules would be.
            var draft = await db.ModuleDrafts.SingleAsync();
            draft.Authors = [.. draft.Authors, AuthoringSite.Curator.Username];
            return await db.SaveChangesAsync();
        });
        site.Site.Clock.Advance(TimeSpan.FromHours(2));

        var outcome = Assert.Single(await RunAsync(site));

        Assert.False(outcome.Published);
        Assert.Equal(0, await site.Site.WithDbAsync(db => db.ModuleRevisions.CountAsync(r => r.Module.Slug == slug)));
        var draft = await site.Site.WithDbAsync(db => db.ModuleDrafts.SingleAsync());
        Assert.Equal(DraftState.InReview, draft.State);
        Assert.Contains(PublishingWorkflow.OwnModuleMessage, draft.ScheduleProblem, StringComparison.Ordinal);
    }

    private static async Task<string> SubmittedAsync(AuthoringSite site)
    {
        var slug = (await site.CreateAsync(AuthoringSite.Content())).Value!.Module.Slug;
        Assert.True((await site.SubmitAsync(slug)).Succeeded);
        return slug;
    }

    private static Task<AuthoringResult<ModuleDraft>> ScheduleAsync(AuthoringSite site, string slug, DateTime at) =>
        site.WithAsync(s => s.GetRequiredService<PublishingWorkflow>().ScheduleAsync(slug, AuthoringSite.Curator, at));

    private static Task<IReadOnlyList<ScheduledPublishOutcome>> RunAsync(AuthoringSite site) =>
        site.WithAsync(s => s.GetRequiredService<ScheduledPublishing>().RunDueAsync());

    private static Task<List<ReviewQueueItem>> ListQueueAsync(AuthoringSite site) =>
        site.WithAsync(s => s.GetRequiredService<ReviewQueueService>().ListAsync());
}
