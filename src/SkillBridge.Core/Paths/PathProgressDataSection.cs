using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Paths;

public sealed record PathProgressRecord(string Path, string Title, DateTime StartedAtUtc, DateTime? CompletedAtUtc);

/// <summary>The paths a learner started and completed. Nothing about them is kept for anyone else: the rows go with the account.</summary>
public sealed class PathProgressDataSection(SkillBridgeDbContext db) : IPersonalDataSection
{
    public string Name => "learningPaths";

    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var userId = subject.UserId;
        return await (
                from r in db.PathProgress.AsNoTracking()
                where r.UserId == userId
                join p in db.LearningPaths on r.LearningPathId equals p.Id
                orderby r.StartedAt, r.Id
                select new PathProgressRecord(p.Slug, p.Title, r.StartedAt, r.CompletedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task EraseAsync(PersonalDataErasure erasure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erasure);
        var userId = erasure.Subject.UserId;
        await db.PathProgress.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}
