using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Data;
using SkillBridge.Core.Media;
using SkillBridge.Core.People;

namespace SkillBridge.Core.Accounts;

public enum AccountDeletionOutcome
{
    Deleted,
    NoSuchAccount,
    WrongPassword,
    LastAdministrator,
}

/// <param name="PersonKept">The profile stays, anonymised as "A former colleague", because modules or drafts credit it.</param>
/// <param name="FormerUsername">The former-… username the person's records now carry; null unless deleted.</param>
public sealed record AccountDeletionResult(AccountDeletionOutcome Outcome, bool PersonKept = false, string? FormerUsername = null)
{
    public bool Succeeded => Outcome == AccountDeletionOutcome.Deleted;
}

/// <summary>
/// Deletes an account and the person's data in one transaction: every <see cref="IPersonalDataSection"/> erases its
/// part, the profile is removed (or, when modules or drafts credit it, kept as "A former colleague"), the search index
/// is rewritten for the modules that named the person, and the account goes. Anything that fails undoes all of it.
/// </summary>
public sealed class AccountDeletion(
    SkillBridgeDbContext db,
    UserManager<SkillBridgeUser> users,
    IEnumerable<IPersonalDataSection> sections,
    AuditLog audit,
    MediaStore media,
    TimeProvider clock)
{
    /// <summary>The person deletes their own account, confirming with their password.</summary>
    public async Task<AccountDeletionResult> DeleteOwnAsync(string userId, string password, CancellationToken cancellationToken = default)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return new(AccountDeletionOutcome.NoSuchAccount);
        }

        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            return new(AccountDeletionOutcome.WrongPassword);
        }

        return await DeleteAsync(user, actor: null, cancellationToken);
    }

    /// <summary>An administrator deletes someone's account.</summary>
    public async Task<AccountDeletionResult> DeleteForAsync(string userId, string actorUsername, CancellationToken cancellationToken = default) =>
        await users.FindByIdAsync(userId) is { } user
            ? await DeleteAsync(user, actorUsername, cancellationToken)
            : new(AccountDeletionOutcome.NoSuchAccount);

    private async Task<AccountDeletionResult> DeleteAsync(SkillBridgeUser user, string? actor, CancellationToken cancellationToken)
    {
        await using var transaction = await AdministratorLock.BeginAsync(db, cancellationToken);
        if (await users.IsInRoleAsync(user, Roles.Admin) && !await AdministratorLock.AnotherUsableAdministratorAsync(users, user, clock.GetUtcNow()))
        {
            return new(AccountDeletionOutcome.LastAdministrator);
        }

        var person = user.PersonId is { } personId ? await db.People.FirstOrDefaultAsync(p => p.Id == personId, cancellationToken) : null;
        var subject = PersonalDataExporter.SubjectOf(user, person);
        var creditedModules = person is null
            ? []
            : await db.Modules.Where(m => m.Revisions.Any(r => r.Authors.Any(a => a.PersonId == person.Id))).Select(m => m.Id).ToListAsync(cancellationToken);
        var keepPerson = person is not null
            && (creditedModules.Count > 0 || await db.ModuleDrafts.AnyAsync(d => d.Authors.Contains(person.Username), cancellationToken));
        var erasure = new PersonalDataErasure(subject, NewFormerUsername(), keepPerson);

        IReadOnlyList<string> photoFiles;
        try
        {
            foreach (var section in sections)
            {
                await section.EraseAsync(erasure, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            var photoId = person?.PhotoMediaFileId;
            if (person is not null)
            {
                if (keepPerson)
                {
                    Anonymise(person, erasure.FormerUsername, clock.GetUtcNow().UtcDateTime);
                }
                else
                {
                    db.People.Remove(person);
                }
            }

            var deleted = await users.DeleteAsync(user);
            if (!deleted.Succeeded)
            {
                throw new InvalidOperationException("The account could not be deleted: " + string.Join(" ", deleted.Errors.Select(e => e.Description)));
            }

            await db.SaveChangesAsync(cancellationToken);

            // The photo goes too, unless the same image is used elsewhere; its files once the erasure has committed.
            photoFiles = photoId is { } id ? await media.ForgetIfUnusedAsync(id, cancellationToken) : [];
            await db.SaveChangesAsync(cancellationToken);

            // The search index names authors: SearchChangeInterceptor logged the modules showing the renamed person in
            // the save above, inside this transaction; this node's index applies them when it commits.
            await audit.RecordAsync(
                AuditAction.AccountDeleted,
                actor ?? erasure.FormerUsername,
                erasure.FormerUsername,
                keepPerson ? $"kept as a former colleague, credited on {creditedModules.Count} module(s)" : "profile removed",
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }

        media.DeleteFiles(photoFiles);

        return new(AccountDeletionOutcome.Deleted, keepPerson, erasure.FormerUsername);
    }

    private static void Anonymise(Person person, string formerUsername, DateTime now)
    {
        person.Username = formerUsername;
        person.Name = Person.FormerColleagueName;
        person.DepartmentId = null;
        person.Bio = "";
        person.HelpsWith = [];
        person.PhotoMediaFileId = null;
        person.Roles = [];
        person.Email = null;
        person.LeftAt = now;
    }

    private static string NewFormerUsername() => Person.FormerUsernamePrefix + RandomNumberGenerator.GetHexString(16, lowercase: true);
}
