using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkillBridge.Core.Catalogue;
using SkillBridge.Core.Content.Markdown;
using SkillBridge.Core.Data;
using SkillBridge.Core.Departments;
using SkillBridge.Core.Media;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Paths;
using SkillBridge.Core.People;

namespace SkillBridge.Core.Content;

/// <summary>
/// Imports a content folder (design.md, "The content format"): validates everything first and writes nothing if any file
/// is invalid; then, in one transaction, upserts categories and people, publishes a new revision for each new or changed
/// module (matched by slug) and upserts paths. Modules edited in the site since their last import are left alone unless forced.
/// </summary>
public sealed class ContentImporter(
    SkillBridgeDbContext db,
    MediaUploadService mediaUploads,
    TimeProvider clock,
    ILogger<ContentImporter> logger,
    IOptions<SkillBridgeOptions> siteOptions,
    DepartmentMoves departmentMoves)
{
    public async Task<ImportResult> ImportAsync(string directory, ImportOptions options, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var read = await ContentFolder.ReadAsync(directory, progress, cancellationToken);
        if (read.Value is not { } content)
        {
            return ImportResult.Failed(read.Problems);
        }

        // Everything the import compares with is loaded once, up front.
        var categories = await db.Categories.ToDictionaryAsync(c => c.Key, StringComparer.Ordinal, cancellationToken);
        var people = await db.People.ToDictionaryAsync(p => p.Username, StringComparer.Ordinal, cancellationToken);
        // Revisions bring their owned tags, authors and images along: split, so they are not multiplied together.
        var modules = await db.Modules.Include(m => m.PublishedRevision).AsSplitQuery().ToDictionaryAsync(m => m.Slug, StringComparer.Ordinal, cancellationToken);
        var paths = await db.LearningPaths.Include(p => p.Modules).Include(p => p.CoverMedia).ToDictionaryAsync(p => p.Slug, StringComparer.Ordinal, cancellationToken);
        var departments = new ImportDepartments(await db.Departments.ToListAsync(cancellationToken));

        var problems = CheckReferences(content, categories, people, modules);
        problems.AddRange(departments.Check(content.People, ContentFolder.PeopleFile));
        var imageHosts = siteOptions.Value.Content.ImageHosts();
        problems.AddRange(content.Modules.SelectMany(module => ExternalImages.FindRefused(module.Body, module.BodyFirstLine, imageHosts)
            .Select(image => new ContentProblem(module.Path, image.Line, ExternalImages.Problem(image.Url)))));
        if (problems.Count > 0)
        {
            return ImportResult.Failed(problems);
        }

        var lastNumbers = await db.ModuleRevisions.GroupBy(r => r.ModuleId)
            .Select(g => new { ModuleId = g.Key, Number = g.Max(r => r.Number) })
            .ToDictionaryAsync(x => x.ModuleId, x => x.Number, cancellationToken);

        // Images go through the same pipeline as uploads (checks, metadata stripped, variants) before anything is written,
        // so an image the pipeline refuses fails the import like any other invalid file.
        var (media, imageProblems) = await StoreImagesAsync(content, cancellationToken);
        if (imageProblems.Count > 0)
        {
            return ImportResult.Failed(imageProblems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var categoriesChanged = UpsertCategories(content.Categories, categories);
        var changedPeople = UpsertPeople(content.People, people);
        var departmentsAdded = departments.AddMissing(content.People, db);

        // New people and departments need their ids before memberships can name them.
        await db.SaveChangesAsync(cancellationToken);
        foreach (var entry in content.People)
        {
            var person = people[entry.Username];
            if (departments.Resolve(entry.Department) is { } department && person.DepartmentId != department.Id)
            {
                await departmentMoves.MoveAsync(person, department.Id, now, cancellationToken);
                changedPeople.Add(entry.Username);
            }
        }

        var peopleChanged = changedPeople.Count;

        var writer = new RevisionWriter(categories, people, media, now);
        int created = 0, updated = 0, unchanged = 0;
        var skipped = new List<ContentProblem>();
        var published = new List<(Module Module, ModuleRevision Revision)>();
        var ownModules = new List<ContentProblem>();
        for (var i = 0; i < content.Modules.Count; i++)
        {
            var file = content.Modules[i];
            var publishedBefore = published.Count;
            // Hashed as stored (metadata stripped), which is also what export writes: export then import changes nothing.
            var imageHashes = file.Images.ToDictionary(image => image.Path, image => media[ContentFolder.ImageFile(file, image.Path)].Sha256);
            if (!modules.TryGetValue(file.Slug, out var module))
            {
                var updatedOn = file.Updated ?? DateOnly.FromDateTime(now);
                module = db.Modules.Add(new Module { Slug = file.Slug, CreatedAt = now }).Entity;
                modules[file.Slug] = module;
                published.Add((module, writer.AddRevision(module, 1, file, updatedOn, file.ToCanonical(updatedOn).Hash(imageHashes))));
                created++;
            }
            else if (!options.Force && (module.LastImportedRevisionId is null || module.PublishedRevisionId != module.LastImportedRevisionId))
            {
                skipped.Add(new ContentProblem(file.Path, 1, $"module '{file.Slug}' was changed in the site since its last import; left alone (use --force to overwrite it)"));
            }
            else
            {
                var updatedOn = file.Updated ?? module.PublishedRevision?.UpdatedOn ?? DateOnly.FromDateTime(now);
                var hash = file.ToCanonical(updatedOn).Hash(imageHashes);
                if (module.PublishedRevision?.ContentHash == hash && module.Status == ModuleStatus.Published)
                {
                    // Forced over a site edit identical to the file: the file and the site agree again.
                    module.LastImportedRevisionId = module.PublishedRevisionId;
                    unchanged++;
                }
                else
                {
                    var number = lastNumbers.GetValueOrDefault(module.Id) + 1;
                    published.Add((module, writer.AddRevision(module, number, file, updatedOn, hash)));
                    updated++;
                }
            }

            if (published.Count > publishedBefore && IsOwnModule(file, options))
            {
                ownModules.Add(new ContentProblem(file.Path, file.LineOf("authors"), $"{options.ImportedBy} is an author of this module, so another curator must import it (or set SkillBridge:Publishing:AllowSelfPublish)"));
            }

            progress?.Report(new ImportProgress(ImportStage.Writing, i + 1, content.Modules.Count, file.Path));
        }

        if (ownModules.Count > 0)
        {
            // Nothing is saved yet: forgetting the tracked changes and not committing leaves the site as it was.
            db.ChangeTracker.Clear();
            return ImportResult.Failed(ownModules);
        }

        // Modules and revisions point at each other: the revisions get their ids first, then the modules point at them.
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (module, revision) in published)
        {
            module.Status = ModuleStatus.Published;
            module.PublishedRevisionId = revision.Id;
            module.LastImportedRevisionId = revision.Id;
            module.PublishedAt = now;
        }

        var modulesSkipped = skipped.Count;
        var pathsChanged = await UpsertPathsAsync(content.Paths, paths, modules, media, options, skipped, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var counts = new ImportCounts(created, updated, unchanged, modulesSkipped, peopleChanged, categoriesChanged, pathsChanged, skipped.Count - modulesSkipped);
        logger.LogInformation("Imported {Directory}: {Counts}", directory, counts);
        return new ImportResult([], counts, skipped) { DepartmentsAdded = departmentsAdded };
    }

    /// <summary>The person importing wrote this module, and the site wants a second pair of eyes on it.</summary>
    private bool IsOwnModule(ModuleFile file, ImportOptions options) =>
        options.ImportedBy is { } importer
        && !siteOptions.Value.Publishing.AllowSelfPublish
        && file.Authors.Contains(importer, StringComparer.Ordinal);

    /// <summary>Stores every image once; on any refusal, forgets the rows added for the others and reports where each refused image is named.</summary>
    private async Task<(Dictionary<string, MediaFile> Media, List<ContentProblem> Problems)> StoreImagesAsync(ContentFolder content, CancellationToken cancellationToken)
    {
        var images = content.Images.Values.ToList();
        var results = await mediaUploads.AddAsync([.. images.Select(i => new MediaCandidate(i.Bytes, i.File))], cancellationToken);
        var media = new Dictionary<string, MediaFile>(StringComparer.Ordinal);
        var problems = new List<ContentProblem>();
        for (var i = 0; i < images.Count; i++)
        {
            if (results[i].Media is { } stored)
            {
                media[images[i].File] = stored;
                continue;
            }

            var named = content.Modules.SelectMany(m => m.Images.Select(r => (File: ContentFolder.ImageFile(m, r.Path), m.Path, r.Line, Written: r.Path)))
                .Concat(content.Paths.Where(p => p.Cover is not null).Select(p => (File: ContentFolder.CoverFile(p), p.Path, Line: p.CoverLine, Written: p.Cover!)))
                .First(x => x.File == images[i].File);
            problems.Add(new ContentProblem(named.Path, named.Line, $"image '{named.Written}': {results[i].Message}"));
        }

        if (problems.Count > 0)
        {
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
            {
                entry.State = EntityState.Detached;
            }
        }

        return (media, problems);
    }

    private static List<ContentProblem> CheckReferences(ContentFolder content, Dictionary<string, Category> categories, Dictionary<string, Person> people, Dictionary<string, Module> modules)
    {
        var problems = new List<ContentProblem>();
        var categoryKeys = content.Categories.Select(c => c.Key).Concat(categories.Keys).ToHashSet(StringComparer.Ordinal);
        var usernames = content.People.Select(p => p.Username).Concat(people.Keys).ToHashSet(StringComparer.Ordinal);
        var slugs = content.Modules.Select(m => m.Slug).Concat(modules.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var module in content.Modules)
        {
            if (!categoryKeys.Contains(module.Category))
            {
                problems.Add(new ContentProblem(module.Path, module.LineOf("category"), $"unknown category '{module.Category}' (not in categories.yml or the site)"));
            }

            foreach (var author in module.Authors.Where(a => !usernames.Contains(a)))
            {
                problems.Add(new ContentProblem(module.Path, module.LineOf("authors"), $"unknown author '{author}' (not in people.yml or the site)"));
            }
        }

        foreach (var path in content.Paths)
        {
            foreach (var (slug, line) in path.Modules.Where(m => !slugs.Contains(m.Slug)))
            {
                problems.Add(new ContentProblem(path.Path, line, $"unknown module '{slug}' (neither in this import nor in the site)"));
            }
        }

        return problems;
    }

    private int UpsertCategories(IReadOnlyList<CategoryEntry> entries, Dictionary<string, Category> categories)
    {
        var changed = 0;
        foreach (var entry in entries)
        {
            if (!categories.TryGetValue(entry.Key, out var category))
            {
                categories[entry.Key] = db.Categories.Add(new Category { Key = entry.Key, Name = entry.Name, Description = entry.Description, Position = entry.Position }).Entity;
                changed++;
            }
            else if (category.Name != entry.Name || category.Description != entry.Description || category.Position != entry.Position)
            {
                (category.Name, category.Description, category.Position) = (entry.Name, entry.Description, entry.Position);
                changed++;
            }
        }

        return changed;
    }

    /// <summary>Adds or updates people (departments come after, once everyone has an id); returns whose rows changed.</summary>
    private HashSet<string> UpsertPeople(IReadOnlyList<PersonEntry> entries, Dictionary<string, Person> people)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!people.TryGetValue(entry.Username, out var person))
            {
                person = db.People.Add(new Person { Username = entry.Username, Name = entry.Name }).Entity;
                people[entry.Username] = person;
            }
            else if (person.Name == entry.Name && person.Bio == entry.Bio && person.Email == entry.Email
                && person.HelpsWith.SequenceEqual(entry.HelpsWith) && person.Roles.SequenceEqual(entry.Roles))
            {
                continue;
            }

            person.Name = entry.Name;
            person.Bio = entry.Bio;
            person.Email = entry.Email;
            person.HelpsWith = [.. entry.HelpsWith];
            person.Roles = [.. entry.Roles];
            changed.Add(entry.Username);
        }

        return changed;
    }

    /// <summary>
    /// New paths and changed ones get a new published revision; a path published from the site since its last import is
    /// reported and left alone unless forced, as modules are.
    /// </summary>
    private async Task<int> UpsertPathsAsync(IReadOnlyList<PathFile> files, Dictionary<string, LearningPath> paths, Dictionary<string, Module> modules,
        Dictionary<string, MediaFile> media, ImportOptions options, List<ContentProblem> skipped, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var file in files.Where(f => !paths.ContainsKey(f.Slug)))
        {
            paths[file.Slug] = db.LearningPaths.Add(new LearningPath { Slug = file.Slug, Title = file.Title, Summary = file.Summary, CreatedAt = now }).Entity;
        }

        // New paths need their ids before their revisions can point at them.
        await db.SaveChangesAsync(cancellationToken);
        var lastNumbers = await db.LearningPathRevisions.GroupBy(r => r.LearningPathId)
            .Select(g => new { LearningPathId = g.Key, Number = g.Max(r => r.Number) })
            .ToDictionaryAsync(x => x.LearningPathId, x => x.Number, cancellationToken);

        var written = new List<(LearningPath Path, LearningPathRevision Revision)>();
        foreach (var file in files)
        {
            var path = paths[file.Slug];
            var isNew = !lastNumbers.ContainsKey(path.Id);
            if (!isNew && !options.Force && (path.LastImportedRevisionId is null || path.PublishedRevisionId != path.LastImportedRevisionId))
            {
                skipped.Add(new ContentProblem(file.Path, 1, $"path '{file.Slug}' was changed in the site since its last import; left alone (use --force to overwrite it)"));
                continue;
            }

            var cover = file.Cover is null ? null : media[ContentFolder.CoverFile(file)];
            var members = file.Modules.Select(m => modules[m.Slug].Id).ToList();
            if (!isNew && path.Status == PathStatus.Published && path.Title == file.Title && path.Summary == file.Summary
                && path.CoverPath == file.Cover && path.CoverMedia?.Sha256 == cover?.Sha256
                && path.Modules.OrderBy(m => m.Position).Select(m => m.ModuleId).SequenceEqual(members))
            {
                // Forced over a site edit identical to the file: the file and the site agree again.
                path.LastImportedRevisionId = path.PublishedRevisionId;
                continue;
            }

            var number = lastNumbers.GetValueOrDefault(path.Id) + 1;
            var revision = PathRevisionWriter.Publish(path, number, new PathContent(file.Title, file.Summary, file.Cover, cover, members), null, RevisionSource.Import, now);
            db.LearningPathRevisions.Add(revision);
            written.Add((path, revision));
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (path, revision) in written)
        {
            path.PublishedRevisionId = revision.Id;
            path.LastImportedRevisionId = revision.Id;
        }

        return written.Count;
    }

    /// <summary>Builds published-to-be revisions from module files, pointing at their images stored beforehand.</summary>
    private sealed class RevisionWriter(Dictionary<string, Category> categories, Dictionary<string, Person> people, Dictionary<string, MediaFile> media, DateTime now)
    {
        public ModuleRevision AddRevision(Module module, int number, ModuleFile file, DateOnly updatedOn, string hash)
        {
            var revision = new ModuleRevision
            {
                Module = module,
                Number = number,
                Title = file.Title,
                Summary = file.Summary,
                Category = categories[file.Category],
                Level = file.Level,
                Minutes = file.Minutes,
                Cover = file.Cover,
                Body = file.Body,
                UpdatedOn = updatedOn,
                CreatedAt = now,
                Source = RevisionSource.Import,
                ContentHash = hash,
            };
            revision.Tags.AddRange(CanonicalModule.SortTags(file.Tags).Select(tag => new RevisionTag { Tag = tag }));
            revision.Authors.AddRange(file.Authors.Select((username, position) => RevisionAuthor.Credit(people[username], position)));
            foreach (var reference in file.Images)
            {
                revision.Images.Add(new RevisionImage { Path = reference.Path, MediaFile = media[ContentFolder.ImageFile(file, reference.Path)] });
            }

            module.Revisions.Add(revision);
            return revision;
        }
    }
}
