using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Paths;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Progress;

namespace SkillBridge.Tests.Paths;

/// <summary>The certificate names the colleagues who wrote the path's modules, with the "A former colleague" rule (a site of its own: it marks a starter author as gone).</summary>
public sealed class PathCertificateAuthorsTests(SkillBridgeWebFactory factory) : IClassFixture<SkillBridgeWebFactory>
{
    [Fact]
    public async Task Certificate_AnAuthorWhoLeft_IsAFormerColleagueNotTheirName()
    {
        var (client, username) = await factory.NewLearnerAsync();
        var userId = await factory.UserIdAsync(username);
        await factory.WithDbAsync(async db =>
        {
            await db.People.Where(p => p.Username == "daniel.nowak").ExecuteUpdateAsync(s => s.SetProperty(p => p.LeftAt, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc)));
            var pathId = await db.LearningPaths.Where(p => p.Slug == "first-week-on-teams").Select(p => p.Id).SingleAsync();
            var now = DateTime.UtcNow;
            db.PathProgress.Add(new PathProgress { UserId = userId, LearningPathId = pathId, StartedAt = now, CompletedAt = now });
            return await db.SaveChangesAsync();
        });

        var page = await client.GetPageAsync("/paths/first-week-on-teams/certificate");

        Assert.Equal("Taught by colleagues: Tom Okafor, Priya Shah and A former colleague", page.Text("#certificate-authors"));
    }
}
