using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Content;

/// <summary>Reads a module file: YAML front matter between '---' lines, then the Markdown body (design.md, "The content format").</summary>
public static partial class ModuleFileParser
{
    public const int MaxSlugLength = 120;
    private static readonly string[] Keys = ["title", "slug", "summary", "category", "tags", "level", "minutes", "authors", "cover", "updated"];
    private static readonly string[] RequiredKeys = ["title", "summary", "category", "level", "minutes", "authors"];

    /// <param name="path">Path relative to the content folder, forward slashes; named in problems.</param>
    /// <param name="text">The whole file.</param>
    public static ContentParseResult<ModuleFile> Parse(string path, string text)
    {
        var problems = new List<ContentProblem>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        if (lines[0].TrimEnd() != "---")
        {
            problems.Add(new ContentProblem(path, 1, "the file must start with front matter: a '---' line, the keys, and another '---' line"));
            return new ContentParseResult<ModuleFile>(null, problems);
        }

        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (close < 0)
        {
            problems.Add(new ContentProblem(path, 1, "the front matter is not closed by a '---' line"));
            return new ContentParseResult<ModuleFile>(null, problems);
        }

        // Front matter YAML line 1 is file line 2.
        var source = new YamlSource(path, 1, problems);
        var before = problems.Count;
        var root = source.Load(string.Join('\n', lines[1..close]));
        var fields = problems.Count > before ? null : YamlFields.Read(root, source, 1, Keys, RequiredKeys);
        var bodyFirstLine = close + 2;
        var body = CanonicalModule.NormaliseBody(string.Join('\n', lines[(close + 1)..]));
        var document = ModuleBodyParser.Parse(body, path, bodyFirstLine);
        problems.AddRange(document.Problems);
        if (fields is null)
        {
            return new ContentParseResult<ModuleFile>(null, problems);
        }

        var title = Limit(fields, "title", fields.Text("title", required: true), 200);
        var summary = Limit(fields, "summary", fields.Text("summary", required: true), 500);
        var category = fields.Text("category", required: true);
        var level = ReadLevel(fields);
        var minutes = fields.Has("minutes") ? fields.Integer("minutes", 1, 240) : null;
        var tags = ReadTags(fields);
        var authors = ReadAuthors(fields);
        var slug = ReadSlug(fields, title);
        var updated = fields.Has("updated") ? fields.Date("updated") : null;
        var cover = fields.Text("cover");
        var images = new List<ImageReference>();
        if (cover is not null)
        {
            var error = ImagePathError(cover);
            if (error is null)
            {
                images.Add(new ImageReference(cover, fields.LineOf("cover", 1)));
            }
            else
            {
                fields.Report("cover", $"cover {error}");
            }
        }

        foreach (var image in ModuleBodyParser.FindImages(body, bodyFirstLine))
        {
            var error = ImagePathError(image.Path);
            if (error is not null)
            {
                problems.Add(new ContentProblem(path, image.Line, $"image '{image.Path}' {error}"));
            }
            else if (!images.Exists(i => i.Path == image.Path))
            {
                images.Add(image);
            }
        }

        if (problems.Count > 0 || title is null || summary is null || category is null || level is null
            || minutes is null || authors is null || slug is null || document.Value is null)
        {
            return new ContentParseResult<ModuleFile>(null, problems);
        }

        var keyLines = Keys.Where(fields.Has).ToDictionary(k => k, k => fields.LineOf(k, 1));
        var module = new ModuleFile(path, slug, title, summary, category, tags ?? [], level.Value, minutes.Value, authors, cover,
            updated, body, bodyFirstLine, document.Value)
        {
            Images = images,
            KeyLines = keyLines,
        };
        return new ContentParseResult<ModuleFile>(module, problems);
    }

    public static bool IsValidSlug(string slug) => slug.Length <= MaxSlugLength && SlugPattern().IsMatch(slug);

    /// <summary>Lowercase ASCII letters and digits joined by single hyphens; accents are dropped, other characters become hyphens.</summary>
    public static string SlugFromTitle(string title)
    {
        var ascii = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            ascii.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        var slug = Hyphens().Replace(ascii.ToString(), "-").Trim('-');
        return slug.Length <= MaxSlugLength ? slug : slug[..MaxSlugLength].TrimEnd('-');
    }

    /// <summary>Null when the path is a usable relative image path; otherwise what is wrong with it.</summary>
    internal static string? ImagePathError(string path)
    {
        if (ModuleBodyParser.HasScheme(path))
        {
            return "must be a path relative to the module file, not a URL";
        }

        if (path.StartsWith('/') || path.Contains('\\', StringComparison.Ordinal))
        {
            return "must be a relative path with forward slashes";
        }

        return path.Split('/').Any(segment => segment is ".." or "") ? "must stay inside the module's folder (no '..')" : null;
    }

    private static string? Limit(YamlFields fields, string key, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            fields.Report(key, $"'{key}' is longer than {max} characters");
            return null;
        }

        return value;
    }

    private static ModuleLevel? ReadLevel(YamlFields fields)
    {
        var text = fields.Text("level", required: true);
        switch (text)
        {
            case null:
                return null;
            case "beginner":
                return ModuleLevel.Beginner;
            case "intermediate":
                return ModuleLevel.Intermediate;
            case "advanced":
                return ModuleLevel.Advanced;
            default:
                fields.Report("level", $"'level' must be beginner, intermediate or advanced, not '{text}'");
                return null;
        }
    }

    private static IReadOnlyList<string>? ReadTags(YamlFields fields)
    {
        var tags = fields.TextList("tags");
        if (tags is null)
        {
            return null;
        }

        var duplicate = tags.GroupBy(t => t, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            fields.Report("tags", $"tag '{duplicate.Key}' is listed twice");
        }

        foreach (var tag in tags.Where(t => t.Length > 60))
        {
            fields.Report("tags", $"tag '{tag}' is longer than 60 characters");
        }

        return tags;
    }

    private static IReadOnlyList<string>? ReadAuthors(YamlFields fields)
    {
        var authors = fields.TextList("authors");
        if (authors is null)
        {
            return null;
        }

        if (authors.Count == 0)
        {
            fields.Report("authors", "'authors' must name at least one username");
            return null;
        }

        var duplicate = authors.GroupBy(a => a, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            fields.Report("authors", $"author '{duplicate.Key}' is listed twice");
            return null;
        }

        return authors;
    }

    private static string? ReadSlug(YamlFields fields, string? title)
    {
        if (fields.Has("slug"))
        {
            var slug = fields.Text("slug", required: true);
            if (slug is not null && !IsValidSlug(slug))
            {
                fields.Report("slug", $"slug '{slug}' must be lowercase letters, digits and single hyphens (at most {MaxSlugLength} characters)");
                return null;
            }

            return slug;
        }

        if (title is null)
        {
            return null;
        }

        var derived = SlugFromTitle(title);
        if (derived.Length == 0)
        {
            fields.Report("title", "no slug can be made from the title; add a 'slug:' key");
            return null;
        }

        return derived;
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("-{2,}")]
    private static partial Regex Hyphens();
}
