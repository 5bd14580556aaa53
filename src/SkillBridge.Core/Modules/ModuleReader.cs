using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Modules;

/// <summary>Reads published modules for the module page and the player.</summary>
public sealed class ModuleReader(SkillBridgeDbContext db)
{
    public Task<PublishedModule?> FindPublishedAsync(string slug, CancellationToken cancellationToken = default) =>
        db.Modules.AsNoTracking()
            .Where(m => m.Slug == slug && m.Status == ModuleStatus.Published && m.PublishedRevision != null)
            .Select(m => m.PublishedRevision!)
            .Select(r => new PublishedModule(
                r.ModuleId,
                r.Id,
                r.Module.Slug,
                r.Title,
                r.Summary,
                r.Category.Key,
                r.Category.Name,
                r.Level,
                r.Minutes,
                r.UpdatedOn,
                r.Cover,
                r.Tags.OrderBy(t => t.Tag).Select(t => t.Tag).ToList(),
                r.Authors.OrderBy(a => a.Position).Select(a => new ModuleAuthor(a.Person.Username, a.Person.Name, a.Person.Department != null ? a.Person.Department.Name : "", a.Person.LeftAt != null)).ToList()))
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
}
