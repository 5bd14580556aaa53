using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Search;

/// <summary>
/// The names a results page's facets show (categories in their order, authors by username), kept for
/// <see cref="Fresh"/> per node so a faceted search does not read them from the database each time. Bounded: at most
/// <see cref="MostPeople"/> names are kept, and everything is read again once it is older than <see cref="Fresh"/>, so
/// a renamed category or person shows under the new name within that time.
/// </summary>
public sealed class SearchFacetNames(TimeProvider clock)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(10);

    public const int MostPeople = 10_000;

    private Snapshot? _snapshot;

    /// <summary>Every category (key, name) in display order.</summary>
    public async Task<IReadOnlyList<(string Key, string Name)>> CategoriesAsync(SkillBridgeDbContext db, CancellationToken cancellationToken) =>
        (await CurrentAsync(db, cancellationToken)).Categories;

    /// <summary>The names of <paramref name="usernames"/>; a username with no person is absent.</summary>
    public async Task<IReadOnlyDictionary<string, string>> PeopleAsync(SkillBridgeDbContext db, IReadOnlyCollection<string> usernames, CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(db, cancellationToken);
        var missing = usernames.Where(u => !snapshot.People.ContainsKey(u) && !snapshot.Unknown.ContainsKey(u)).ToList();
        if (missing.Count > 0)
        {
            var found = await db.People.AsNoTracking().Where(p => missing.Contains(p.Username)).Select(p => new { p.Username, p.Name }).ToListAsync(cancellationToken);
            if (snapshot.People.Count + missing.Count > MostPeople)
            {
                snapshot.People.Clear();
                snapshot.Unknown.Clear();
            }

            foreach (var username in missing)
            {
                snapshot.Unknown[username] = true;
            }

            foreach (var person in found)
            {
                snapshot.People[person.Username] = person.Name;
                snapshot.Unknown.TryRemove(person.Username, out _);
            }
        }

        // One read per name: another search may clear the names in between (MostPeople).
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var username in usernames)
        {
            if (snapshot.People.TryGetValue(username, out var name))
            {
                names[username] = name;
            }
        }

        return names;
    }

    private async Task<Snapshot> CurrentAsync(SkillBridgeDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (Volatile.Read(ref _snapshot) is { } current && now - current.ReadAt < Fresh)
        {
            return current;
        }

        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name).Select(c => new { c.Key, c.Name }).ToListAsync(cancellationToken);
        var snapshot = new Snapshot(now, [.. categories.Select(c => (c.Key, c.Name))]);
        Volatile.Write(ref _snapshot, snapshot);
        return snapshot;
    }

    private sealed record Snapshot(DateTimeOffset ReadAt, IReadOnlyList<(string Key, string Name)> Categories)
    {
        public System.Collections.Concurrent.ConcurrentDictionary<string, string> People { get; } = new(StringComparer.Ordinal);

        /// <summary>Usernames looked up and not found (former colleagues' placeholders), so they are not asked for again.</summary>
        public System.Collections.Concurrent.ConcurrentDictionary<string, bool> Unknown { get; } = new(StringComparer.Ordinal);
    }
}
