namespace SkillBridge.Core.Search;

/// <summary>Settings under SkillBridge:Search.</summary>
public sealed class SearchOptions
{
    /// <summary>This node's index folder; DataPath/search-index when empty. Nodes sharing a database each need their own.</summary>
    public string? IndexPath { get; set; }

    /// <summary>How often the index looks for changes made on other nodes (the issue asks for 2 seconds at most).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A missing index for at most this many published modules is built before the site serves (well under a second); a larger one in the background.</summary>
    public int ForegroundBuildLimit { get; set; } = 2000;

    /// <summary>
    /// A phrase of two body words estimated to read more positions than this (at 100,000 modules, two words each in
    /// nearly every module) has its word pairs indexed as terms when the index is built (<see cref="SearchPairs"/>).
    /// </summary>
    public long PhrasePositionsLimit { get; set; } = 1_000_000;

    /// <summary>
    /// An index of at least this many modules, twice as many as when it chose its word pairs (or chosen with another
    /// <see cref="PhrasePositionsLimit"/>), is rebuilt in the background at start-up to choose them again.
    /// </summary>
    public int PairsRebuildFrom { get; set; } = 10_000;

    /// <summary>
    /// Change-log entries older than this are deleted (checked hourly by every node). A node stopped for longer
    /// rebuilds its index from the database when it starts again.
    /// </summary>
    public TimeSpan LogRetention { get; set; } = TimeSpan.FromDays(30);
}
