using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Publishing;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Publishing;

public sealed class ScheduledPublishingStartupTests
{
    [Fact]
    public async Task SiteStart_ScheduleDueWhileItWasDown_PublishesBeforeServingAndSaysHowLate()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "skillbridge-tests", "restart-" + Guid.NewGuid().ToString("N"));
        var clock = new TestSite.ManualClock(DateTimeOffset.UtcNow);
        try
        {
            string slug;
            using (var before = new SkillBridgeWebFactory { Clock = clock, Settings = { ["SkillBridge:DataPath"] = dataPath } })
            {
                slug = await ScheduleAModuleAsync(before, clock.GetUtcNow().UtcDateTime.AddHours(1));
            }

            clock.Advance(TimeSpan.FromHours(5));
            using var after = new SkillBridgeWebFactory { Clock = clock, Settings = { ["SkillBridge:DataPath"] = dataPath } };
            using var learner = after.CreateClient();

            var page = await learner.GetPageAsync($"/modules/{slug}");

            Assert.Equal("Set an out-of-office reply", page.Text("h1"));
            await using var scope = after.Services.CreateAsyncScope();
            var note = await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().Modules
                .Where(m => m.Slug == slug).Select(m => m.PublishedRevision!.PublishNote).SingleAsync();
            Assert.Contains("published 4 h 0 min late", note, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataPath, recursive: true);
        }
    }

    private static async Task<string> ScheduleAModuleAsync(SkillBridgeWebFactory site, DateTime publishAt)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var author = new Actor("priya.shah", IsAuthor: true, IsCurator: false);
        var curator = new Actor("helen.carter", IsAuthor: false, IsCurator: true);
        var body = "Why.\n\n## Open settings\nFind automatic replies.\n\n```quiz\nquestion: Who sees the reply?\noptions:\n  - text: People who write to you\n    correct: true\n  - text: Nobody\nexplanation: It answers incoming mail.\n```\n";
        var created = await services.GetRequiredService<DraftEditor>().CreateAsync(author, new DraftContent("Set an out-of-office reply", "Tell people you are away.", "work-hacks", [], ModuleLevel.Beginner, 5, null, body, ["priya.shah"]));
        var slug = created.Value!.Module.Slug;
        Assert.True((await services.GetRequiredService<PublishingWorkflow>().SubmitAsync(slug, author)).Succeeded);
        Assert.True((await services.GetRequiredService<PublishingWorkflow>().ScheduleAsync(slug, curator, publishAt)).Succeeded);
        return slug;
    }
}
