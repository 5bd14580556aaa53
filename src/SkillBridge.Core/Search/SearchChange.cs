namespace SkillBridge.Core.Search;

/// <summary>
/// One entry of the search change log: a module whose place in the search index may have changed (published,
/// unpublished, archived, renamed, deleted, or shown with a renamed author or category). Written in the same
/// transaction as the change itself (<see cref="SearchChangeInterceptor"/>); every node's <see cref="SearchIndex"/>
/// applies the log in order and records the last entry applied in its own commit.
/// </summary>
public sealed class SearchChange
{
    /// <summary>
    /// The <see cref="ModuleId"/> of the entry that marks where a pruned log now starts (<see cref="SearchIndex.PruneLogAsync"/>):
    /// a node that has not applied it may have missed pruned entries and rebuilds its index from the database.
    /// </summary>
    public const int LogPruned = 0;

    public long Id { get; set; }

    public int ModuleId { get; set; }

    public DateTime RecordedAt { get; set; }
}
