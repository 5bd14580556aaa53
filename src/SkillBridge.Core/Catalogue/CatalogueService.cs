using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Catalogue;

/// <summary>Lists published modules as cards, filtered, sorted and paged.</summary>
public sealed class CatalogueService(SkillBridgeDbContext db, IOptions<SkillBridgeOptions> options)
{
    public async Task<CataloguePage> GetPageAsync(CatalogueQuery query, CancellationToken cancellationToken = default)
    {
        var published = db.Modules.AsNoTracking()
            .Where(m => m.Status == ModuleStatus.Published && m.PublishedRevision != null)
            .Select(m => m.PublishedRevision!);

        var filtered = published;
        if (!string.IsNullOrEmpty(query.Category))
        {
            filtered = filtered.Where(r => r.Category.Key == query.Category);
        }

        if (!string.IsNullOrEmpty(query.Tag))
        {
            filtered = filtered.Where(r => r.Tags.Any(t => t.Tag == query.Tag));
        }

        if (query.Level is { } level)
        {
            filtered = filtered.Where(r => r.Level == level);
        }

        if (query.Duration is { } duration)
        {
            var (min, max) = duration.Bounds();
            filtered = filtered.Where(r => r.Minutes >= min && r.Minutes <= max);
        }

        var total = await filtered.CountAsync(cancellationToken);
        var pageSize = Math.Max(1, options.Value.CataloguePageSize);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        var page = Math.Clamp(query.Page, 1, pageCount);

        var ordered = query.Sort switch
        {
            CatalogueSort.Shortest => filtered.OrderBy(r => r.Minutes).ThenBy(r => r.Title),
            CatalogueSort.MostCompleted => filtered
                .OrderByDescending(r => db.ModuleProgress.Count(p => p.ModuleId == r.ModuleId && p.CompletedAt != null))
                .ThenBy(r => r.Title),
            _ => filtered.OrderByDescending(r => r.UpdatedOn).ThenBy(r => r.Title),
        };

        var cards = await ordered
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(ModuleCard.FromRevision)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        // Filter choices count what is published, so a learner sees where the modules are before narrowing down.
        var countsByCategory = await published
            .GroupBy(r => r.CategoryId)
            .Select(g => new { CategoryId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.CategoryId, x => x.Count, cancellationToken);
        var categories = (await db.Categories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name).ToListAsync(cancellationToken))
            .Select(c => new FilterOption(c.Key, c.Name, countsByCategory.GetValueOrDefault(c.Id)))
            .ToList();

        var tagCounts = await published
            .SelectMany(r => r.Tags.Select(t => t.Tag))
            .GroupBy(tag => tag)
            .Select(g => new { Tag = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var tags = tagCounts
            .OrderBy(t => t.Tag, StringComparer.Ordinal)
            .Select(t => new FilterOption(t.Tag, t.Tag, t.Count))
            .ToList();

        return new CataloguePage(cards, total, page, pageCount, categories, tags);
    }
}
