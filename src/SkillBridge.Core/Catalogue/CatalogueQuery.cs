using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Catalogue;

/// <summary>What a learner asked the catalogue for; every field comes from the URL so a filtered view can be shared.</summary>
public sealed record CatalogueQuery(
    string? Category = null,
    string? Tag = null,
    ModuleLevel? Level = null,
    DurationRange? Duration = null,
    CatalogueSort Sort = CatalogueSort.Newest,
    int Page = 1);

public enum CatalogueSort
{
    Newest,
    Shortest,

    /// <summary>Most completions first, counted over every revision of a module.</summary>
    MostCompleted,
}

/// <summary>Time to complete, in the bands the catalogue filters by.</summary>
public enum DurationRange
{
    /// <summary>Up to 5 minutes.</summary>
    Quick,

    /// <summary>6 to 10 minutes.</summary>
    Medium,

    /// <summary>More than 10 minutes.</summary>
    Longer,
}

public static class DurationRanges
{
    public static (int Min, int Max) Bounds(this DurationRange range) => range switch
    {
        DurationRange.Quick => (0, 5),
        DurationRange.Medium => (6, 10),
        _ => (11, int.MaxValue),
    };

    public static string Label(this DurationRange range) => range switch
    {
        DurationRange.Quick => "Up to 5 minutes",
        DurationRange.Medium => "6 to 10 minutes",
        _ => "More than 10 minutes",
    };
}
