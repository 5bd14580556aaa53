using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Search.Synonyms;

public sealed record SynonymRecord(string Searched, string Meaning, bool Created, bool LastChanged, DateTime ChangedAt);

/// <summary>Synonyms the person added or last changed as a curator. They stay for searchers; the names become the former-… username.</summary>
public sealed class SearchSynonymsDataSection(SkillBridgeDbContext db) : IPersonalDataSection
{
    public string Name => "searchSynonyms";

    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken) =>
        await db.SearchSynonyms.AsNoTracking()
            .Where(s => s.CreatedBy == subject.Username || s.ChangedBy == subject.Username)
            .OrderBy(s => s.Searched).ThenBy(s => s.NormalizedMeaning)
            .Select(s => new SynonymRecord(s.Searched, s.Meaning, s.CreatedBy == subject.Username, s.ChangedBy == subject.Username, s.ChangedAt))
            .ToListAsync(cancellationToken);

    public async Task EraseAsync(PersonalDataErasure erasure, CancellationToken cancellationToken)
    {
        var username = erasure.Subject.Username;
        await db.SearchSynonyms.Where(s => s.CreatedBy == username)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedBy, erasure.FormerUsername), cancellationToken);
        await db.SearchSynonyms.Where(s => s.ChangedBy == username)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ChangedBy, erasure.FormerUsername), cancellationToken);
    }
}
