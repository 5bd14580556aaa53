using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Data;
using SkillBridge.Core.People;

// In queries, string.ToUpper() becomes SQL UPPER(); the culture-aware overloads the analyzers want cannot be translated.
#pragma warning disable CA1304, CA1311, CA1862

namespace SkillBridge.Core.Accounts;

public sealed record CreditedModule(string Module, string Title, IReadOnlyList<int> Revisions);

/// <summary>The modules whose revisions credit the person. The credits stay when the account goes: the profile is anonymised instead.</summary>
public sealed class ModuleCreditsSection(SkillBridgeDbContext db) : IPersonalDataSection
{
    public string Name => "moduleCredits";

    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        if (subject.PersonId is not { } personId)
        {
            return Array.Empty<CreditedModule>();
        }

        var revisions = await db.ModuleRevisions.AsNoTracking()
            .Where(r => r.Authors.Any(a => a.PersonId == personId))
            .OrderBy(r => r.Module.Slug).ThenBy(r => r.Number)
            .Select(r => new { r.Module.Slug, r.Title, r.Number })
            .ToListAsync(cancellationToken);
        return revisions.GroupBy(r => r.Slug)
            .Select(g => new CreditedModule(g.Key, g.Last().Title, g.Select(r => r.Number).ToList()))
            .ToList();
    }

    public Task EraseAsync(PersonalDataErasure erasure, CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed record PublishedRevision(string Module, int Revision, DateTime PublishedAt);

/// <summary>Revisions the person published as a curator; "published by" then reads "A former colleague".</summary>
public sealed class RevisionsPublishedSection(SkillBridgeDbContext db) : IPersonalDataSection
{
    public string Name => "revisionsPublished";

    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken) =>
        await db.ModuleRevisions.AsNoTracking()
            .Where(r => r.CreatedBy == subject.Username)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new PublishedRevision(r.Module.Slug, r.Number, r.CreatedAt))
            .ToListAsync(cancellationToken);

    public Task EraseAsync(PersonalDataErasure erasure, CancellationToken cancellationToken) =>
        db.ModuleRevisions.Where(r => r.CreatedBy == erasure.Subject.Username)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedBy, Person.FormerColleagueName), cancellationToken);
}

public sealed record DraftCredit(string Module, string Title, string State, DateTime UpdatedAt);

/// <summary>Drafts that list the person as an author. They keep crediting the person, under their former-… username.</summary>
public sealed class DraftsSection(SkillBridgeDbContext db) : IPersonalDataSection
{
    public string Name => "drafts";

    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        if (subject.PersonUsername is not { } username)
        {
            return Array.Empty<DraftCredit>();
        }

        return await db.ModuleDrafts.AsNoTracking()
            .Where(d => d.Authors.Contains(username))
            .OrderBy(d => d.Module.Slug)
            .Select(d => new DraftCredit(d.Module.Slug, d.Title, d.State.ToString(), d.UpdatedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task EraseAsync(PersonalDataErasure erasure, CancellationToken cancellationToken)
    {
        var username = erasure.Subject.PersonUsername ?? erasure.Subject.Username;
        var drafts = await db.ModuleDrafts
            .Where(d => d.Authors.Contains(username) || d.UpdatedBy == erasure.Subject.Username || d.ScheduledBy == erasure.Subject.Username)
            .ToListAsync(cancellationToken);
        foreach (var draft in drafts)
        {
            // The deletion keeps the profile whenever a draft lists it, so the former-… username still names somebody.
            // A new version, so an editor still open on the old author list cannot save the erased username back.
            draft.Authors = draft.Authors.Select(a => a == username ? erasure.FormerUsername : a).ToList();
            draft.Version++;
            if (draft.UpdatedBy == erasure.Subject.Username)
            {
                draft.UpdatedBy = Person.FormerColleagueName;
            }

            if (draft.ScheduledBy == erasure.Subject.Username)
            {
                draft.ScheduledBy = Person.FormerColleagueName;
            }
        }
    }
}

public sealed record WrittenComment(string Module, string Text, DateTime CreatedAt);

/// <summary>
/// Review comments the person wrote as a curator. The text stays, because it is feedback the module's authors still
/// need; the name is replaced by "A former colleague".
/// </summary>
public sealed class ReviewCommentsSection(SkillBridgeDbContext db) : IPersonalDataSection
{
    public string Name => "reviewComments";

    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken) =>
        await db.ReviewComments.AsNoTracking()
            .Where(c => c.Author == subject.Username)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new WrittenComment(c.Module.Slug, c.Text, c.CreatedAt))
            .ToListAsync(cancellationToken);

