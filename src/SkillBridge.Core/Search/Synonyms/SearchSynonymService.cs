using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Content;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Search.Synonyms;

/// <summary>
/// The synonym list curators keep ("people who search X mean Y"): add, change, remove. Each change bumps the list's
/// version in the same transaction (so every node's <see cref="DatabaseSearchSynonyms"/> sees it within 2 s) and is audited.
/// </summary>
public sealed class SearchSynonymService(SkillBridgeDbContext db, DatabaseSearchSynonyms source, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<SearchSynonymRow>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.SearchSynonyms.AsNoTracking()
            .OrderBy(s => s.Searched).ThenBy(s => s.NormalizedMeaning)
            .Select(s => new SearchSynonymRow(s.Id, s.Searched, s.Meaning, s.ChangedBy, s.ChangedAt))
            .ToListAsync(cancellationToken);

    public async Task<SearchSynonymRow?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        await db.SearchSynonyms.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new SearchSynonymRow(s.Id, s.Searched, s.Meaning, s.ChangedBy, s.ChangedAt))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<SearchSynonymResult> AddAsync(string? searched, string? meaning, string actor, CancellationToken cancellationToken = default)
    {
        var (pair, problem) = await CheckAsync(searched, meaning, exceptId: null, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.SearchSynonyms.Add(new SearchSynonym
        {
            Searched = pair.Searched,
            Meaning = pair.Meaning,
            NormalizedMeaning = Fold(pair.Meaning),
            CreatedBy = actor,
            CreatedAt = now,
            ChangedBy = actor,
            ChangedAt = now,
        });
        return await SaveAsync(AuditAction.SynonymAdded, actor, pair.Searched, $"means {pair.Meaning}", pair, $"Added: people who search “{pair.Searched}” mean “{pair.Meaning}”.", cancellationToken);
    }

    public async Task<SearchSynonymResult> ChangeAsync(int id, string? searched, string? meaning, string actor, CancellationToken cancellationToken = default)
    {
        if (await db.SearchSynonyms.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } synonym)
        {
            return SearchSynonymResult.NotFound;
        }

        var (pair, problem) = await CheckAsync(searched, meaning, exceptId: id, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (pair.Searched == synonym.Searched && pair.Meaning == synonym.Meaning)
        {
            return SearchSynonymResult.Done("The synonym is unchanged.");
        }

        var before = $"was “{synonym.Searched}” → “{synonym.Meaning}”";
        synonym.Searched = pair.Searched;
        synonym.Meaning = pair.Meaning;
        synonym.NormalizedMeaning = Fold(pair.Meaning);
        synonym.ChangedBy = actor;
        synonym.ChangedAt = clock.GetUtcNow().UtcDateTime;
        return await SaveAsync(AuditAction.SynonymChanged, actor, pair.Searched, $"means {pair.Meaning}; {before}", pair, $"Changed: people who search “{pair.Searched}” mean “{pair.Meaning}”.", cancellationToken);
    }

    public async Task<SearchSynonymResult> RemoveAsync(int id, string actor, CancellationToken cancellationToken = default)
    {
        if (await db.SearchSynonyms.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } synonym)
        {
            return SearchSynonymResult.NotFound;
        }

        db.SearchSynonyms.Remove(synonym);
        var pair = (synonym.Searched, synonym.Meaning);
        return await SaveAsync(AuditAction.SynonymRemoved, actor, synonym.Searched, $"meant {synonym.Meaning}", pair, $"Removed: “{synonym.Searched}” no longer means “{synonym.Meaning}”.", cancellationToken);
    }

    /// <summary>How the engine looks a searched text up: trimmed, single-spaced, lower case.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }

    /// <summary>The change, the version bump and the audit entry commit together; then this node's list is reloaded at its next use.</summary>
    private async Task<SearchSynonymResult> SaveAsync(
        string action, string actor, string subject, string details, (string Searched, string Meaning) pair, string message, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SearchSynonymVersions.Where(v => v.Id == SearchSynonymVersion.SingleId)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), cancellationToken);
            await audit.RecordAsync(action, actor, subject, details, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another curator saved the same pair a moment ago: the unique index refused this one.
            db.ChangeTracker.Clear();
            return Duplicate(pair.Searched, pair.Meaning);
        }

        source.Expire();
        return SearchSynonymResult.Done(message);
    }

    /// <summary>The folded searched text and the trimmed meaning, or why they are refused.</summary>
    private async Task<((string Searched, string Meaning) Pair, SearchSynonymResult? Problem)> CheckAsync(
        string? searched, string? meaning, int? exceptId, CancellationToken cancellationToken)
    {
        var cleanSearched = Fold(searched ?? "");
        var cleanMeaning = string.Join(' ', (meaning ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var pair = (cleanSearched, cleanMeaning);
        if (Problem(searched, cleanSearched, "Enter what people search for.", "What people search for") is { } searchedProblem)
        {
            return (pair, SearchSynonymResult.Invalid(SearchSynonymField.Searched, searchedProblem));
        }

        if (Problem(meaning, cleanMeaning, "Enter what they mean.", "What they mean") is { } meaningProblem)
        {
            return (pair, SearchSynonymResult.Invalid(SearchSynonymField.Meaning, meaningProblem));
        }

        var foldedMeaning = Fold(cleanMeaning);
        if (foldedMeaning == cleanSearched)
        {
            return (pair, SearchSynonymResult.Invalid(SearchSynonymField.Meaning, "What they mean must differ from what they search for."));
        }

        var taken = await db.SearchSynonyms.AsNoTracking()
            .AnyAsync(s => s.Id != exceptId && s.Searched == cleanSearched && s.NormalizedMeaning == foldedMeaning, cancellationToken);
        return taken ? (pair, Duplicate(cleanSearched, cleanMeaning)) : (pair, null);
    }

    private static string? Problem(string? raw, string clean, string empty, string field)
    {
        if (clean.Length == 0)
        {
            return empty;
        }

        // Checked on the text as typed: folding spaces would hide a line break or a tab.
        if (!SingleLineText.IsValid(raw?.Trim()))
        {
            return SingleLineText.Problem(field);
        }

        return clean.Length > SearchSynonym.MaxLength ? $"{field} is at most {SearchSynonym.MaxLength} characters." : null;
    }

    private static SearchSynonymResult Duplicate(string searched, string meaning) =>
        SearchSynonymResult.Invalid(SearchSynonymField.Searched, $"The list already says that people who search “{searched}” mean “{meaning}”.");
}
