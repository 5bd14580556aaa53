using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Assignments;
using SkillBridge.Core.Content;
using SkillBridge.Core.Data;

// In queries, string.ToUpper() becomes SQL UPPER(); the culture-aware overloads the analyzers want cannot be translated.
#pragma warning disable CA1304, CA1311, CA1862

namespace SkillBridge.Core.Groups;

/// <summary>
/// Groups curators keep: create, rename, delete (archive), and who is in them. Every join and leave is a
/// <see cref="GroupMembership"/> row and goes through <see cref="AssignmentCoverage"/> in the same save, and is audited.
/// Adding people by a pasted list is in <see cref="GroupPaste"/>.
/// </summary>
public sealed class GroupService(SkillBridgeDbContext db, AssignmentCoverage coverage, AuditLog audit, TimeProvider clock)
{
    public const int SearchLimit = 20;

    public Task<List<GroupSummary>> ListAsync(CancellationToken cancellationToken = default) =>
        db.Groups.AsNoTracking()
            .Where(g => g.ArchivedAt == null)
            .OrderBy(g => g.Name)
            .Select(g => new GroupSummary(g.Id, g.Name, g.Description, db.GroupMemberships.Count(m => m.GroupId == g.Id && m.LeftAt == null)))
            .ToListAsync(cancellationToken);

    public async Task<GroupDetails?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        var group = await db.Groups.AsNoTracking()
            .Where(g => g.Id == id && g.ArchivedAt == null)
            .Select(g => new GroupSummary(g.Id, g.Name, g.Description, db.GroupMemberships.Count(m => m.GroupId == g.Id && m.LeftAt == null)))
            .FirstOrDefaultAsync(cancellationToken);
        if (group is null)
        {
            return null;
        }

