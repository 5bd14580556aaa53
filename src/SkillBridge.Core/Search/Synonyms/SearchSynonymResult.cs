namespace SkillBridge.Core.Search.Synonyms;

public enum SearchSynonymStatus
{
    Done,
    NotFound,

    /// <summary>The input was refused; the message says why and belongs next to <see cref="SearchSynonymResult.Field"/>.</summary>
    Invalid,
}

/// <summary>Which field of the synonym form a refusal belongs next to.</summary>
public enum SearchSynonymField
{
    None,
    Searched,
    Meaning,
}

/// <summary>The outcome of a change to the synonym list: done (with a message to show), not found, or invalid with the reason and its field.</summary>
public sealed record SearchSynonymResult(SearchSynonymStatus Status, string Message, SearchSynonymField Field = SearchSynonymField.None)
{
    public bool Succeeded => Status == SearchSynonymStatus.Done;

    public static SearchSynonymResult Done(string message) => new(SearchSynonymStatus.Done, message);

    public static SearchSynonymResult Invalid(SearchSynonymField field, string message) => new(SearchSynonymStatus.Invalid, message, field);

    public static SearchSynonymResult NotFound { get; } = new(SearchSynonymStatus.NotFound, "There is no such synonym: another curator may have removed it.");
}

/// <summary>A synonym as the curators' page lists it.</summary>
public sealed record SearchSynonymRow(int Id, string Searched, string Meaning, string? ChangedBy, DateTime ChangedAt);