    public Task EraseAsync(PersonalDataErasure erasure, CancellationToken cancellationToken) =>
        db.ReviewComments.Where(c => c.Author == erasure.Subject.Username)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Author, Person.FormerColleagueName), cancellationToken);
}

/// <param name="Name">The name the inviting admin gave the new account, if any.</param>
/// <param name="Roles">The roles the invitation grants (author, curator, admin), empty for a learner.</param>
public sealed record InvitationRecord(string Email, string? Username, string? Name, IReadOnlyList<string> Roles, string InvitedBy, DateTime CreatedAt, DateTime? AcceptedAt);

/// <summary>
/// Invitations sent to the person (removed with the account) and by them (kept, with the sender pseudonymised), and the
/// password-reset links they made as an admin (kept, pseudonymised).
/// </summary>
public sealed class InvitationsSection(SkillBridgeDbContext db) : IPersonalDataSection
{
    public string Name => "invitations";

    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var email = subject.Email?.ToUpperInvariant();
        var invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.InvitedBy == subject.Username || (email != null && i.Email.ToUpper() == email) || i.Username == subject.Username)
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);
        return invitations.Select(i => new InvitationRecord(i.Email, i.Username, i.Name, i.RoleList, i.InvitedBy, i.CreatedAt, i.AcceptedAt)).ToList();
    }

    public async Task EraseAsync(PersonalDataErasure erasure, CancellationToken cancellationToken)
    {
        var subject = erasure.Subject;
        var email = subject.Email?.ToUpperInvariant();
        await db.Invitations.Where(i => (email != null && i.Email.ToUpper() == email) || i.Username == subject.Username)
            .ExecuteDeleteAsync(cancellationToken);
        await db.Invitations.Where(i => i.InvitedBy == subject.Username)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.InvitedBy, erasure.FormerUsername), cancellationToken);

        // Reset links made for the person go with the account (cascade); those an admin made for others keep a pseudonym.
        await db.PasswordResetLinks.Where(l => l.CreatedBy == subject.Username)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.CreatedBy, erasure.FormerUsername), cancellationToken);
    }
}

public sealed record AuditRecord(DateTime At, string Action, string? Actor, string Subject, string? Details);

/// <summary>
/// Audit entries by or about the person. They stay, because the log is the site's security record, but name the person
/// by their former-… username only, so entries still read as one person's without saying who.
/// </summary>
public sealed class AuditLogSection(SkillBridgeDbContext db) : IPersonalDataSection
{
    public string Name => "auditLog";

    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken) =>
        await About(subject)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new AuditRecord(e.At, e.Action, e.Actor, e.Subject, e.Details))
            .ToListAsync(cancellationToken);

    public async Task EraseAsync(PersonalDataErasure erasure, CancellationToken cancellationToken)
    {
        var names = Names(erasure.Subject);
        await db.AuditEntries.Where(e => e.Actor != null && names.Contains(e.Actor.ToUpper()))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, erasure.FormerUsername), cancellationToken);
        await db.AuditEntries.Where(e => names.Contains(e.Subject.ToUpper()))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Subject, erasure.FormerUsername), cancellationToken);
    }

    private IQueryable<AuditEntry> About(PersonalDataSubject subject)
    {
        var names = Names(subject);
        return db.AuditEntries.AsNoTracking().Where(e => (e.Actor != null && names.Contains(e.Actor.ToUpper())) || names.Contains(e.Subject.ToUpper()));
    }

    private static List<string> Names(PersonalDataSubject subject) =>
        new[] { subject.Username, subject.Email, subject.PersonUsername }
            .Where(n => !string.IsNullOrEmpty(n))
            .Select(n => n!.ToUpperInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
