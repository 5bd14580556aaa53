using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Content;
using SkillBridge.Core.Data;

// In queries, string.ToUpper() becomes SQL UPPER(); the culture-aware overloads the analyzers want cannot be translated.
#pragma warning disable CA1304, CA1311, CA1862

namespace SkillBridge.Core.Departments;

/// <summary>
/// The department list admins keep (add, rename, merge, retire) and each person's department. A retired department
/// keeps its name and history for reports; nobody can be put in it. Every change is audited.
/// </summary>
public sealed class DepartmentService(SkillBridgeDbContext db, DepartmentMoves moves, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<DepartmentSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Departments.AsNoTracking()
            .Select(d => new
            {
                d.Id,
                d.Name,
                People = db.People.Count(p => p.DepartmentId == d.Id),
                d.RetiredAt,
                MergedInto = db.Departments.Where(t => t.Id == d.MergedIntoId).Select(t => t.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => new DepartmentSummary(r.Id, r.Name, r.People, r.RetiredAt, r.MergedInto))
            .OrderBy(d => d.IsRetired).ThenBy(d => d.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>Departments a person can be put in now.</summary>
    public async Task<IReadOnlyList<DepartmentSummary>> ListCurrentAsync(CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(cancellationToken)).Where(d => !d.IsRetired)];

    public async Task<DepartmentDetails?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        var all = await ListAsync(cancellationToken);
        if (all.FirstOrDefault(d => d.Id == id) is not { } department)
        {
            return null;
        }

        var people = await db.People.AsNoTracking()
            .Where(p => p.DepartmentId == id)
            .OrderBy(p => p.Name)
            .Select(p => new DepartmentPerson(
                p.Username,
                p.Name,
                db.DepartmentMemberships.Where(m => m.PersonId == p.Id && m.DepartmentId == id && m.EndedAt == null).Select(m => m.StartedAt).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new DepartmentDetails(department, people, [.. all.Where(d => d.Id != id && !d.IsRetired)]);
    }

    public async Task<DepartmentResult> AddAsync(string? name, string actor, CancellationToken cancellationToken = default)
    {
        var (clean, problem) = await CheckNameAsync(name, exceptId: null, cancellationToken);
        if (problem is not null)
        {
            return DepartmentResult.Invalid(problem);
        }

        db.Departments.Add(new Department { Name = clean });
        await audit.RecordAsync(AuditAction.DepartmentAdded, actor, clean, null, cancellationToken);
        return DepartmentResult.Done($"Added the department {clean}.");
    }

    public async Task<DepartmentResult> RenameAsync(int id, string? name, string actor, CancellationToken cancellationToken = default)
    {
        if (await db.Departments.FirstOrDefaultAsync(d => d.Id == id, cancellationToken) is not { } department)
        {
            return DepartmentResult.NotFound;
        }

        var (clean, problem) = await CheckNameAsync(name, exceptId: id, cancellationToken);
        if (problem is not null)
        {
            return DepartmentResult.Invalid(problem);
        }

        if (clean == department.Name)
        {
            return DepartmentResult.Done("The name is unchanged.");
        }

        var old = department.Name;
        department.Name = clean;
        await audit.RecordAsync(AuditAction.DepartmentRenamed, actor, clean, $"was {old}", cancellationToken);
        return DepartmentResult.Done($"Renamed {old} to {clean}.");
    }

    /// <summary>Moves everyone in the department to <paramref name="intoId"/> (with history) and retires it, pointing at where its people went.</summary>
    public async Task<DepartmentResult> MergeAsync(int id, int? intoId, string actor, CancellationToken cancellationToken = default)
    {
        if (await db.Departments.FirstOrDefaultAsync(d => d.Id == id, cancellationToken) is not { } department)
        {
            return DepartmentResult.NotFound;
        }

        if (department.RetiredAt is not null)
        {
            return DepartmentResult.Invalid($"{department.Name} is already retired.");
        }

        if (intoId is null || intoId == id || await db.Departments.FirstOrDefaultAsync(d => d.Id == intoId, cancellationToken) is not { } into)
        {
            return DepartmentResult.Invalid("Choose the department to merge it into.");
        }

        if (into.RetiredAt is not null)
        {
            return DepartmentResult.Invalid($"{into.Name} is retired: choose a current department.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var people = await db.People.Where(p => p.DepartmentId == id).ToListAsync(cancellationToken);
        foreach (var person in people)
        {
            await moves.MoveAsync(person, into.Id, now, cancellationToken);
        }

        department.RetiredAt = now;
        department.MergedIntoId = into.Id;
        await audit.RecordAsync(AuditAction.DepartmentMerged, actor, department.Name, $"into {into.Name}; {people.Count} people moved", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return DepartmentResult.Done($"Merged {department.Name} into {into.Name}: {people.Count} {(people.Count == 1 ? "person" : "people")} moved.");
    }

    /// <summary>
    /// Retires an empty department. One that still has people is refused rather than leaving them in a department nobody
    /// can join or silently taking their department away: move them, or merge it into another department.
    /// </summary>
    public async Task<DepartmentResult> RetireAsync(int id, string actor, CancellationToken cancellationToken = default)
    {
        if (await db.Departments.FirstOrDefaultAsync(d => d.Id == id, cancellationToken) is not { } department)
        {
            return DepartmentResult.NotFound;
        }

        if (department.RetiredAt is not null)
        {
            return DepartmentResult.Invalid($"{department.Name} is already retired.");
        }

        var count = await db.People.CountAsync(p => p.DepartmentId == id, cancellationToken);
        if (count > 0)
        {
            return DepartmentResult.Invalid(
                $"{department.Name} still has {count} {(count == 1 ? "person" : "people")}. Move them to another department, or merge {department.Name} into another department instead.");
        }

        department.RetiredAt = clock.GetUtcNow().UtcDateTime;
        await audit.RecordAsync(AuditAction.DepartmentRetired, actor, department.Name, null, cancellationToken);
        return DepartmentResult.Done($"Retired {department.Name}.");
    }

    public async Task<PersonDepartment?> FindPersonAsync(string username, CancellationToken cancellationToken = default)
    {
        var person = await db.People.AsNoTracking().Include(p => p.Department).FirstOrDefaultAsync(p => p.Username == username, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var history = await db.DepartmentMemberships.AsNoTracking()
            .Where(m => m.PersonId == person.Id)
            .Join(db.Departments, m => m.DepartmentId, d => d.Id, (m, d) => new DepartmentStay(d.Name, m.StartedAt, m.EndedAt))
            .ToListAsync(cancellationToken);
        return new PersonDepartment(
            person.Username,
            person.IsFormerColleague ? Core.People.Person.FormerColleagueName : person.Name,
            person.IsFormerColleague,
            person.DepartmentId,
            person.Department?.Name,
            [.. history.OrderByDescending(h => h.EndedAt ?? DateTime.MaxValue).ThenByDescending(h => h.StartedAt ?? DateTime.MinValue)]);
    }

    /// <summary>An admin puts a person in a department (or in none): the open membership ends and a new one starts now.</summary>
    public async Task<DepartmentResult> SetPersonDepartmentAsync(string username, int? departmentId, string actor, CancellationToken cancellationToken = default)
    {
        var person = await db.People.Include(p => p.Department).FirstOrDefaultAsync(p => p.Username == username, cancellationToken);
        if (person is null)
        {
            return DepartmentResult.NotFound;
        }

        if (person.IsFormerColleague)
        {
            return DepartmentResult.Invalid("A former colleague is in no department.");
        }

        Department? department = null;
        if (departmentId is { } id)
        {
            department = await db.Departments.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
            if (department is null || department.RetiredAt is not null)
            {
                return DepartmentResult.Invalid("Choose a current department.");
            }
        }

        if (person.DepartmentId == departmentId)
        {
            return DepartmentResult.Done("The department is unchanged.");
        }

        var before = person.Department?.Name ?? "no department";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await moves.MoveAsync(person, departmentId, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var after = department?.Name ?? "no department";
        await audit.RecordAsync(AuditAction.DepartmentChanged, actor, person.Username, $"from {before} to {after}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return DepartmentResult.Done($"{person.Name} is now in {after}.");
    }

    /// <summary>The trimmed name, or why it is refused: empty, too long, not one line, or another department's (any case).</summary>
    private async Task<(string Name, string? Problem)> CheckNameAsync(string? name, int? exceptId, CancellationToken cancellationToken)
    {
        var clean = name?.Trim() ?? "";
        if (DepartmentNames.Problem(clean) is { } problem)
        {
            return (clean, problem);
        }

        var upper = clean.ToUpperInvariant();
        var other = await db.Departments.AsNoTracking()
            .Where(d => d.Id != exceptId && d.Name.ToUpper() == upper)
            .Select(d => new { d.Name, d.RetiredAt })
            .FirstOrDefaultAsync(cancellationToken);
        return other is null
            ? (clean, null)
            : (clean, $"There is already a department called {other.Name}{(other.RetiredAt is null ? "" : " (retired)")}.");
    }
}

/// <summary>The rule for a department's name, shared by the admin pages and import.</summary>
public static class DepartmentNames
{
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            return "Enter the department's name.";
        }

        if (!SingleLineText.IsValid(name))
        {
            return SingleLineText.Problem("The department's name");
        }

        return name.Length > Department.NameMaxLength ? $"A department's name is at most {Department.NameMaxLength} characters." : null;
    }
}
