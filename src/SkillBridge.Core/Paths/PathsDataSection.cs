using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;
using SkillBridge.Core.People;

namespace SkillBridge.Core.Paths;

public sealed record PathRevisionPublished(string Path, int Revision, DateTime PublishedAt);

public sealed record PathDraftChanged(string Path, string Title, DateTime UpdatedAt);

public sealed record PathsData(IReadOnlyList<PathRevisionPublished> RevisionsPublished, IReadOnlyList<PathDraftChanged> DraftsChanged);

/// <summary>Path revisions the person published and path drafts they changed last; on erasure both read "A former colleague".</summary>
public sealed class PathsDataSection(SkillBridgeDbContext db) : IPersonalDataSection
{
    public string Name => "paths";

    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var published = await db.LearningPathRevisions.AsNoTracking()
            .Where(r => r.CreatedBy == subject.Username)
            .Join(db.LearningPaths, r => r.LearningPathId, p => p.Id, (r, p) => new { p.Slug, r.Number, r.CreatedAt, r.Id })
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new PathRevisionPublished(r.Slug, r.Number, r.CreatedAt))
            .ToListAsync(cancellationToken);
        var drafts = await db.LearningPathDrafts.AsNoTracking()
            .Where(d => d.UpdatedBy == subject.Username)
            .OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id)
            .Select(d => new PathDraftChanged(d.LearningPath.Slug, d.Title, d.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new PathsData(published, drafts);
    }

    public async Task EraseAsync(PersonalDataErasure erasure, CancellationToken cancellationToken)
    {
        var username = erasure.Subject.Username;
        await db.LearningPathRevisions.Where(r => r.CreatedBy == username)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedBy, Person.FormerColleagueName), cancellationToken);
        await db.LearningPathDrafts.Where(d => d.UpdatedBy == username)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.UpdatedBy, Person.FormerColleagueName), cancellationToken);
    }
}
