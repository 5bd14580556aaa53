using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Paths;

/// <summary>
/// The path completion rule in one conditional update, run in the same transaction as a module completion (and again
/// wherever it is cheap, so a path never stays open when its modules are done): a path the learner is on is completed
/// when it has an available module and the learner completed every available one, in any revision. The date is set
/// once: a path already completed is never touched again.
/// </summary>
public static class PathCompletion
{
    public static Task<int> CompleteFinishedPathsAsync(SkillBridgeDbContext db, string userId, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var published = nameof(ModuleStatus.Published);
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE "PathProgress" SET "CompletedAt" = {now}
            WHERE "UserId" = {userId} AND "CompletedAt" IS NULL
              AND EXISTS (
                SELECT 1 FROM "LearningPathModules" pm JOIN "Modules" m ON m."Id" = pm."ModuleId"
                WHERE pm."LearningPathId" = "PathProgress"."LearningPathId" AND m."Status" = {published} AND m."PublishedRevisionId" IS NOT NULL)
              AND NOT EXISTS (
                SELECT 1 FROM "LearningPathModules" pm JOIN "Modules" m ON m."Id" = pm."ModuleId"
                WHERE pm."LearningPathId" = "PathProgress"."LearningPathId" AND m."Status" = {published} AND m."PublishedRevisionId" IS NOT NULL
                  AND NOT EXISTS (
                    SELECT 1 FROM "ModuleProgress" p
                    WHERE p."UserId" = {userId} AND p."ModuleId" = m."Id" AND p."CompletedAt" IS NOT NULL))
            """, cancellationToken);
    }
}
