using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Catalogue;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.People;

/// <summary>Author profiles: who they are, what they help with, what they wrote.</summary>
public sealed class PeopleService(SkillBridgeDbContext db)
{
    public async Task<PersonProfile?> FindProfileAsync(string username, CancellationToken cancellationToken = default)
    {
        // A former colleague has no profile: only the credits on their modules remain.
        var person = await db.People.AsNoTracking().Include(p => p.Department).Include(p => p.Photo).FirstOrDefaultAsync(p => p.Username == username && p.LeftAt == null, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var modules = await PublishedRevisions()
            .Where(r => r.Authors.Any(a => a.PersonId == person.Id))
            .OrderBy(r => r.Title)
            .Select(ModuleCard.FromRevision)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        return new PersonProfile(person.Username, person.Name, person.Department?.Name ?? "", person.Bio, person.HelpsWith, modules,
            person.Photo is null ? null : Media.MediaUrls.Of(person.Photo));
    }

    /// <summary>The display names of these usernames, in one query.</summary>
    public async Task<DisplayNames> DisplayNamesAsync(IEnumerable<string> usernames, CancellationToken cancellationToken = default)
    {
        var wanted = usernames.Where(u => !string.IsNullOrEmpty(u)).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            return DisplayNames.None;
        }

        var names = await db.People.AsNoTracking().Where(p => wanted.Contains(p.Username)).ToDictionaryAsync(p => p.Username, p => p.Name, StringComparer.Ordinal, cancellationToken);
        return new DisplayNames(names);
    }

    /// <summary>Everyone who wrote at least one published module, most prolific first.</summary>
    public Task<List<PersonSummary>> ListAuthorsAsync(CancellationToken cancellationToken = default) =>
        db.People.AsNoTracking()
            .Where(p => p.LeftAt == null)
            .Select(p => new
            {
                Person = p,
                Count = PublishedRevisions().Count(r => r.Authors.Any(a => a.PersonId == p.Id)),
            })
            .Where(x => x.Count > 0)
            .OrderBy(x => x.Person.Name)
            .Select(x => new PersonSummary(x.Person.Username, x.Person.Name, x.Person.Department != null ? x.Person.Department.Name : "", x.Person.HelpsWith, x.Count))
            .ToListAsync(cancellationToken);

    private IQueryable<ModuleRevision> PublishedRevisions() =>
        db.Modules.Where(m => m.Status == ModuleStatus.Published && m.PublishedRevision != null).Select(m => m.PublishedRevision!);
}
