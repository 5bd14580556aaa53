using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Catalogue;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Paths;

public sealed record LearningPathSummary(string Slug, string Title, string Summary, int ModuleCount, int TotalMinutes);

public sealed record LearningPathDetails(string Slug, string Title, string Summary, IReadOnlyList<ModuleCard> Modules)
{
    public int TotalMinutes => Modules.Sum(m => m.Minutes);
}

/// <summary>Learning paths with their published modules in order.</summary>
public sealed class LearningPathService(SkillBridgeDbContext db)
{
    public Task<List<LearningPathSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        db.LearningPaths.AsNoTracking()
            .OrderBy(p => p.Title)
            .Select(p => new LearningPathSummary(
                p.Slug,
                p.Title,
                p.Summary,
                p.Modules.Count(m => m.Module.Status == ModuleStatus.Published && m.Module.PublishedRevision != null),
                p.Modules.Where(m => m.Module.Status == ModuleStatus.Published && m.Module.PublishedRevision != null).Sum(m => m.Module.PublishedRevision!.Minutes)))
            .ToListAsync(cancellationToken);

    public async Task<LearningPathDetails?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        var path = await db.LearningPaths.AsNoTracking()
            .Where(p => p.Slug == slug)
            .Select(p => new { p.Id, p.Slug, p.Title, p.Summary })
            .FirstOrDefaultAsync(cancellationToken);
        if (path is null)
        {
            return null;
        }

        var modules = await db.LearningPaths.AsNoTracking()
            .Where(p => p.Id == path.Id)
            .SelectMany(p => p.Modules)
            .Where(m => m.Module.Status == ModuleStatus.Published && m.Module.PublishedRevision != null)
            .OrderBy(m => m.Position)
            .Select(m => m.Module.PublishedRevision!)
            .Select(ModuleCard.FromRevision)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        return new LearningPathDetails(path.Slug, path.Title, path.Summary, modules);
    }
}
