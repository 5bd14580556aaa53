using System.Text;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Data;
using SkillBridge.Core.Media;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Content;

public sealed record ExportProgress(int Done, int Total, string Item);

/// <summary>What an export wrote. Warnings name images two modules of one category share a path for but not the bytes.</summary>
public sealed record ExportResult(string Directory, int Modules, int Images, int People, int Categories, int Paths, IReadOnlyList<string> Warnings);

/// <summary>
/// Writes the site's content in the content format: people, categories, each module's published revision in its canonical
/// form with the images it uses, and paths. Importing the result into the same site changes nothing.
/// </summary>
public sealed class ContentExporter(SkillBridgeDbContext db, MediaStore mediaStore)
{
    public async Task<ExportResult> ExportAsync(string directory, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(directory);
        var people = await db.People.AsNoTracking().Include(p => p.Department).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Key).ToListAsync(cancellationToken);
        var revisions = await db.ModuleRevisions.AsNoTracking()
            .Where(r => r.Module.PublishedRevisionId == r.Id && r.Module.Status == ModuleStatus.Published)
            .Include(r => r.Module)
            .Include(r => r.Category)
            .Include(r => r.Authors).ThenInclude(a => a.Person)
            .Include(r => r.Images).ThenInclude(i => i.MediaFile)
            .OrderBy(r => r.Module.Slug)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var paths = await db.LearningPaths.AsNoTracking().Where(p => p.Status == Paths.PathStatus.Published)
            .Include(p => p.Modules).ThenInclude(m => m.Module).Include(p => p.CoverMedia)
            .OrderBy(p => p.Slug).AsSplitQuery().ToListAsync(cancellationToken);

        var total = 2 + revisions.Count + paths.Count;
        var done = 0;
        var warnings = new List<string>();
        Directory.CreateDirectory(root);
        await WriteAsync(root, ContentFolder.PeopleFile, PeopleText(people), cancellationToken);
        progress?.Report(new ExportProgress(++done, total, ContentFolder.PeopleFile));
        await WriteAsync(root, ContentFolder.CategoriesFile, CategoriesText(categories), cancellationToken);
        progress?.Report(new ExportProgress(++done, total, ContentFolder.CategoriesFile));

        var images = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var revision in revisions)
        {
            var folder = $"{ContentFolder.ModulesFolder}/{revision.Category.Key}/";
            var file = $"{folder}{revision.Module.Slug}.md";
            await WriteAsync(root, file, ToCanonical(revision).ToText(), cancellationToken);
            foreach (var image in revision.Images)
            {
                var target = folder + Uri.UnescapeDataString(image.Path);
                var full = Path.GetFullPath(Path.Combine(root, target));
                if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    warnings.Add($"{file}: image '{image.Path}' points outside the module's folder and was not written");
                    continue;
                }

                if (images.TryGetValue(target, out var sha))
                {
                    if (sha != image.MediaFile.Sha256)
                    {
                        warnings.Add($"{file}: image '{image.Path}' differs from the one another module of '{revision.Category.Key}' uses at the same path; the first was kept");
                    }

                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.Copy(mediaStore.PathOf(image.MediaFile), full, overwrite: true);
                images[target] = image.MediaFile.Sha256;
            }

            progress?.Report(new ExportProgress(++done, total, file));
        }

        foreach (var path in paths)
        {
            var file = $"{ContentFolder.PathsFolder}/{path.Slug}.yml";
            var text = new StringBuilder();
            text.Append("title: ").Append(YamlText.Scalar(path.Title)).Append('\n');
            if (path.Summary.Length > 0)
            {
                text.Append("summary: ").Append(YamlText.Scalar(path.Summary)).Append('\n');
            }

            if (path.CoverPath is { } cover && path.CoverMedia is { } coverMedia)
            {
                text.Append("cover: ").Append(YamlText.Scalar(cover)).Append('\n');
                var target = Path.GetFullPath(Path.Combine(root, ContentFolder.PathsFolder, Uri.UnescapeDataString(cover)));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(mediaStore.PathOf(coverMedia), target, overwrite: true);
                images[$"{ContentFolder.PathsFolder}/{cover}"] = coverMedia.Sha256;
            }

            text.Append("modules: ").Append(YamlText.FlowList(path.Modules.OrderBy(m => m.Position).Select(m => m.Module.Slug))).Append('\n');
            await WriteAsync(root, file, text.ToString(), cancellationToken);
            progress?.Report(new ExportProgress(++done, total, file));
        }

        return new ExportResult(root, revisions.Count, images.Count, people.Count, categories.Count, paths.Count, warnings);
    }

    /// <summary>A revision in the form import compares with and export writes.</summary>
    public static CanonicalModule ToCanonical(ModuleRevision revision) => new(
        revision.Module.Slug,
        revision.Title,
        revision.Summary,
        revision.Category.Key,
        revision.Tags.Select(t => t.Tag).ToList(),
        revision.Level,
        revision.Minutes,
        revision.Authors.OrderBy(a => a.Position).Select(a => a.Person.Username).ToList(),
        revision.Cover,
        revision.UpdatedOn,
        revision.Body);

    private static string PeopleText(IEnumerable<People.Person> people)
    {
        var text = new StringBuilder();
        foreach (var person in people)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append("- username: ").Append(YamlText.Scalar(person.Username)).Append('\n');
            Entry(text, "name", person.Name);
            Entry(text, "department", person.Department?.Name);
            Entry(text, "bio", person.Bio);
            if (person.HelpsWith.Count > 0)
            {
                text.Append("  helps_with: ").Append(YamlText.FlowList(person.HelpsWith)).Append('\n');
            }

            if (person.Roles.Count > 0)
            {
                text.Append("  roles: ").Append(YamlText.FlowList(person.Roles)).Append('\n');
            }

            Entry(text, "email", person.Email);
        }

        return text.ToString();
    }

    private static string CategoriesText(IEnumerable<Catalogue.Category> categories)
    {
        var text = new StringBuilder();
        foreach (var category in categories)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append("- key: ").Append(YamlText.Scalar(category.Key)).Append('\n');
            Entry(text, "name", category.Name);
            Entry(text, "description", category.Description);
        }

        return text.ToString();
    }

    private static void Entry(StringBuilder text, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            text.Append("  ").Append(key).Append(": ").Append(YamlText.Scalar(value)).Append('\n');
        }
    }

    private static async Task WriteAsync(string root, string relative, string text, CancellationToken cancellationToken)
    {
        var full = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
    }
}