        var members = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.GroupId == id && m.LeftAt == null)
            .Join(db.People, m => m.PersonId, p => p.Id, (m, p) => new { Membership = m, Person = p })
            .OrderBy(x => x.Person.Name).ThenBy(x => x.Person.Username)
            .Select(x => new GroupMember(x.Person.Id, x.Person.Username, x.Person.Name, x.Person.Department != null ? x.Person.Department.Name : null, x.Membership.JoinedAt))
            .ToListAsync(cancellationToken);
        return new GroupDetails(group, members);
    }

    public async Task<GroupResult> CreateAsync(string? name, string? description, string? actorUserId, string actor, CancellationToken cancellationToken = default)
    {
        if (await CheckAsync(name, description, exceptId: null, cancellationToken) is { } problem)
        {
            return problem;
        }

        var group = db.Groups.Add(new Group
        {
            Name = name!.Trim(),
            Description = description?.Trim() ?? "",
            CreatedById = actorUserId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        }).Entity;
        await audit.RecordAsync(AuditAction.GroupCreated, actor, group.Name, null, cancellationToken);
        return GroupResult.Done($"Created the group {group.Name}.", group.Id);
    }

    public async Task<GroupResult> ChangeAsync(int id, string? name, string? description, string actor, CancellationToken cancellationToken = default)
    {
        if (await db.Groups.FirstOrDefaultAsync(g => g.Id == id && g.ArchivedAt == null, cancellationToken) is not { } group)
        {
            return GroupResult.NotFound;
        }

        if (await CheckAsync(name, description, exceptId: id, cancellationToken) is { } problem)
        {
            return problem;
        }

        var old = group.Name;
        group.Name = name!.Trim();
        group.Description = description?.Trim() ?? "";
        await audit.RecordAsync(AuditAction.GroupChanged, actor, group.Name, old == group.Name ? "description changed" : $"was {old}", cancellationToken);
        return GroupResult.Done("Saved the group's name and description.", id);
    }

    /// <summary>Archives the group: its members leave it now (ending their open assignments from it) and it leaves the lists; reports can still name it.</summary>
    public async Task<GroupResult> DeleteAsync(int id, string actor, CancellationToken cancellationToken = default)
    {
        if (await db.Groups.FirstOrDefaultAsync(g => g.Id == id && g.ArchivedAt == null, cancellationToken) is not { } group)
        {
            return GroupResult.NotFound;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var open = await db.GroupMemberships.Where(m => m.GroupId == id && m.LeftAt == null).ToListAsync(cancellationToken);
        foreach (var membership in open)
        {
            membership.LeftAt = now;
            await coverage.PersonLeftAsync(membership.PersonId, AssignmentTargetKind.Group, id, now, cancellationToken);
        }

        group.ArchivedAt = now;
        await audit.RecordAsync(AuditAction.GroupDeleted, actor, group.Name, $"{open.Count} member(s) left it", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return GroupResult.Done($"Deleted the group {group.Name}.");
    }

    /// <summary>Current colleagues whose name, username or e-mail address contains the query, marked when already in the group.</summary>
    public async Task<IReadOnlyList<PersonMatch>> SearchPeopleAsync(int groupId, string? query, CancellationToken cancellationToken = default)
    {
        var text = query?.Trim().ToUpperInvariant() ?? "";
        if (text.Length == 0)
        {
            return [];
        }

        return await db.People.AsNoTracking()
            .Where(p => p.LeftAt == null && (p.Name.ToUpper().Contains(text) || p.Username.ToUpper().Contains(text) || (p.Email != null && p.Email.ToUpper().Contains(text))))
            .OrderBy(p => p.Name).ThenBy(p => p.Username)
            .Take(SearchLimit)
            .Select(p => new PersonMatch(
                p.Id,
                p.Username,
                p.Name,
                p.Department != null ? p.Department.Name : null,
                db.GroupMemberships.Any(m => m.GroupId == groupId && m.PersonId == p.Id && m.LeftAt == null)))
            .ToListAsync(cancellationToken);
    }

    public async Task<GroupResult> AddPersonAsync(int groupId, int personId, string actor, CancellationToken cancellationToken = default)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId && p.LeftAt == null, cancellationToken))
        {
            return GroupResult.Invalid("person", "That person cannot be added: they are not a current colleague.");
        }

        return await AddPeopleAsync(groupId, [personId], "by name", actor, cancellationToken);
    }

    /// <summary>Adds everyone currently in the department who is not in the group yet.</summary>
    public async Task<GroupResult> AddDepartmentAsync(int groupId, int? departmentId, string actor, CancellationToken cancellationToken = default)
    {
        var department = departmentId is { } id ? await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken) : null;
        if (department is null)
        {
            return GroupResult.Invalid("department", "Choose a department.");
        }

        var people = await db.People.Where(p => p.DepartmentId == department.Id && p.LeftAt == null).Select(p => p.Id).ToListAsync(cancellationToken);
        return await AddPeopleAsync(groupId, people, $"everyone in {department.Name}", actor, cancellationToken);
    }

    /// <summary>
    /// Adds the people not yet in the group (joining now) and gives them the group's assignments, in one save; people
    /// already in it are left as they are.
    /// </summary>
    internal async Task<GroupResult> AddPeopleAsync(int groupId, IReadOnlyCollection<int> personIds, string how, string actor, CancellationToken cancellationToken)
    {
        if (await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId && g.ArchivedAt == null, cancellationToken) is not { } group)
        {
            return GroupResult.NotFound;
        }

        var already = await db.GroupMemberships.Where(m => m.GroupId == groupId && m.LeftAt == null).Select(m => m.PersonId).ToListAsync(cancellationToken);
        var joining = personIds.Distinct().Except(already).ToList();
        if (joining.Count == 0)
        {
            return GroupResult.Done(personIds.Count == 0 ? "Nobody to add." : "Everyone named is already in the group.", groupId);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var personId in joining)
        {
            db.GroupMemberships.Add(new GroupMembership { GroupId = groupId, PersonId = personId, JoinedAt = now });
            await coverage.PersonJoinedAsync(personId, AssignmentTargetKind.Group, groupId, now, cancellationToken);
        }

        var names = await db.People.AsNoTracking().Where(p => joining.Contains(p.Id)).OrderBy(p => p.Username).Select(p => p.Username).ToListAsync(cancellationToken);
        await audit.RecordAsync(AuditAction.GroupMembersAdded, actor, group.Name, $"{how}: {string.Join(", ", names)}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var alreadyCount = personIds.Distinct().Count() - joining.Count;
        return GroupResult.Done(
            $"Added {Count(joining.Count)} to {group.Name}." + (alreadyCount > 0 ? $" {Count(alreadyCount)} already in it." : ""),
            groupId);
    }

    public async Task<GroupResult> RemoveAsync(int groupId, int personId, string actor, CancellationToken cancellationToken = default)
    {
        if (await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId && g.ArchivedAt == null, cancellationToken) is not { } group)
        {
            return GroupResult.NotFound;
        }

        var membership = await db.GroupMemberships.FirstOrDefaultAsync(m => m.GroupId == groupId && m.PersonId == personId && m.LeftAt == null, cancellationToken);
        if (membership is null)
        {
            return GroupResult.Done("That person is not in the group.", groupId);
        }

        var person = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Username, p.Name }).FirstAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        membership.LeftAt = now;
        await coverage.PersonLeftAsync(personId, AssignmentTargetKind.Group, groupId, now, cancellationToken);
        await audit.RecordAsync(AuditAction.GroupMemberRemoved, actor, group.Name, person.Username, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return GroupResult.Done($"Removed {person.Name} from {group.Name}.", groupId);
    }

    internal static string Count(int people) => people == 1 ? "1 person" : $"{people} people";

    private async Task<GroupResult?> CheckAsync(string? name, string? description, int? exceptId, CancellationToken cancellationToken)
    {
        var clean = name?.Trim() ?? "";
        if (clean.Length == 0)
        {
            return GroupResult.Invalid("name", "Enter the group's name.");
        }

        if (!SingleLineText.IsValid(clean))
        {
            return GroupResult.Invalid("name", SingleLineText.Problem("The group's name"));
        }

        if (clean.Length > Group.NameMaxLength)
        {
            return GroupResult.Invalid("name", $"A group's name is at most {Group.NameMaxLength} characters.");
        }

        var text = description?.Trim() ?? "";
        if (text.Length > Group.DescriptionMaxLength)
        {
            return GroupResult.Invalid("description", $"A description is at most {Group.DescriptionMaxLength} characters.");
        }

        // Line breaks are fine in a description; other control characters are not.
        if (!SingleLineText.IsValid(text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal)))
        {
            return GroupResult.Invalid("description", "The description must not contain control characters.");
        }

        var upper = clean.ToUpperInvariant();
        var other = await db.Groups.AsNoTracking()
            .Where(g => g.Id != exceptId && g.Name.ToUpper() == upper)
            .Select(g => new { g.Name, g.ArchivedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return other is null
            ? null
            : GroupResult.Invalid("name", $"There is already a group called {other.Name}{(other.ArchivedAt is null ? "" : " (deleted)")}. Choose another name.");
    }
}
