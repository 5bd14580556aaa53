using YamlDotNet.RepresentationModel;

namespace SkillBridge.Core.Content;

/// <summary>An entry of people.yml.</summary>
public sealed record PersonEntry(string Username, string Name, string Department, string Bio, IReadOnlyList<string> HelpsWith, IReadOnlyList<string> Roles, string? Email, int Line);

/// <summary>An entry of categories.yml; Position is its place in the file.</summary>
public sealed record CategoryEntry(string Key, string Name, string Description, int Position, int Line);

/// <summary>A learning path file (paths/&lt;slug&gt;.yml) with the file line of each listed module; Cover is relative to paths/.</summary>
public sealed record PathFile(string Path, string Slug, string Title, string Summary, IReadOnlyList<(string Slug, int Line)> Modules, string? Cover = null, int CoverLine = 0);

/// <summary>Parsers for people.yml, categories.yml and paths/*.yml: unknown keys, required keys and duplicates, each with its line.</summary>
public static class ContentListParser
{
    private static readonly string[] PersonKeys = ["username", "name", "department", "bio", "helps_with", "roles", "email"];
    private static readonly string[] PersonRequired = ["username", "name"];
    private static readonly string[] KnownRoles = ["author", "curator", "admin"];
    private static readonly string[] CategoryKeys = ["key", "name", "description"];
    private static readonly string[] CategoryRequired = ["key", "name"];
    private static readonly string[] PathKeys = ["title", "summary", "cover", "modules"];
    private static readonly string[] PathRequired = ["title", "modules"];

    public static ContentParseResult<IReadOnlyList<PersonEntry>> ParsePeople(string path, string text)
    {
        var problems = new List<ContentProblem>();
        var people = new List<PersonEntry>();
        var source = new YamlSource(path, 0, problems);
        foreach (var (item, fields) in Items(source, text, PersonKeys, PersonRequired))
        {
            var line = source.LineOf(item);
            var username = fields.Text("username", required: true);
            var name = fields.Text("name", required: true);
            var roles = fields.TextList("roles") ?? [];
            foreach (var role in roles.Where(r => !KnownRoles.Contains(r)))
            {
                fields.Report("roles", $"role '{role}' must be author, curator or admin");
            }

            if (username is not null && people.Exists(p => string.Equals(p.Username, username, StringComparison.OrdinalIgnoreCase)))
            {
                source.Add(fields.LineOf("username", line), $"username '{username}' is listed twice");
                continue;
            }

            if (username is not null && name is not null)
            {
                people.Add(new PersonEntry(username, name, fields.Text("department") ?? "", fields.Text("bio", multiline: true) ?? "",
                    fields.TextList("helps_with") ?? [], roles, fields.Text("email"), fields.LineOf("username", line)));
            }
        }

        return new ContentParseResult<IReadOnlyList<PersonEntry>>(problems.Count == 0 ? people : null, problems);
    }

    public static ContentParseResult<IReadOnlyList<CategoryEntry>> ParseCategories(string path, string text)
    {
        var problems = new List<ContentProblem>();
        var categories = new List<CategoryEntry>();
        var source = new YamlSource(path, 0, problems);
        foreach (var (item, fields) in Items(source, text, CategoryKeys, CategoryRequired))
        {
            var line = source.LineOf(item);
            var key = fields.Text("key", required: true);
            var name = fields.Text("name", required: true);
            if (key is not null && !ModuleFileParser.IsValidSlug(key))
            {
                fields.Report("key", $"category key '{key}' must be lowercase letters, digits and single hyphens");
                continue;
            }

            if (key is not null && categories.Exists(c => c.Key == key))
            {
                source.Add(fields.LineOf("key", line), $"category '{key}' is listed twice");
                continue;
            }

            if (key is not null && name is not null)
            {
                categories.Add(new CategoryEntry(key, name, fields.Text("description", multiline: true) ?? "", categories.Count, fields.LineOf("key", line)));
            }
        }

        return new ContentParseResult<IReadOnlyList<CategoryEntry>>(problems.Count == 0 ? categories : null, problems);
    }

    /// <param name="path">paths/&lt;slug&gt;.yml; the file name is the path's slug.</param>
    public static ContentParseResult<PathFile> ParsePath(string path, string text)
    {
        var problems = new List<ContentProblem>();
        var source = new YamlSource(path, 0, problems);
        var slug = System.IO.Path.GetFileNameWithoutExtension(path);
        if (!ModuleFileParser.IsValidSlug(slug))
        {
            source.Add(1, $"the file name '{slug}' must be a slug: lowercase letters, digits and single hyphens");
        }

        var root = source.Load(text);
        if (problems.Count > 0)
        {
            return new ContentParseResult<PathFile>(null, problems);
        }

        var fields = YamlFields.Read(root, source, 1, PathKeys, PathRequired);
        if (fields is null)
        {
            return new ContentParseResult<PathFile>(null, problems);
        }

        var title = fields.Text("title", required: true);
        var summary = fields.Text("summary") ?? "";
        var cover = fields.Text("cover");
        if (cover is not null && !IsPathCover(cover))
        {
            fields.Report("cover", $"cover '{cover}' must be an image file in paths/images/, written as images/<file>");
            cover = null;
        }

        var modules = new List<(string Slug, int Line)>();
        var sequence = fields.Sequence("modules");
        foreach (var item in sequence?.Children ?? [])
        {
            var module = (item as YamlScalarNode)?.Value?.Trim();
            if (string.IsNullOrEmpty(module))
            {
                source.Add(item, "'modules' must be a list of module slugs");
            }
            else if (modules.Exists(m => m.Slug == module))
            {
                source.Add(item, $"module '{module}' is listed twice");
            }
            else
            {
                modules.Add((module, source.LineOf(item)));
            }
        }

        if (sequence is not null && sequence.Children.Count == 0)
        {
            fields.Report("modules", "'modules' must list at least one module");
        }

        return problems.Count == 0 && title is not null
            ? new ContentParseResult<PathFile>(new PathFile(path, slug, title, summary, modules, cover, cover is null ? 0 : fields.LineOf("cover", 1)), problems)
            : new ContentParseResult<PathFile>(null, problems);
    }

    /// <summary>A cover names a file directly in paths/images/: no folders below it, no way out of it.</summary>
    private static bool IsPathCover(string cover) =>
        cover.StartsWith("images/", StringComparison.Ordinal) && cover.Length > "images/".Length
        && cover.IndexOfAny(['/', '\\'], "images/".Length) < 0 && !cover.Contains("..", StringComparison.Ordinal);

    /// <summary>The mappings of a top-level list, each read against its keys; an empty file is an empty list.</summary>
    private static IEnumerable<(YamlNode Item, YamlFields Fields)> Items(YamlSource source, string text, string[] keys, string[] required)
    {
        var root = source.Load(text);
        if (root is null)
        {
            yield break;
        }

        if (root is not YamlSequenceNode sequence)
        {
            source.Add(root, "expected a list of entries, each starting with '- '");
            yield break;
        }

        foreach (var item in sequence.Children)
        {
            var fields = YamlFields.Read(item, source, source.LineOf(item), keys, required);
            if (fields is not null)
            {
                yield return (item, fields);
            }
        }
    }
}
