using System.Globalization;
using System.Text.RegularExpressions;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Authoring;

/// <summary>
/// File names for images added to a module. A pasted screenshot arrives as "image.png" (or "blob"), which says nothing
/// and collides; such a name becomes the module's slug, the step and the day, e.g. share-your-screen-step-2-2026-03-02.
/// </summary>
public static partial class ImageNames
{
    /// <summary>The readable stem (no folder, no extension) for an upload named <paramref name="originalName"/>.</summary>
    public static string Stem(string? originalName, string moduleSlug, int? step, DateOnly day)
    {
        var stem = Slug.FromTitle(Path.GetFileNameWithoutExtension(originalName ?? ""));
        if (stem.Length > 0 && stem != "module" && !Meaningless().IsMatch(stem))
        {
            return stem;
        }

        var where = step is > 0 ? $"-step-{step.Value.ToString(CultureInfo.InvariantCulture)}" : "";
        return $"{moduleSlug}{where}-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
    }

    /// <summary>The names browsers and operating systems give pasted or unnamed images.</summary>
    [GeneratedRegex("^(image|img|blob|file|upload|pasted|pasted-image|clipboard|screenshot|untitled|unnamed)(-\\d+)?$")]
    private static partial Regex Meaningless();
}
