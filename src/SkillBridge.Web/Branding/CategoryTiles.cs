namespace SkillBridge.Web.Branding;

/// <summary>
/// The tile a module without a cover shows: one of a few colour-and-pattern styles in site.css, chosen from the
/// category key so the same category always looks the same, on every node and after every restart.
/// </summary>
public static class CategoryTiles
{
    /// <summary>How many tile styles site.css defines (.category-tile-0 ... -5).</summary>
    public const int Styles = 6;

    public static string CssClass(string categoryKey) => $"category-tile category-tile-{StableIndex(categoryKey)}";

    /// <summary>The category's first letter, drawn large on the tile.</summary>
    public static string Letter(string categoryName) =>
        categoryName.FirstOrDefault(char.IsLetterOrDigit) is var c && c != default ? char.ToUpperInvariant(c).ToString() : "•";

    // string.GetHashCode differs per process, so a tile would change colour on every restart: FNV-1a does not.
    private static int StableIndex(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Styles);
    }
}
