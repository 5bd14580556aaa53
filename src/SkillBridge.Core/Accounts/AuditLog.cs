using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Data;

// In queries, string.ToUpper() becomes SQL UPPER(); the culture-aware overloads the analyzers want cannot be translated.
#pragma warning disable CA1304, CA1311, CA1862

namespace SkillBridge.Core.Accounts;

public sealed record AuditQuery(string? Action = null, string? Person = null, DateTime? FromUtc = null, DateTime? ToUtc = null, int Page = 1);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Records who did what and when, and lets admins read it back filtered.</summary>
public sealed class AuditLog(SkillBridgeDbContext db, TimeProvider time)
{
    public const int PageSize = 50;

    /// <summary>
    /// Adds an entry and saves. It shares the request's context, so pending changes are saved with it: call it
    /// after the change it describes, in the same unit of work.
    /// </summary>
    public async Task RecordAsync(string action, string? actorUsername, string subject, string? details, CancellationToken cancellationToken = default)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            Action = Clip(action, 40)!,
            Actor = Clip(actorUsername, 256),
            Subject = Clip(subject, 256) ?? "",
            Details = Clip(details, 1000),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<AuditPage> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var entries = Filter(query);
        var total = await entries.CountAsync(cancellationToken);
        var page = Math.Max(1, query.Page);
        var list = await entries
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        return new AuditPage(list, total, page, PageSize);
    }

    /// <summary>Every entry the filters match (the page is ignored), newest first, at most <paramref name="limit"/>.</summary>
    /// <summary>
    /// The title of each module the entries name: the published revision's, else the newest revision's. Slugs of
    /// modules deleted since are left out (the sentence then shows the slug).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> ModuleTitlesAsync(IEnumerable<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        var slugs = AuditText.ModuleSlugs(entries);
        if (slugs.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in slugs.Chunk(500))
        {
            var rows = await db.Modules.AsNoTracking()
                .Where(m => chunk.Contains(m.Slug))
                .Select(m => new
                {
                    m.Slug,
                    Title = m.PublishedRevision != null
                        ? m.PublishedRevision.Title
                        : m.Revisions.OrderByDescending(r => r.Id).Select(r => r.Title).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);
            foreach (var row in rows.Where(r => !string.IsNullOrEmpty(r.Title)))
            {
                titles[row.Slug] = row.Title!;
            }
        }

        return titles;
    }

    public async Task<IReadOnlyList<AuditEntry>> ExportAsync(AuditQuery query, int limit, CancellationToken cancellationToken = default) =>
        await Filter(query).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(limit).ToListAsync(cancellationToken);

    private IQueryable<AuditEntry> Filter(AuditQuery query)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(e => e.Action == query.Action);
        }

        if (!string.IsNullOrWhiteSpace(query.Person))
        {
            var person = query.Person.Trim().ToUpperInvariant();
            entries = entries.Where(e => (e.Actor != null && e.Actor.ToUpper() == person) || e.Subject.ToUpper() == person);
        }

        if (query.FromUtc is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (query.ToUtc is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }

        return entries;
    }

    private static string? Clip(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
