namespace SkillBridge.Core.Search.Synonyms;

/// <summary>
/// One line of the curators' synonym list: people who search <see cref="Searched"/> mean <see cref="Meaning"/>.
/// Applied when a query is read (<see cref="ISearchSynonymSource"/>), so a change needs no reindexing.
/// </summary>
public sealed class SearchSynonym
{
    public const int MaxLength = 100;

    public int Id { get; set; }

    /// <summary>The searched word or phrase, folded to lower case and single-spaced, as the engine looks it up.</summary>
    public required string Searched { get; set; }

    /// <summary>What those people mean, as the curator typed it.</summary>
    public required string Meaning { get; set; }

    /// <summary>Lower-cased <see cref="Meaning"/>, so the same pair in another case is refused by a unique index.</summary>
    public required string NormalizedMeaning { get; set; }

    public string? CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? ChangedBy { get; set; }

    public DateTime ChangedAt { get; set; }
}

/// <summary>
/// The one-row version stamp of the synonym list, bumped in the same transaction as every change, so each node can
/// check cheaply whether its cached list is still current.
/// </summary>
public sealed class SearchSynonymVersion
{
    public const int SingleId = 1;

    public int Id { get; set; }

    public long Version { get; set; }
}
