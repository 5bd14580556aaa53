using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Progress;

/// <summary>
/// How far a learner got with a module, as cards and path pages show it: completed (any revision counts), or the step
/// they were on last in the revision they took most recently. Modules they never started have no state.
/// </summary>
public sealed record LearnerModuleState(bool IsCompleted, int LastStep, int StepCount)
{
    public string Text => IsCompleted ? "Completed" : $"Step {LastStep} of {StepCount}";
}

/// <summary>The learner's state on many modules at once: one query per page, whatever the number of cards.</summary>
public sealed class LearnerModuleStates(SkillBridgeDbContext db)
{
    /// <summary>States by module slug for the modules named; a module the learner never started is absent.</summary>
    public async Task<IReadOnlyDictionary<string, LearnerModuleState>> ForSlugsAsync(string userId, IEnumerable<string> slugs, CancellationToken cancellationToken = default)
    {
        var wanted = slugs.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<string, LearnerModuleState>(StringComparer.Ordinal);
        }

        var rows = await (
                from p in db.ModuleProgress.AsNoTracking()
                where p.UserId == userId
                join m in db.Modules on p.ModuleId equals m.Id
                where wanted.Contains(m.Slug)
                select new Row<string>(m.Slug, p.LastStep, p.StepCount, p.UpdatedAt, p.CompletedAt))
            .ToListAsync(cancellationToken);
        return Fold(rows, r => r.Key);
    }

    /// <summary>States by module id, for pages that know the modules' ids.</summary>
    public async Task<IReadOnlyDictionary<int, LearnerModuleState>> ForModulesAsync(string userId, IEnumerable<int> moduleIds, CancellationToken cancellationToken = default)
    {
        var wanted = moduleIds.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<int, LearnerModuleState>();
        }

        var rows = await db.ModuleProgress.AsNoTracking()
            .Where(p => p.UserId == userId && wanted.Contains(p.ModuleId))
            .Select(p => new Row<int>(p.ModuleId, p.LastStep, p.StepCount, p.UpdatedAt, p.CompletedAt))
            .ToListAsync(cancellationToken);
        return Fold(rows, r => r.Key);
    }

    private static Dictionary<TKey, LearnerModuleState> Fold<TKey>(IEnumerable<Row<TKey>> rows, Func<Row<TKey>, TKey> key)
        where TKey : notnull =>
        rows.GroupBy(key).ToDictionary(
            g => g.Key,
            g =>
            {
                var latest = g.MaxBy(r => r.UpdatedAt)!;
                return new LearnerModuleState(g.Any(r => r.CompletedAt is not null), latest.LastStep, latest.StepCount);
            });

    private sealed record Row<TKey>(TKey Key, int LastStep, int StepCount, DateTime UpdatedAt, DateTime? CompletedAt);
}
