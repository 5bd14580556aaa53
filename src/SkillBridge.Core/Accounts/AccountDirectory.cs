using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Data;

// In queries, string.ToUpper() becomes SQL UPPER(); the culture-aware overloads the analyzers want cannot be translated.
#pragma warning disable CA1304, CA1311, CA1862

namespace SkillBridge.Core.Accounts;

public enum LockFilter
{
    Any,
    Locked,
    NotLocked,
}

/// <param name="Search">Part of a name, username or e-mail address.</param>
/// <param name="Role">One of <see cref="Roles.All"/>, or <see cref="NoRole"/> for learners only.</param>
public sealed record AccountQuery(string? Search = null, string? Role = null, int? DepartmentId = null, LockFilter Locked = LockFilter.Any, int Page = 1)
{
    public const string NoRole = "none";
}

public sealed record AccountPage(IReadOnlyList<AccountSummary> Accounts, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The accounts page's list: search, filters and paging, ordered by display name.</summary>
public sealed class AccountDirectory(SkillBridgeDbContext db, TimeProvider time)
{
    public const int PageSize = 25;

    public async Task<AccountPage> SearchAsync(AccountQuery query, CancellationToken cancellationToken = default)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim().ToUpperInvariant();
            users = users.Where(u => u.NormalizedUserName!.Contains(text)
                || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(text))
                || db.People.Any(p => p.Id == u.PersonId && p.Name.ToUpper().Contains(text)));
        }

        if (query.Role == AccountQuery.NoRole)
        {
            users = users.Where(u => !db.UserRoles.Any(ur => ur.UserId == u.Id));
        }
        else if (Roles.IsKnown(query.Role))
        {
            var normalizedRole = query.Role!.ToUpperInvariant();
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalizedRole)));
        }

        if (query.DepartmentId is { } departmentId)
        {
            users = users.Where(u => db.People.Any(p => p.Id == u.PersonId && p.DepartmentId == departmentId));
        }

        // Lockout ends are DateTimeOffsets, which SQLite cannot compare in SQL: the candidates' ends are read and compared here.
        var candidates = await users
            .Select(u => new { u.Id, u.UserName, Name = db.People.Where(p => p.Id == u.PersonId).Select(p => p.Name).FirstOrDefault(), u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var matching = candidates
            .Where(c => query.Locked switch
            {
                LockFilter.Locked => c.LockoutEnd > now,
                LockFilter.NotLocked => !(c.LockoutEnd > now),
                _ => true,
            })
            .OrderBy(c => c.Name ?? c.UserName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(c => c.UserName, StringComparer.Ordinal)
            .ToList();
        var pageCount = Math.Max(1, (matching.Count + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var ids = matching.Skip((page - 1) * PageSize).Take(PageSize).Select(c => c.Id).ToList();

        var rows = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.Email,
                Name = db.People.Where(p => p.Id == u.PersonId).Select(p => p.Name).FirstOrDefault(),
                PersonUsername = db.People.Where(p => p.Id == u.PersonId).Select(p => p.Username).FirstOrDefault(),
                Department = db.People.Where(p => p.Id == u.PersonId && p.Department != null).Select(p => p.Department!.Name).FirstOrDefault(),
                u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            })
            .ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var accounts = ids.Where(byId.ContainsKey).Select(id => byId[id])
            .Select(a => new AccountSummary(a.Id, a.UserName ?? "", a.Email, a.Name, a.Roles.Order(StringComparer.Ordinal).ToList(), a.LockoutEnd > now ? a.LockoutEnd : null, a.PersonUsername, a.Department))
            .ToList();
        return new AccountPage(accounts, matching.Count, page, PageSize);
    }

    public async Task<AccountSummary?> FindAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.Email,
                Name = db.People.Where(p => p.Id == u.PersonId).Select(p => p.Name).FirstOrDefault(),
                u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow();
        return user is null ? null : new AccountSummary(user.Id, user.UserName ?? "", user.Email, user.Name, user.Roles.Order(StringComparer.Ordinal).ToList(), user.LockoutEnd > now ? user.LockoutEnd : null);
    }
}
