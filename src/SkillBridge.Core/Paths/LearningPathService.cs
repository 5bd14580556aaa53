using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Catalogue;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Paths;

public sealed record LearningPathSummary(string Slug, string Title, string Summary, int ModuleCount, int TotalMinutes, PathCover? Cover = null);

/// <summary>A path's cover image as stored in the media folder.</summary>
public sealed record PathCover(string Sha256, int Width, int Height, string ContentType)
{
    public string FileName => Sha256 + Media.ImageFormats.ExtensionFor(ContentType);
}

public sealed record LearningPathDetails(string Slug, string Title, string Summary, IReadOnlyList<ModuleCard> Modules)
{
    public int TotalMinutes => Modules.Sum(m => m.Minutes);
}

/// <summary>Learning paths with their published modules in order.</summary>
public sealed class LearningPathService(SkillBridgeDbContext db)
{
    public Task<List<LearningPathSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        db.LearningPaths.AsNoTracking()
            .Where(p => p.Status == PathStatus.Published)
            .OrderBy(p => p.Title)
            .Select(p => new LearningPathSummary(
                p.Slug,
                p.Title,
                p.Summary,
                p.Modules.Count(m => m.Module.Status == ModuleStatus.Published && m.Module.PublishedRevision != null),
                p.Modules.Where(m => m.Module.Status == ModuleStatus.Published && m.Module.PublishedRevision != null).Sum(m => m.Module.PublishedRevision!.Minutes),
                p.CoverMedia == null ? null : new PathCover(p.CoverMedia.Sha256, p.CoverMedia.Width, p.CoverMedia.Height, p.CoverMedia.ContentType)))
            .ToListAsync(cancellationToken);

    public async Task<LearningPathDetails?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        var path = await db.LearningPaths.AsNoTracking()
            .Where(p => p.Slug == slug && p.Status == PathStatus.Published)
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
