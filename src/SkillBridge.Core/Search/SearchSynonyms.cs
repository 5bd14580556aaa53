namespace SkillBridge.Core.Search;

/// <summary>
/// Curators' synonyms ("people who search X mean Y"), applied when a query is read, never at indexing time.
/// <see cref="Meanings"/> maps a searched word or phrase, folded to lower case, to what the person means.
/// </summary>
public sealed record SearchSynonymSet(long Version, IReadOnlyDictionary<string, IReadOnlyList<string>> Meanings)
{
    public static SearchSynonymSet Empty { get; } = new(0, new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>What a searched word or phrase also means; empty when curators listed nothing for it.</summary>
    public IReadOnlyList<string> MeaningsOf(string searched) =>
        Meanings.TryGetValue(searched.Trim().ToLowerInvariant(), out var meanings) ? meanings : [];
}

/// <summary>The synonyms in force on this node: a change a curator makes reaches every node within 2 seconds.</summary>
public interface ISearchSynonymSource
{
    ValueTask<SearchSynonymSet> CurrentAsync(CancellationToken cancellationToken = default);
}

/// <summary>No synonyms: used until the curators' list is wired in.</summary>
public sealed class NoSearchSynonyms : ISearchSynonymSource
{
    public ValueTask<SearchSynonymSet> CurrentAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(SearchSynonymSet.Empty);
}
