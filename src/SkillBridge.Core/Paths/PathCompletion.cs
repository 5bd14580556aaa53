using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Paths;

/// <summary>
/// The path completion rule in one conditional update, run in the same transaction as a module completion (and again
/// wherever it is cheap, so a path never stays open when its modules are done): a path the learner is on is completed
/// when it has an available module and the learner completed every available one, in any revision. The date is set
/// once: a path already completed is never touched again. A path assigned to the learner puts them on it, so its
/// completion (and certificate) follows the same rule as one they started themselves.
/// </summary>
public static class PathCompletion
{
    public static async Task<int> CompleteFinishedPathsAsync(SkillBridgeDbContext db, string userId, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await JoinAssignedPathsAsync(db, userId, now, cancellationToken);
        var published = nameof(ModuleStatus.Published);
        return await db.Database.ExecuteSqlInterpolatedAsync($"""
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

    /// <summary>Puts the learner on every path assigned to them that they are not on yet (insert-or-ignore).</summary>
    public static Task<int> JoinAssignedPathsAsync(SkillBridgeDbContext db, string userId, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "PathProgress" ("UserId", "LearningPathId", "StartedAt")
            SELECT DISTINCT u."Id", a."LearningPathId", {now}
            FROM "LearnerAssignments" l
            JOIN "Assignments" a ON a."Id" = l."AssignmentId"
            JOIN "AspNetUsers" u ON u."PersonId" = l."PersonId"
            WHERE u."Id" = {userId} AND l."EndedAt" IS NULL AND a."RemovedAt" IS NULL AND a."LearningPathId" IS NOT NULL
            ON CONFLICT ("UserId", "LearningPathId") DO NOTHING
            """, cancellationToken);
    }
}
