using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkillBridge.Core.Content;
using SkillBridge.Core.Data;
using SkillBridge.Core.People;

// In queries, string.ToUpper() becomes SQL UPPER(); the culture-aware overloads the analyzers want cannot be translated.
#pragma warning disable CA1304, CA1311, CA1862

namespace SkillBridge.Core.Accounts;

public sealed record NewAccount(string Username, string Email, string Password, string? Name = null);

/// <summary>A problem with one field of a form (empty field: the form as a whole).</summary>
public sealed record FieldError(string Field, string Message);

public sealed record AccountResult(SkillBridgeUser? User, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => User is not null && Errors.Count == 0;

    public static AccountResult Failed(string field, string message) => new(null, [new FieldError(field, message)]);
}

/// <summary>Whether a new account may take over a profile listed in people.yml (and the roles listed there).</summary>
public enum ProfileClaim
{
    /// <summary>Setup, invitations and dev accounts: an admin or the console vouched for the person.</summary>
    Allowed,

    /// <summary>Self-registration: nobody checked who this is, so a listed username or e-mail is refused.</summary>
    Refused,
}

/// <param name="PersonUsername">The linked profile's username (the admin page that sets the department is by it).</param>
public sealed record AccountSummary(string Id, string UserName, string? Email, string? Name, IReadOnlyList<string> Roles, DateTimeOffset? LockedUntil, string? PersonUsername = null, string? Department = null)
{
    /// <summary>The name people see (DisplayNames): the profile's name, else the username.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? UserName : Name;
}

public enum RoleChange
{
    Done,
    NoSuchAccount,
    UnknownRole,
    LastAdministrator,
}

