using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Assignments;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Departments;

public sealed record DepartmentStayRecord(string Department, DateTime? StartedAtUtc, DateTime? EndedAtUtc);

public sealed record GroupStayRecord(string Group, DateTime JoinedAtUtc, DateTime? LeftAtUtc);

public sealed record MembershipsData(IReadOnlyList<DepartmentStayRecord> Departments, IReadOnlyList<GroupStayRecord> Groups);

/// <summary>
/// The departments and groups the person was in, with dates. Deleting the account: a profile that is removed takes its
/// membership rows with it (they cascade); a profile kept as "A former colleague" leaves its department and groups at
/// that moment (ending the assignments that came from them), and its anonymous history stays so past reports keep
/// their numbers.
/// </summary>
public sealed class MembershipsDataSection(SkillBridgeDbContext db, DepartmentMoves moves, AssignmentCoverage coverage, TimeProvider clock) : IPersonalDataSection
{
    public string Name => "departmentsAndGroups";

    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        if (subject.PersonId is not { } personId)
        {
            return new MembershipsData([], []);
        }

        var departments = await db.DepartmentMemberships.AsNoTracking()
            .Where(m => m.PersonId == personId)
            .OrderBy(m => m.Id)
            .Join(db.Departments, m => m.DepartmentId, d => d.Id, (m, d) => new DepartmentStayRecord(d.Name, m.StartedAt, m.EndedAt))
            .ToListAsync(cancellationToken);
        var groups = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.PersonId == personId)
            .OrderBy(m => m.JoinedAt).ThenBy(m => m.Id)
            .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => new GroupStayRecord(g.Name, m.JoinedAt, m.LeftAt))
            .ToListAsync(cancellationToken);
        return new MembershipsData(departments, groups);
    }

    public async Task EraseAsync(PersonalDataErasure erasure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erasure);
        if (!erasure.PersonKept || erasure.Subject.PersonId is not { } personId)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var person = await db.People.FirstAsync(p => p.Id == personId, cancellationToken);
        await moves.MoveAsync(person, null, now, cancellationToken);
        foreach (var membership in await db.GroupMemberships.Where(m => m.PersonId == personId && m.LeftAt == null).ToListAsync(cancellationToken))
        {
            membership.LeftAt = now;
            await coverage.PersonLeftAsync(personId, AssignmentTargetKind.Group, membership.GroupId, now, cancellationToken);
        }
    }
}
