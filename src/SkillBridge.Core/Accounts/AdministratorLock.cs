using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Accounts;

/// <summary>
/// Serialises every change that can take an administrator away (revoking the role, locking, deleting the account), so
/// that "is this the last administrator?" and the change happen as one step: two admins removing each other at the
/// same moment leave one. The caller checks the count after <see cref="BeginAsync"/> and commits the transaction.
/// </summary>
public static class AdministratorLock
{
    public static async Task<IDbContextTransaction> BeginAsync(SkillBridgeDbContext db, CancellationToken cancellationToken)
    {
        // On SQLite the transaction begins IMMEDIATE (Microsoft.Data.Sqlite's default), which holds the database's
        // one write lock until commit. On PostgreSQL the admin role's row is the lock: a second caller waits here until
        // the first commits, and then (read committed) counts the administrators the first left.
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync(
                $"""SELECT 1 FROM "AspNetRoles" WHERE "NormalizedName" = {Roles.Admin.ToUpperInvariant()} FOR UPDATE""",
                cancellationToken);
        }

        return transaction;
    }

    /// <summary>
    /// Whether an administrator other than <paramref name="user"/> can still sign in: a locked administrator keeps the
    /// role but cannot use it, so locking every other one first does not get around the rule.
    /// </summary>
    public static async Task<bool> AnotherUsableAdministratorAsync(UserManager<SkillBridgeUser> users, SkillBridgeUser user, DateTimeOffset now) =>
        (await users.GetUsersInRoleAsync(Roles.Admin)).Any(a => a.Id != user.Id && (a.LockoutEnd is null || a.LockoutEnd <= now));
}