/// <summary>Creates accounts (linked to their people.yml profile), changes roles and locks, and records each in the audit log.</summary>
public sealed class AccountService(
    SkillBridgeDbContext db,
    UserManager<SkillBridgeUser> users,
    AuditLog audit,
    UserSessions sessions,
    RequestThrottle throttle,
    IOptions<SkillBridgeOptions> options,
    TimeProvider time)
{
    public Task<bool> AdministratorExistsAsync(CancellationToken cancellationToken = default) =>
        db.UserRoles.AnyAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin), cancellationToken);

    public async Task<AccountResult> CreateAsync(NewAccount account, ProfileClaim claim, string? actor, IReadOnlyCollection<string> extraRoles, CancellationToken cancellationToken = default)
    {
        foreach (var (field, label, value) in new[] { (nameof(NewAccount.Username), "The username", account.Username), (nameof(NewAccount.Email), "The e-mail address", account.Email), (nameof(NewAccount.Name), "Your name", account.Name) })
        {
            if (!SingleLineText.IsValid(value))
            {
                return AccountResult.Failed(field, SingleLineText.Problem(label));
            }
        }

        var username = account.Username.Trim();
        var email = account.Email.Trim();
        if (username.Length == 0)
        {
            return AccountResult.Failed(nameof(NewAccount.Username), "Enter a username.");
        }

        if (email.Length == 0)
        {
            return AccountResult.Failed(nameof(NewAccount.Email), "Enter an e-mail address.");
        }

        if (Person.IsFormerUsername(username))
        {
            return AccountResult.Failed(nameof(NewAccount.Username), $"Usernames starting with \"{Person.FormerUsernamePrefix}\" are kept for former colleagues. Choose another.");
        }

        var person = await FindListedPersonAsync(username, email, cancellationToken);
        if (person is not null)
        {
            if (claim == ProfileClaim.Refused)
            {
                return AccountResult.Failed(nameof(NewAccount.Username), "This username or e-mail belongs to a member of staff listed on the site. Ask an administrator for an invitation instead.");
            }

            if (await db.Users.AnyAsync(u => u.PersonId == person.Id, cancellationToken))
            {
                return AccountResult.Failed(nameof(NewAccount.Username), $"{person.Name} already has an account.");
            }
        }

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            if (person is null)
            {
                person = new Person { Username = username, Name = string.IsNullOrWhiteSpace(account.Name) ? username : account.Name.Trim(), Email = email };
                db.People.Add(person);
                await db.SaveChangesAsync(cancellationToken);
            }

            var user = new SkillBridgeUser
            {
                UserName = username,
                Email = email,
                PersonId = person.Id,
                TimeZoneId = options.Value.DefaultTimeZone,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, account.Password);
            if (!created.Succeeded)
            {
                if (ownTransaction is not null)
                {
                    await ownTransaction.RollbackAsync(cancellationToken);
                }

                db.ChangeTracker.Clear();
                return new AccountResult(null, created.Errors.Select(ToFieldError).ToList());
            }

            await audit.RecordAsync(AuditAction.AccountCreated, actor ?? username, username, person.Username == username ? null : $"profile {person.Username}", cancellationToken);
            var roles = person.Roles.Concat(extraRoles).Where(Roles.IsKnown).Distinct(StringComparer.Ordinal).ToList();
            foreach (var role in roles)
            {
                await users.AddToRoleAsync(user, role);
                await audit.RecordAsync(AuditAction.RoleGranted, actor ?? username, username, role, cancellationToken);
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return new AccountResult(user, []);
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    public async Task<IReadOnlyList<AccountSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var accounts = await db.Users.AsNoTracking()
            .OrderBy(u => u.UserName)
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
        var now = time.GetUtcNow();
        return accounts
            .Select(a => new AccountSummary(a.Id, a.UserName ?? "", a.Email, a.Name, a.Roles.Order(StringComparer.Ordinal).ToList(), a.LockoutEnd > now ? a.LockoutEnd : null, a.PersonUsername, a.Department))
            .ToList();
    }

    public async Task<RoleChange> GrantRoleAsync(string userId, string role, string actor, CancellationToken cancellationToken = default)
    {
        if (!Roles.IsKnown(role))
        {
            return RoleChange.UnknownRole;
        }

        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return RoleChange.NoSuchAccount;
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            await users.AddToRoleAsync(user, role);
            await audit.RecordAsync(AuditAction.RoleGranted, actor, user.UserName!, role, cancellationToken);
        }

        return RoleChange.Done;
    }

    public async Task<RoleChange> RevokeRoleAsync(string userId, string role, string actor, CancellationToken cancellationToken = default)
    {
        if (!Roles.IsKnown(role))
        {
            return RoleChange.UnknownRole;
        }

        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return RoleChange.NoSuchAccount;
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            return RoleChange.Done;
        }

        await using var transaction = await AdministratorLock.BeginAsync(db, cancellationToken);
        if (role == Roles.Admin && !await AdministratorLock.AnotherUsableAdministratorAsync(users, user, time.GetUtcNow()))
        {
            return RoleChange.LastAdministrator;
        }

        await users.RemoveFromRoleAsync(user, role);

        // Every browser signs in again, so the role goes at once (the cookie carries the roles as claims).
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllAsync(user.Id, cancellationToken: cancellationToken);
        await audit.RecordAsync(AuditAction.RoleRevoked, actor, user.UserName!, role, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RoleChange.Done;
    }

    /// <summary>
    /// Locks an account until an admin unlocks it (ending all its sessions); refuses to lock the last administrator out.
    /// Unlocking also clears the wrong-password counts for the account, so throttled clients may try again.
    /// </summary>
    public async Task<RoleChange> SetLockedAsync(string userId, bool locked, string actor, CancellationToken cancellationToken = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return RoleChange.NoSuchAccount;
        }

        if (locked)
        {
            await using var transaction = await AdministratorLock.BeginAsync(db, cancellationToken);
            if (await users.IsInRoleAsync(user, Roles.Admin) && !await AdministratorLock.AnotherUsableAdministratorAsync(users, user, time.GetUtcNow()))
            {
                return RoleChange.LastAdministrator;
            }

            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user);
            await sessions.EndAllAsync(user.Id, cancellationToken: cancellationToken);
            await audit.RecordAsync(AuditAction.Locked, actor, user.UserName!, null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);

            // Clients held back by too many wrong passwords may try again at once.
            var account = ThrottleKeys.Account(user, user.UserName!);
            await throttle.ResetAsync(ThrottleKeys.SignInAccount(account), cancellationToken);
            await throttle.ResetAllAsync(ThrottleKeys.SignInClient(account, ""), cancellationToken);
            await audit.RecordAsync(AuditAction.Unlocked, actor, user.UserName!, null, cancellationToken);
        }

        return RoleChange.Done;
    }

    /// <summary>The people.yml profile with this username, or else this e-mail, if any.</summary>
    public async Task<Person?> FindListedPersonAsync(string username, string? email, CancellationToken cancellationToken = default)
    {
        var byName = await db.People.FirstOrDefaultAsync(p => p.Username.ToUpper() == username.ToUpperInvariant(), cancellationToken);
        if (byName is not null || string.IsNullOrWhiteSpace(email))
        {
            return byName;
        }

        var normalizedEmail = email.Trim().ToUpperInvariant();
        return await db.People.FirstOrDefaultAsync(p => p.Email != null && p.Email.ToUpper() == normalizedEmail, cancellationToken);
    }

    public static FieldError ToFieldError(IdentityError error) => new(
        error.Code switch
        {
            var c when c.StartsWith("Password", StringComparison.Ordinal) => nameof(NewAccount.Password),
            var c when c.Contains("Email", StringComparison.Ordinal) => nameof(NewAccount.Email),
            var c when c.Contains("UserName", StringComparison.Ordinal) => nameof(NewAccount.Username),
            _ => "",
        },
        error.Description);
}
