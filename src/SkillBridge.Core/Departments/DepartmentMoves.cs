using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Assignments;
using SkillBridge.Core.Data;
using SkillBridge.Core.People;

namespace SkillBridge.Core.Departments;

/// <summary>
/// Moves a person between departments the one way every caller (admin pages, merge, import, account deletion) must:
/// the open membership ends and a new one starts at the same instant, and <see cref="AssignmentCoverage"/> ends or adds
/// the person's department assignments. Changes are tracked on the caller's context and commit in the caller's save.
/// </summary>
public sealed class DepartmentMoves(SkillBridgeDbContext db, AssignmentCoverage coverage)
{
    /// <summary>Puts a saved person in <paramref name="departmentId"/> (or in none) from <paramref name="at"/>; nothing when already there.</summary>
    public async Task MoveAsync(Person person, int? departmentId, DateTime at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var open = await db.DepartmentMemberships.Where(m => m.PersonId == person.Id && m.EndedAt == null).ToListAsync(cancellationToken);
        if (person.DepartmentId == departmentId && open.Count == (departmentId is null ? 0 : 1) && open.All(m => m.DepartmentId == departmentId))
        {
            return;
        }

        foreach (var membership in open)
        {
            membership.EndedAt = at;
            await coverage.PersonLeftAsync(person.Id, AssignmentTargetKind.Department, membership.DepartmentId, at, cancellationToken);
        }

        person.DepartmentId = departmentId;
        if (departmentId is { } id)
        {
            db.DepartmentMemberships.Add(new DepartmentMembership { PersonId = person.Id, DepartmentId = id, StartedAt = at });
            await coverage.PersonJoinedAsync(person.Id, AssignmentTargetKind.Department, id, at, cancellationToken);
        }
    }
}
