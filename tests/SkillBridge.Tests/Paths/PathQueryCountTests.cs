using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SkillBridge.Core;
using SkillBridge.Core.Content;
using SkillBridge.Core.Data;
using SkillBridge.Core.Paths;
using SkillBridge.Core.Progress;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Progress;

namespace SkillBridge.Tests.Paths;

/// <summary>The learner's states on cards and on the path page cost the same number of queries for few modules or many (no N+1).</summary>
public sealed class PathQueryCountTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    [Fact]
    public async Task CardStates_OneCardOrEveryModule_OneQuery()
    {
        var (client, username) = await factory.NewLearnerAsync();
        await client.CompleteAsync("share-your-screen");
        await client.VisitAsync("join-a-teams-meeting", 2);
        var userId = await factory.UserIdAsync(username);
        var every = await factory.WithDbAsync(db => db.Modules.Select(m => m.Slug).ToListAsync());

        var (one, oneState) = await CountAsync((db, _) => new LearnerModuleStates(db).ForSlugsAsync(userId, ["share-your-screen"]));
        var (all, allStates) = await CountAsync((db, _) => new LearnerModuleStates(db).ForSlugsAsync(userId, every));

        Assert.Equal(1, one);
        Assert.Equal(1, all);
        Assert.Equal("Completed", Assert.Single(oneState).Value.Text);
        Assert.Equal("Step 2 of 4", allStates["join-a-teams-meeting"].Text);
        Assert.Equal(2, allStates.Count);
    }

    [Fact]
    public async Task PathProgress_OneModuleOrFour_SameNumberOfQueries()
    {
        var (client, username) = await factory.NewLearnerAsync();
        await client.CompleteAsync("share-your-screen");
        await client.VisitAsync("join-a-teams-meeting", 2);
        var userId = await factory.UserIdAsync(username);
        var small = await CreatePathAsync(["join-a-teams-meeting"]);
        var large = await CreatePathAsync(["share-your-screen", "join-a-teams-meeting", "teams-channels-vs-chats", "spot-a-phishing-message"]);
        await CountAsync((db, services) => Sut(db, services).ForLearnerAsync(userId, small));
        await CountAsync((db, services) => Sut(db, services).ForLearnerAsync(userId, large));

        var (few, smallPath) = await CountAsync((db, services) => Sut(db, services).ForLearnerAsync(userId, small));
        var (many, largePath) = await CountAsync((db, services) => Sut(db, services).ForLearnerAsync(userId, large));

        Assert.Equal(few, many);
        Assert.Equal(4, largePath!.ModuleCount);
        Assert.Equal("/modules/join-a-teams-meeting/steps/2", largePath.Next!.Url);
        Assert.Equal(smallPath!.Next, largePath.Next);
    }

    private static PathProgressService Sut(SkillBridgeDbContext db, IServiceProvider services) =>
        new(
            db,
            new LearnerModuleStates(db),
            ActivatorUtilities.CreateInstance<ProgressService>(services, db),
            ActivatorUtilities.CreateInstance<RenderedModuleCache>(services, db),
            TimeProvider.System);

    private async Task<(int Queries, T Result)> CountAsync<T>(Func<SkillBridgeDbContext, IServiceProvider, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<SkillBridgeOptions>>().Value;
        var counter = new QueryCounter();
        var builder = new DbContextOptionsBuilder<SkillBridgeDbContext>();
        DependencyInjection.Configure(builder, options);
        builder.AddInterceptors(counter);
        await using var db = new SkillBridgeDbContext(builder.Options);
        var result = await work(db, scope.ServiceProvider);
        return (counter.Count, result);
    }

    private Task<string> CreatePathAsync(string[] modules) =>
        factory.WithDbAsync(async db =>
        {
            var slug = Infrastructure.Accounts.UniqueName("counted").Replace('.', '-');
            var ids = await db.Modules.Where(m => modules.Contains(m.Slug)).ToDictionaryAsync(m => m.Slug, m => m.Id);
            var path = new LearningPath { Slug = slug, Title = slug, Status = PathStatus.Published };
            for (var i = 0; i < modules.Length; i++)
            {
                path.Modules.Add(new LearningPathModule { ModuleId = ids[modules[i]], Position = i });
            }

            db.LearningPaths.Add(path);
            await db.SaveChangesAsync();
            return slug;
        });

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
