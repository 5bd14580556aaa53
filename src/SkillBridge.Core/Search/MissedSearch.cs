namespace SkillBridge.Core.Search;

/// <summary>A submitted search that found nothing: the words and when, never who asked (for L&amp;D's "what people did not find").</summary>
public sealed class MissedSearch
{
    public long Id { get; set; }

    public const int MaxQueryLength = 200;

    /// <summary>The query as typed, trimmed and cut to <see cref="MaxQueryLength"/> characters.</summary>
    public required string Query { get; set; }

    /// <summary>Lower-cased, single-spaced form, so "Teems" and "teems " count as one search.</summary>
    public required string NormalizedQuery { get; set; }

    public DateTime SearchedAt { get; set; }
}
