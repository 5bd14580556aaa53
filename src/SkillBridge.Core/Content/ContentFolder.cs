using System.Security.Cryptography;
using SkillBridge.Core.Media;

namespace SkillBridge.Core.Content;

/// <summary>An image file a module names, checked by its bytes. File is relative to the content folder.</summary>
public sealed record ContentImage(string File, byte[] Bytes, ImageInfo Info, string Sha256);

/// <summary>Everything in a content folder, parsed and checked on its own (rules that need the database come later).</summary>
public sealed record ContentFolder(
    IReadOnlyList<PersonEntry> People,
    IReadOnlyList<CategoryEntry> Categories,
    IReadOnlyList<ModuleFile> Modules,
    IReadOnlyList<PathFile> Paths,
    IReadOnlyDictionary<string, ContentImage> Images)
{
    public const string PeopleFile = "people.yml";
    public const string CategoriesFile = "categories.yml";
    public const string ModulesFolder = "modules";
    public const string PathsFolder = "paths";

    /// <summary>The content-relative file of an image a module names (module folder + the path as written).</summary>
    public static string ImageFile(ModuleFile module, string imagePath)
    {
        var folder = module.Path[..(module.Path.LastIndexOf('/') + 1)];
        return folder + Uri.UnescapeDataString(imagePath);
    }

    /// <summary>The content-relative file of a path's cover (paths/ + the cover as written).</summary>
    public static string CoverFile(PathFile path) => $"{PathsFolder}/{Uri.UnescapeDataString(path.Cover!)}";

    /// <summary>Reads and checks every file; reports each one through progress as it is validated.</summary>
    public static async Task<ContentParseResult<ContentFolder>> ReadAsync(string directory, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var problems = new List<ContentProblem>();
        if (!Directory.Exists(directory))
        {
            problems.Add(new ContentProblem(directory, 0, "the content folder does not exist"));
            return new ContentParseResult<ContentFolder>(null, problems);
        }

        var moduleFiles = Files(directory, ModulesFolder, "*.md");
        var pathFiles = Files(directory, PathsFolder, "*.yml");
        var total = 2 + moduleFiles.Count + pathFiles.Count;
        var done = 0;

        async Task<string?> ReadText(string relative)
        {
            var full = Path.Combine(directory, relative);
            var text = File.Exists(full) ? await File.ReadAllTextAsync(full, cancellationToken) : null;
            progress?.Report(new ImportProgress(ImportStage.Validating, ++done, total, relative));
            return text;
        }

        var people = await ReadText(PeopleFile) is { } peopleText ? Collect(ContentListParser.ParsePeople(PeopleFile, peopleText), problems) ?? [] : [];
        var categories = await ReadText(CategoriesFile) is { } categoryText ? Collect(ContentListParser.ParseCategories(CategoriesFile, categoryText), problems) ?? [] : [];

        var modules = new List<ModuleFile>();
        var images = new Dictionary<string, ContentImage>(StringComparer.Ordinal);
        foreach (var relative in moduleFiles)
        {
            var parsed = ModuleFileParser.Parse(relative, (await ReadText(relative))!);
            problems.AddRange(parsed.Problems);
            var segments = relative.Split('/');
            if (segments.Length != 3)
            {
                problems.Add(new ContentProblem(relative, 1, "a module file belongs in modules/<category>/<slug>.md"));
                continue;
            }

            if (parsed.Value is not { } module)
            {
                continue;
            }

            if (module.Category != segments[1])
            {
                problems.Add(new ContentProblem(relative, module.LineOf("category"), $"category '{module.Category}' differs from the folder '{segments[1]}' the file is in"));
            }

            foreach (var image in module.Images)
            {
                await CheckImageAsync(directory, module, image, images, problems, cancellationToken);
            }

            modules.Add(module);
        }

        foreach (var group in modules.GroupBy(m => m.Slug).Where(g => g.Count() > 1))
        {
            foreach (var module in group)
            {
                var others = string.Join(", ", group.Where(m => m != module).Select(m => m.Path));
                problems.Add(new ContentProblem(module.Path, module.LineOf(module.KeyLines.ContainsKey("slug") ? "slug" : "title"), $"slug '{module.Slug}' is also used by {others}"));
            }
        }

        var paths = new List<PathFile>();
        foreach (var relative in pathFiles)
        {
            if (Collect(ContentListParser.ParsePath(relative, (await ReadText(relative))!), problems) is { } path)
            {
                if (path.Cover is { } cover)
                {
                    await CheckImageFileAsync(directory, CoverFile(path), path.Path, path.CoverLine, cover, images, problems, cancellationToken);
                }

                paths.Add(path);
            }
        }

        return problems.Count == 0
            ? new ContentParseResult<ContentFolder>(new ContentFolder(people, categories, modules, paths, images), problems)
            : new ContentParseResult<ContentFolder>(null, problems);
    }

    private static Task CheckImageAsync(string directory, ModuleFile module, ImageReference image, Dictionary<string, ContentImage> images, List<ContentProblem> problems, CancellationToken cancellationToken) =>
        CheckImageFileAsync(directory, ImageFile(module, image.Path), module.Path, image.Line, image.Path, images, problems, cancellationToken);

    private static async Task CheckImageFileAsync(string directory, string file, string namedIn, int line, string written, Dictionary<string, ContentImage> images, List<ContentProblem> problems, CancellationToken cancellationToken)
    {
        if (images.ContainsKey(file))
        {
            return;
        }

        var full = Path.Combine(directory, file);
        if (!File.Exists(full))
        {
            problems.Add(new ContentProblem(namedIn, line, $"image '{written}' does not exist"));
            return;
        }

        var bytes = await File.ReadAllBytesAsync(full, cancellationToken);
        if (ImageFormats.Identify(bytes) is not { } info)
        {
            problems.Add(new ContentProblem(namedIn, line, $"image '{written}' is not a PNG, JPEG, GIF or WebP image"));
            return;
        }

        images[file] = new ContentImage(file, bytes, info, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static T? Collect<T>(ContentParseResult<T> result, List<ContentProblem> problems)
        where T : class
    {
        problems.AddRange(result.Problems);
        return result.Value;
    }

    /// <summary>Content-relative paths with forward slashes, in ordinal order so runs are repeatable.</summary>
    private static List<string> Files(string directory, string folder, string pattern)
    {
        var root = Path.Combine(directory, folder);
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
