using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;
using SkillBridge.Core.People;

// In queries, string.ToUpper() becomes SQL UPPER(); the culture-aware overloads the analyzers want cannot be translated.
#pragma warning disable CA1304, CA1311, CA1862

namespace SkillBridge.Core.Assignments;

/// <summary>What curators and learners read about assignments: the form's choices, the list, one assignment's progress and "Assigned to you".</summary>
public sealed class AssignmentQueries(SkillBridgeDbContext db, TimeProvider clock)
{
    public const int PeopleSearchLimit = 20;

    public async Task<AssignmentChoices> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        var modules = await db.Modules.AsNoTracking()
            .Where(m => m.Status == ModuleStatus.Published && m.PublishedRevisionId != null)
            .Select(m => new AssignmentChoice(m.Id, m.PublishedRevision!.Title))
            .ToListAsync(cancellationToken);
        var paths = await db.LearningPaths.AsNoTracking().Select(p => new AssignmentChoice(p.Id, p.Title)).ToListAsync(cancellationToken);
        var groups = await db.Groups.AsNoTracking().Where(g => g.ArchivedAt == null).Select(g => new AssignmentChoice(g.Id, g.Name)).ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().Where(d => d.RetiredAt == null).Select(d => new AssignmentChoice(d.Id, d.Name)).ToListAsync(cancellationToken);
        return new AssignmentChoices(Sorted(modules), Sorted(paths), Sorted(groups), Sorted(departments));
    }

    /// <summary>People whose name or username contains the text (current colleagues only), plus the ones already chosen.</summary>
    public async Task<IReadOnlyList<AssignmentChoice>> PeopleAsync(string? search, IReadOnlyCollection<int> chosen, CancellationToken cancellationToken = default)
    {
        var people = db.People.AsNoTracking().Where(p => p.LeftAt == null);
        var found = new List<AssignmentChoice>();
        if (chosen.Count > 0)
        {
            found.AddRange(await people.Where(p => chosen.Contains(p.Id)).Select(p => new AssignmentChoice(p.Id, p.Name + " (" + p.Username + ")")).ToListAsync(cancellationToken));
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim().ToUpperInvariant();
            found.AddRange(await people
                .Where(p => !chosen.Contains(p.Id) && (p.Name.ToUpper().Contains(text) || p.Username.ToUpper().Contains(text)))
                .OrderBy(p => p.Name)
                .Take(PeopleSearchLimit)
                .Select(p => new AssignmentChoice(p.Id, p.Name + " (" + p.Username + ")"))
                .ToListAsync(cancellationToken));
        }

        return found;
    }

    public async Task<IReadOnlyList<AssignmentSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var assignments = await db.Assignments.AsNoTracking().Include(a => a.Targets)
            .OrderByDescending(a => a.AssignedAt).ThenByDescending(a => a.Id)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = assignments.Select(a => a.Id).ToList();
        var shares = await db.LearnerAssignments.AsNoTracking()
            .Where(l => ids.Contains(l.AssignmentId))
            .Select(l => new { l.AssignmentId, l.PersonId, l.StartedAt, l.CompletedAt, l.DueAt, l.EndedAt })
            .ToListAsync(cancellationToken);
        var names = await NamesAsync(assignments, cancellationToken);
        return [.. assignments.Select(a =>
        {
            var people = shares.Where(s => s.AssignmentId == a.Id && (a.RemovedAt == null ? s.EndedAt == null : s.EndedAt == a.RemovedAt))
                .GroupBy(s => s.PersonId)
                .Select(g => Combine(g.Select(s => (s.StartedAt, s.CompletedAt, s.DueAt)), now))
                .ToList();
            return Summary(a, names, people.Count, people.Count(p => p is AssignmentState.Completed or AssignmentState.CompletedLate), people.Count(p => p == AssignmentState.Overdue));
        })];
    }

    public async Task<AssignmentDetails?> DetailsAsync(int id, CancellationToken cancellationToken = default)
    {
        var assignment = await db.Assignments.AsNoTracking().Include(a => a.Targets).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assignment is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var names = await NamesAsync([assignment], cancellationToken);
        var shares = await (
                from l in db.LearnerAssignments.AsNoTracking()
                where l.AssignmentId == id && (assignment.RemovedAt == null ? l.EndedAt == null : l.EndedAt == assignment.RemovedAt)
                join p in db.People on l.PersonId equals p.Id
                select new { l.PersonId, l.ViaKind, l.ViaId, l.StartedAt, l.CompletedAt, l.DueAt, p.Name, p.Username, p.LeftAt })
            .ToListAsync(cancellationToken);
        var people = shares.GroupBy(s => s.PersonId)
            .Select(g =>
            {
                var first = g.First();
                var state = Combine(g.Select(s => (s.StartedAt, s.CompletedAt, s.DueAt)), now);
                var via = string.Join(", ", g.Select(s => s.ViaKind == AssignmentTargetKind.Person ? "Named directly" : names.Via(s.ViaKind, s.ViaId)).Distinct());
                return new AssignmentPersonProgress(
                    g.Key,
                    first.LeftAt is null ? first.Name : Person.FormerColleagueName,
                    first.LeftAt is null ? first.Username : "",
                    via,
                    state,
                    g.Min(s => s.DueAt),
                    g.Min(s => s.StartedAt),
                    g.Min(s => s.CompletedAt));
            })
            .OrderBy(p => p.State switch { AssignmentState.Overdue => 0, AssignmentState.NotStarted => 1, AssignmentState.InProgress => 2, _ => 3 })
            .ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .ToList();
        var summary = Summary(assignment, names, people.Count, people.Count(p => p is { State: AssignmentState.Completed or AssignmentState.CompletedLate }), people.Count(p => p.State == AssignmentState.Overdue));
        return new AssignmentDetails(assignment, summary, people);
    }

    /// <summary>The learner's "Assigned to you": their open assignments, each once, overdue first, then by due date, completed last.</summary>
    public async Task<IReadOnlyList<AssignedItem>> AssignedToAsync(string userId, CancellationToken cancellationToken = default)
    {
        var personId = await db.Users.Where(u => u.Id == userId).Select(u => u.PersonId).FirstOrDefaultAsync(cancellationToken);
        if (personId is null)
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await (
                from l in db.LearnerAssignments.AsNoTracking()
                where l.PersonId == personId && l.EndedAt == null
                join a in db.Assignments on l.AssignmentId equals a.Id
                where a.RemovedAt == null
                select new
                {
                    a.Id,
                    a.Note,
                    a.ModuleId,
                    ModuleSlug = a.ModuleId == null ? null : db.Modules.Where(m => m.Id == a.ModuleId).Select(m => m.Slug).FirstOrDefault(),
                    ModuleTitle = a.ModuleId == null ? null : db.Modules.Where(m => m.Id == a.ModuleId).Select(m => m.PublishedRevision!.Title).FirstOrDefault(),
                    PathSlug = a.LearningPathId == null ? null : db.LearningPaths.Where(p => p.Id == a.LearningPathId).Select(p => p.Slug).FirstOrDefault(),
                    PathTitle = a.LearningPathId == null ? null : db.LearningPaths.Where(p => p.Id == a.LearningPathId).Select(p => p.Title).FirstOrDefault(),
                    AssignedBy = db.Users.Where(u => u.Id == a.AssignedById).Select(u => db.People.Where(p => p.Id == u.PersonId).Select(p => p.Name).FirstOrDefault() ?? u.UserName).FirstOrDefault(),
                    l.StartedAt,
                    l.CompletedAt,
                    l.DueAt,
                })
            .ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.Id)
            .Select(g =>
            {
                var a = g.First();
                var isPath = a.ModuleId is null;
                return new AssignedItem(
                    a.Id,
                    (isPath ? a.PathTitle : a.ModuleTitle) ?? "Unavailable",
                    isPath ? $"/paths/{a.PathSlug}" : $"/modules/{a.ModuleSlug}",
                    isPath,
                    Combine(g.Select(s => (s.StartedAt, s.CompletedAt, s.DueAt)), now),
                    g.Min(s => s.DueAt),
                    a.AssignedBy ?? Person.FormerColleagueName,
                    a.Note);
            })
            .OrderBy(i => i.State switch { AssignmentState.Overdue => 0, AssignmentState.Completed or AssignmentState.CompletedLate => 2, _ => 1 })
            .ThenBy(i => i.DueAt ?? DateTime.MaxValue)
            .ThenBy(i => i.Title, StringComparer.CurrentCulture)];
    }

    /// <summary>A person reached through several targets is counted once: completed if any share is, due at the earliest due date.</summary>
    private static AssignmentState Combine(IEnumerable<(DateTime? StartedAt, DateTime? CompletedAt, DateTime? DueAt)> shares, DateTime now)
    {
        var list = shares.ToList();
        return AssignmentStates.Of(list.Min(s => s.StartedAt), list.Min(s => s.CompletedAt), list.Min(s => s.DueAt), now);
    }

    private static AssignmentSummary Summary(Assignment a, Names names, int people, int completed, int overdue) => new(
        a.Id,
        names.Title(a),
        a.LearningPathId is not null,
        string.Join(", ", a.Targets.OrderBy(t => t.Kind).Select(t => names.Via(t.Kind, t.TargetId))),
        a.DueKind,
        a.DueAt,
        a.DueDays,
        a.AssignedAt,
        a.AssignedById is { } by && names.Curators.TryGetValue(by, out var curator) ? curator : Person.FormerColleagueName,
        a.RemovedAt,
        people,
        completed,
        overdue);

    private async Task<Names> NamesAsync(IReadOnlyCollection<Assignment> assignments, CancellationToken cancellationToken)
    {
        var moduleIds = assignments.Where(a => a.ModuleId != null).Select(a => a.ModuleId!.Value).Distinct().ToList();
        var pathIds = assignments.Where(a => a.LearningPathId != null).Select(a => a.LearningPathId!.Value).Distinct().ToList();
        var targets = assignments.SelectMany(a => a.Targets).ToList();
        var personIds = targets.Where(t => t.Kind == AssignmentTargetKind.Person).Select(t => t.TargetId).Distinct().ToList();
        var groupIds = targets.Where(t => t.Kind == AssignmentTargetKind.Group).Select(t => t.TargetId).Distinct().ToList();
        var departmentIds = targets.Where(t => t.Kind == AssignmentTargetKind.Department).Select(t => t.TargetId).Distinct().ToList();
        var curatorIds = assignments.Where(a => a.AssignedById != null).Select(a => a.AssignedById!).Distinct().ToList();
        return new Names(
            await db.Modules.AsNoTracking().Where(m => moduleIds.Contains(m.Id))
                .Select(m => new { m.Id, Title = m.PublishedRevision != null ? m.PublishedRevision.Title : m.Revisions.OrderByDescending(r => r.Number).Select(r => r.Title).FirstOrDefault() ?? m.Slug })
                .ToDictionaryAsync(m => m.Id, m => m.Title, cancellationToken),
            await db.LearningPaths.AsNoTracking().Where(p => pathIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken),
            await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.LeftAt == null ? p.Name : Person.FormerColleagueName, cancellationToken),
            await db.Groups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken),
            await db.Departments.AsNoTracking().Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken),
            await db.Users.AsNoTracking().Where(u => curatorIds.Contains(u.Id))
                .Select(u => new { u.Id, Name = db.People.Where(p => p.Id == u.PersonId).Select(p => p.Name).FirstOrDefault() ?? u.UserName })
                .ToDictionaryAsync(u => u.Id, u => u.Name ?? "", cancellationToken));
    }

    private sealed record Names(
        Dictionary<int, string> Modules,
        Dictionary<int, string> Paths,
        Dictionary<int, string> People,
        Dictionary<int, string> Groups,
        Dictionary<int, string> Departments,
        Dictionary<string, string> Curators)
    {
        public string Title(Assignment a) =>
            a.ModuleId is { } m ? Modules.GetValueOrDefault(m, "A module") : Paths.GetValueOrDefault(a.LearningPathId ?? 0, "A path");

        public string Via(AssignmentTargetKind kind, int id) => kind switch
        {
            AssignmentTargetKind.Person => People.GetValueOrDefault(id, "A person"),
            AssignmentTargetKind.Group => "Group: " + Groups.GetValueOrDefault(id, "a group"),
            _ => "Department: " + Departments.GetValueOrDefault(id, "a department"),
        };
    }

    private static List<AssignmentChoice> Sorted(List<AssignmentChoice> choices) =>
        [.. choices.OrderBy(c => c.Label, StringComparer.CurrentCultureIgnoreCase)];
}
