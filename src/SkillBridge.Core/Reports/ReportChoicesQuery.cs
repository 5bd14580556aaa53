using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Reports;

/// <summary>The departments, groups and paths the report filters offer: three queries, whatever the size.</summary>
public sealed class ReportChoicesQuery(SkillBridgeDbContext db)
{
    public async Task<ReportChoices> LoadAsync(CancellationToken cancellationToken = default)
    {
        var departments = await db.Departments.AsNoTracking().Where(d => d.MergedIntoId == null)
            .OrderBy(d => d.Name).Select(d => new ReportChoice(d.Id, d.Name)).ToListAsync(cancellationToken);
        var groups = await db.Groups.AsNoTracking()
            .OrderBy(g => g.Name).Select(g => new ReportChoice(g.Id, g.Name)).ToListAsync(cancellationToken);
        var paths = await db.LearningPaths.AsNoTracking()
            .OrderBy(p => p.Title).Select(p => new ReportChoice(p.Id, p.Title)).ToListAsync(cancellationToken);
        return new ReportChoices(departments, groups, paths);
    }
}
