using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Content;

/// <summary>A parsed module file (modules/&lt;category&gt;/&lt;slug&gt;.md). Updated is null when the file does not say.</summary>
public sealed record ModuleFile(
    string Path,
    string Slug,
    string Title,
    string Summary,
    string Category,
    IReadOnlyList<string> Tags,
    ModuleLevel Level,
    int Minutes,
    IReadOnlyList<string> Authors,
    string? Cover,
    DateOnly? Updated,
    string Body,
    int BodyFirstLine,
    ModuleDocument Document)
{
    /// <summary>Images named by the body and the cover, each path once, with the line that first names it.</summary>
    public IReadOnlyList<ImageReference> Images { get; init; } = [];

    /// <summary>File lines of front matter keys, so cross-file problems (unknown category, author, slug) name them.</summary>
    public IReadOnlyDictionary<string, int> KeyLines { get; init; } = new Dictionary<string, int>();

    public int LineOf(string key) => KeyLines.TryGetValue(key, out var line) ? line : 1;

    public CanonicalModule ToCanonical(DateOnly updated) =>
        new(Slug, Title, Summary, Category, Tags, Level, Minutes, Authors, Cover, updated, Body);
}
