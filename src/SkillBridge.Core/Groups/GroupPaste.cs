using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Data;

// In queries, string.ToUpper() becomes SQL UPPER(); the culture-aware overloads the analyzers want cannot be translated.
#pragma warning disable CA1304, CA1311

namespace SkillBridge.Core.Groups;

/// <summary>
/// Adding people to a group from a pasted list of usernames or e-mail addresses (one per line, or separated by commas
/// or semicolons). The list is checked first and shown as a preview; confirming checks the same text again and adds
/// only the entries that are ready then, so nothing the browser sends back is trusted.
/// </summary>
public sealed class GroupPaste(SkillBridgeDbContext db, GroupService groups)
{
    /// <summary>Longer pasted text is refused before it is read.</summary>
    public const int MaxLength = 100_000;

    private const int MaxEntryLength = 320;

    public async Task<PastePreview?> PreviewAsync(int groupId, string? text, CancellationToken cancellationToken = default)
    {
        if (!await db.Groups.AnyAsync(g => g.Id == groupId && g.ArchivedAt == null, cancellationToken))
        {
            return null;
        }

        var entries = Split(text ?? "");
        var keys = entries.Where(e => e.Text.Length <= MaxEntryLength).Select(e => e.Text.ToUpperInvariant()).Distinct().ToList();

        // Identity stores upper-cased usernames and e-mail addresses; People's are matched the same way.
        var people = await db.People.AsNoTracking()
            .Where(p => keys.Contains(p.Username.ToUpper()) || (p.Email != null && keys.Contains(p.Email.ToUpper())))
            .Select(p => new { p.Id, p.Username, p.Email, p.Name, p.LeftAt })
            .ToListAsync(cancellationToken);
        var accounts = await db.Users.AsNoTracking()
            .Where(u => u.PersonId != null && (keys.Contains(u.NormalizedUserName!) || keys.Contains(u.NormalizedEmail!)))
            .Select(u => new { u.NormalizedUserName, u.NormalizedEmail, u.PersonId })
            .ToListAsync(cancellationToken);
        var accountPeople = accounts.Select(a => a.PersonId!.Value).Except(people.Select(p => p.Id)).ToList();
        if (accountPeople.Count > 0)
        {
            people.AddRange(await db.People.AsNoTracking()
                .Where(p => accountPeople.Contains(p.Id))
                .Select(p => new { p.Id, p.Username, p.Email, p.Name, p.LeftAt })
                .ToListAsync(cancellationToken));
        }

        var inGroup = (await db.GroupMemberships.AsNoTracking()
            .Where(m => m.GroupId == groupId && m.LeftAt == null)
            .Select(m => m.PersonId)
            .ToListAsync(cancellationToken)).ToHashSet();

        var firstLine = new Dictionary<int, int>();
        var result = new List<PastedEntry>();
        foreach (var (line, entry) in entries)
        {
            if (entry.Length > MaxEntryLength)
            {
                result.Add(new PastedEntry(line, entry[..40] + "…", null, null, "too long to be a username or e-mail address"));
                continue;
            }

            var key = entry.ToUpperInvariant();
            var personId = people.FirstOrDefault(p => string.Equals(p.Username, entry, StringComparison.OrdinalIgnoreCase) || string.Equals(p.Email, entry, StringComparison.OrdinalIgnoreCase))?.Id
                ?? accounts.FirstOrDefault(a => a.NormalizedUserName == key || a.NormalizedEmail == key)?.PersonId;
            var person = personId is { } id ? people.First(p => p.Id == id) : null;
            string? problem = null;
            if (person is null)
            {
                problem = "unknown: nobody here has this username or e-mail address";
            }
            else if (person.LeftAt is not null)
            {
                problem = "a former colleague: their account was deleted";
            }
            else if (firstLine.TryGetValue(person.Id, out var first))
            {
                problem = $"listed twice: {person.Name} is already on line {first}";
            }
            else if (inGroup.Contains(person.Id))
            {
                problem = $"{person.Name} is already in the group";
            }

            if (person is not null)
            {
                firstLine.TryAdd(person.Id, line);
            }

            result.Add(new PastedEntry(line, entry, problem is null ? person!.Id : null, person?.LeftAt is null ? person?.Name : null, problem));
        }

        return new PastePreview(result);
    }

    /// <summary>Checks the text again and adds the entries ready now.</summary>
    public async Task<(GroupResult Result, PastePreview? Preview)> ConfirmAsync(int groupId, string? text, string actor, CancellationToken cancellationToken = default)
    {
        if (await PreviewAsync(groupId, text, cancellationToken) is not { } preview)
        {
            return (GroupResult.NotFound, null);
        }

        if (preview.Ready.Count == 0)
        {
            return (GroupResult.Invalid("list", "Nobody in the list can be added."), preview);
        }

        var result = await groups.AddPeopleAsync(groupId, [.. preview.Ready.Select(e => e.PersonId!.Value)], "from a pasted list", actor, cancellationToken);
        return (result, preview);
    }

    /// <summary>Each non-blank entry with its 1-based line: lines, then commas and semicolons within a line.</summary>
    public static IReadOnlyList<(int Line, string Text)> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var entries = new List<(int, string)>();
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (var part in lines[i].Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                entries.Add((i + 1, part));
            }
        }

        return entries;
    }
}
