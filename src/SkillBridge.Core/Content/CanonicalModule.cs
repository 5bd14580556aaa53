using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Content;

/// <summary>
/// A module in the one form that import compares and export writes: front matter in a fixed key order, tags sorted
/// (the database keeps tags as a set), the body with LF line endings and no trailing whitespace.
/// Its text is what export writes; its hash (text plus each image's SHA-256) tells import whether anything changed.
/// </summary>
public sealed record CanonicalModule(
    string Slug,
    string Title,
    string Summary,
    string Category,
    IReadOnlyList<string> Tags,
    ModuleLevel Level,
    int Minutes,
    IReadOnlyList<string> Authors,
    string? Cover,
    DateOnly Updated,
    string Body)
{
    public static string NormaliseBody(string body) => body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimEnd();

    public static IReadOnlyList<string> SortTags(IEnumerable<string> tags) =>
        tags.Order(StringComparer.OrdinalIgnoreCase).ThenBy(t => t, StringComparer.Ordinal).ToList();

    public string ToText()
    {
        var text = new StringBuilder();
        text.Append("---\n");
        Line(text, "title", YamlText.Scalar(Title));
        Line(text, "slug", YamlText.Scalar(Slug));
        Line(text, "summary", YamlText.Scalar(Summary));
        Line(text, "category", YamlText.Scalar(Category));
        Line(text, "tags", YamlText.FlowList(SortTags(Tags)));
        Line(text, "level", Level.ToString().ToLowerInvariant());
        Line(text, "minutes", Minutes.ToString(CultureInfo.InvariantCulture));
        Line(text, "authors", YamlText.FlowList(Authors));
        if (Cover is not null)
        {
            Line(text, "cover", YamlText.Scalar(Cover));
        }

        Line(text, "updated", Updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        text.Append("---\n");
        var body = NormaliseBody(Body);
        if (body.Length > 0)
        {
            text.Append(body).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>SHA-256 over the canonical text and, sorted by path, each image's path and content hash.</summary>
    public string Hash(IEnumerable<KeyValuePair<string, string>> imageHashes)
    {
        var text = new StringBuilder(ToText());
        foreach (var (path, sha) in imageHashes.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            text.Append("image ").Append(path).Append(' ').Append(sha).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void Line(StringBuilder text, string key, string value) => text.Append(key).Append(": ").Append(value).Append('\n');
}
