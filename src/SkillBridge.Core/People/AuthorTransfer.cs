using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Content;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.People;

/// <summary>Who hands over to whom, as an <see cref="IAuthorTransferStep"/> sees it.</summary>
/// <param name="FromUserId">The departing person's account, or null when it is already deleted.</param>
/// <param name="ToUserId">The account taking over (always there: only an author with an account can take over).</param>
/// <param name="Curator">Username of the curator making the transfer.</param>
public sealed record AuthorHandover(Person From, string? FromUserId, Person To, string ToUserId, string Curator);

/// <summary>
/// Something besides modules that an author hands over when they leave, e.g. open mentoring requests. Register each with
/// <c>AddScoped&lt;IAuthorTransferStep, …&gt;()</c>; every step runs inside the transfer's transaction on the request's
/// <c>SkillBridgeDbContext</c> (change tracked entities, or run bulk statements; never commit; throw to undo the transfer).
/// </summary>
public interface IAuthorTransferStep
{
    /// <summary>Moves this feature's items to <see cref="AuthorHandover.To"/>; returns what moved for the curator ("2 open mentoring requests") or null for nothing.</summary>
    Task<string?> TransferAsync(AuthorHandover handover, CancellationToken cancellationToken);
}

public enum AuthorTransferOutcome
{
    Done,
    NoSuchPerson,
    NotAnAuthor,
    SamePerson,
}

/// <param name="Modules">Published modules that gained a revision crediting the new author.</param>
/// <param name="Drafts">Drafts whose author list gained the new author.</param>
/// <param name="Other">What the <see cref="IAuthorTransferStep"/>s moved.</param>
public sealed record AuthorTransferResult(AuthorTransferOutcome Outcome, string? Message, int Modules = 0, int Drafts = 0, IReadOnlyList<string>? Other = null)
{
    public bool Succeeded => Outcome == AuthorTransferOutcome.Done;
}

public sealed record TransferCandidate(string Username, string Name);

/// <summary>What a curator sees before handing a person's modules over.</summary>
public sealed record TransferSubject(string Username, string Name, bool IsFormerColleague, IReadOnlyList<string> Modules, IReadOnlyList<string> Drafts);

/// <summary>
/// A curator hands a departing author's modules to another author. Published revisions are history and stay as they
/// are; each module the person is credited on gets a new revision with the same content that also credits the new
/// author (right after the departing one), so the module page, the profile, search and "My modules" name the new author
/// at once and the next publish keeps crediting them. Drafts that list the person gain the new author too.
/// </summary>
public sealed class AuthorTransfer(
    SkillBridgeDbContext db,
    UserManager<SkillBridgeUser> users,
    IEnumerable<IAuthorTransferStep> steps,
    AuditLog audit,
    TimeProvider clock)
{
    public async Task<TransferSubject?> FindAsync(string username, CancellationToken cancellationToken = default)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Username == username, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var modules = await CurrentlyCredited(person.Id).Select(m => m.PublishedRevision!.Title).OrderBy(t => t).ToListAsync(cancellationToken);
        var drafts = await db.ModuleDrafts.AsNoTracking().Where(d => d.Authors.Contains(person.Username)).Select(d => d.Title).OrderBy(t => t).ToListAsync(cancellationToken);
        return new TransferSubject(person.Username, person.Name, person.IsFormerColleague, modules, drafts);
    }

    /// <summary>People who can take modules over: accounts with the author role and a profile.</summary>
    public async Task<List<TransferCandidate>> CandidatesAsync(string exceptUsername, CancellationToken cancellationToken = default)
    {
        var authorIds = (await users.GetUsersInRoleAsync(Roles.Author)).Where(u => u.PersonId is not null).Select(u => u.PersonId!.Value).ToList();
        return await db.People.AsNoTracking()
            .Where(p => authorIds.Contains(p.Id) && p.Username != exceptUsername)
            .OrderBy(p => p.Name).ThenBy(p => p.Username)
            .Select(p => new TransferCandidate(p.Username, p.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Former colleagues still credited on a module, for the curators' list.</summary>
    public Task<List<TransferCandidate>> FormerColleaguesAsync(CancellationToken cancellationToken = default) =>
        db.People.AsNoTracking()
            .Where(p => p.LeftAt != null)
            .OrderByDescending(p => p.LeftAt)
            .Select(p => new TransferCandidate(p.Username, p.Name))
            .ToListAsync(cancellationToken);

    public async Task<AuthorTransferResult> TransferAsync(string fromUsername, string toUsername, string curator, CancellationToken cancellationToken = default)
    {
        var from = await db.People.FirstOrDefaultAsync(p => p.Username == fromUsername, cancellationToken);
        var to = await db.People.FirstOrDefaultAsync(p => p.Username == toUsername, cancellationToken);
        if (from is null || to is null)
        {
            return new(AuthorTransferOutcome.NoSuchPerson, "Choose the author who takes over from the list.");
        }

        if (from.Id == to.Id)
        {
            return new(AuthorTransferOutcome.SamePerson, "Choose someone else to take over: this is the person who is leaving.");
        }

        var toUser = await db.Users.FirstOrDefaultAsync(u => u.PersonId == to.Id, cancellationToken);
        if (toUser is null || !await users.IsInRoleAsync(toUser, Roles.Author))
        {
            return new(AuthorTransferOutcome.NotAnAuthor, $"{to.Name} is not an author. Only someone with an account and the author role can take over modules.");
        }

        var fromUserId = await db.Users.Where(u => u.PersonId == from.Id).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        var handover = new AuthorHandover(from, fromUserId, to, toUser.Id, curator);
        var other = new List<string>();
        int modules, drafts;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            modules = await AddToPublishedAsync(from, to, curator, cancellationToken);
            drafts = await AddToDraftsAsync(from, to, cancellationToken);
            foreach (var step in steps)
            {
                if (await step.TransferAsync(handover, cancellationToken) is { } moved)
                {
                    other.Add(moved);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            var details = $"to {to.Username}: {modules} module(s), {drafts} draft(s)" + string.Concat(other.Select(o => "; " + o));
            await audit.RecordAsync(AuditAction.AuthorTransferred, curator, from.Username, details, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }

        return new(AuthorTransferOutcome.Done, null, modules, drafts, other);
    }

    private IQueryable<Module> CurrentlyCredited(int personId) =>
        db.Modules.Where(m => m.Status != ModuleStatus.Archived && m.PublishedRevision != null && m.PublishedRevision.Authors.Any(a => a.PersonId == personId));

    private async Task<int> AddToPublishedAsync(Person from, Person to, string curator, CancellationToken cancellationToken)
    {
        var modules = await CurrentlyCredited(from.Id)
            .Where(m => !m.PublishedRevision!.Authors.Any(a => a.PersonId == to.Id))
            .Include(m => m.PublishedRevision!).ThenInclude(r => r.Category)
            .Include(m => m.PublishedRevision!).ThenInclude(r => r.Tags)
            .Include(m => m.PublishedRevision!).ThenInclude(r => r.Authors).ThenInclude(a => a.Person)
            .Include(m => m.PublishedRevision!).ThenInclude(r => r.Images).ThenInclude(i => i.MediaFile)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var module in modules)
        {
            var current = module.PublishedRevision!;
            var number = 1 + await db.ModuleRevisions.Where(r => r.ModuleId == module.Id).MaxAsync(r => r.Number, cancellationToken);
            var revision = new ModuleRevision
            {
                Module = module,
                Number = number,
                Title = current.Title,
                Summary = current.Summary,
                Category = current.Category,
                Level = current.Level,
                Minutes = current.Minutes,
                Cover = current.Cover,
                Body = current.Body,
                UpdatedOn = current.UpdatedOn,
                CreatedAt = now,
                CreatedBy = curator,
                PublishNote = $"Credits only, content unchanged: {to.Name} now looks after this module.",
                Source = RevisionSource.Editor,
                ContentHash = "",
            };
            revision.Tags.AddRange(current.Tags.Select(t => new RevisionTag { Tag = t.Tag }));
            var credits = current.Authors.OrderBy(a => a.Position).Select(a => a.Person).ToList();
            credits.Insert(credits.FindIndex(p => p.Id == from.Id) + 1, to);
            revision.Authors.AddRange(credits.Select((person, position) => RevisionAuthor.Credit(person, position)));
            revision.Images.AddRange(current.Images.Select(i => new RevisionImage { Path = i.Path, MediaFileId = i.MediaFileId, MediaFile = i.MediaFile }));
            revision.ContentHash = ContentExporter.ToCanonical(revision).Hash(current.Images.Select(i => KeyValuePair.Create(i.Path, i.MediaFile.Sha256)));
            db.ModuleRevisions.Add(revision);

            // A new published revision: the search index interceptor rewrites this module's row in the same save.
            module.PublishedRevision = revision;
        }

        return modules.Count;
    }

    private async Task<int> AddToDraftsAsync(Person from, Person to, CancellationToken cancellationToken)
    {
        var drafts = await db.ModuleDrafts.Where(d => d.Authors.Contains(from.Username)).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var draft in drafts.Where(d => !d.Authors.Contains(to.Username)))
        {
            var authors = draft.Authors.ToList();
            authors.Insert(authors.IndexOf(from.Username) + 1, to.Username);
            draft.Authors = authors;

            // Someone editing the draft now is told it changed rather than overwriting the new author list.
            draft.Version++;
            changed++;
        }

        return changed;
    }
}
