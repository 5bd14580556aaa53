using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Content;
using SkillBridge.Core.Modules;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Content;

public sealed class ContentImporterTests : IAsyncLifetime
{
    private TestSite _site = null!;
    private ContentBuilder _content = null!;

    public async Task InitializeAsync()
    {
        _site = await TestSite.CreateAsync();
        _content = ContentBuilder.Valid();
    }

    public async Task DisposeAsync()
    {
        _content.Dispose();
        await _site.DisposeAsync();
    }

    [Fact]
    public async Task ImportAsync_ValidFolder_PublishesRevisionOneFromImport()
    {
        var result = await _site.ImportAsync(_content.Root);

        Assert.True(result.Succeeded);
        Assert.Equal(new ImportCounts(1, 0, 0, 0, 2, 2, 0), result.Counts);
        var module = await _site.WithDbAsync(db => db.Modules.Include(m => m.PublishedRevision).SingleAsync());
        Assert.Equal(ModuleStatus.Published, module.Status);
        Assert.Equal(TestSite.Now.UtcDateTime, module.PublishedAt);
        Assert.Equal(module.PublishedRevisionId, module.LastImportedRevisionId);
        Assert.Equal(1, module.PublishedRevision!.Number);
        Assert.Equal(RevisionSource.Import, module.PublishedRevision.Source);
        Assert.Equal("Share one window in a video call", module.PublishedRevision.Title);
        Assert.Equal(new DateOnly(2026, 3, 2), module.PublishedRevision.UpdatedOn);
    }

    [Fact]
    public async Task ImportAsync_ModuleWithImage_StoresMediaFileAndLinksItByPath()
    {
        await _site.ImportAsync(_content.Root);

        var image = await _site.WithDbAsync(db => db.ModuleRevisions.AsNoTracking().SelectMany(r => r.Images).Include(i => i.MediaFile).SingleAsync());
        Assert.Equal("images/share-dialog.png", image.Path);
        Assert.Equal("image/png", image.MediaFile.ContentType);
        Assert.Equal((2, 1), (image.MediaFile.Width, image.MediaFile.Height));
        Assert.True(File.Exists(Path.Combine(_site.MediaPath, image.MediaFile.FileName)));
    }

    [Fact]
    public async Task ImportAsync_AuthorsAndTags_StoredInOrderAndAsSet()
    {
        _content.Write(ContentBuilder.ModulePath, ContentBuilder.ModuleWithLine(9, "authors: [tom.okafor, priya.shah]"));

        await _site.ImportAsync(_content.Root);

        var revision = await _site.WithDbAsync(db => db.ModuleRevisions.Include(r => r.Authors).ThenInclude(a => a.Person).SingleAsync());
        Assert.Equal(["tom.okafor", "priya.shah"], revision.Authors.OrderBy(a => a.Position).Select(a => a.Person.Username));
        Assert.Equal(["teams", "video calls"], revision.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ImportAsync_SameFolderTwice_SecondRunChangesNothing()
    {
        _content.Write("paths/first-week.yml", "title: First week\nmodules: [share-your-screen]\n");
        await _site.ImportAsync(_content.Root);
        var before = await _site.CountRowsAsync();

        var result = await _site.ImportAsync(_content.Root);

        Assert.True(result.Succeeded);
        Assert.Equal(new ImportCounts(0, 0, 1, 0, 0, 0, 0), result.Counts);
        Assert.Equal(before, await _site.CountRowsAsync());
        Assert.Equal([1], await _site.WithDbAsync(db => db.ModuleRevisions.Select(r => r.Number).ToListAsync()));
    }

    [Fact]
    public async Task ImportAsync_ChangedFile_PublishesRevisionTwo()
    {
        await _site.ImportAsync(_content.Root);
        _content.Write(ContentBuilder.ModulePath, ContentBuilder.ModuleWithLine(2, "title: Share just one window"));

        var result = await _site.ImportAsync(_content.Root);

        Assert.Equal(new ImportCounts(0, 1, 0, 0, 0, 0, 0), result.Counts);
        var module = await _site.WithDbAsync(db => db.Modules.Include(m => m.PublishedRevision).SingleAsync());
        Assert.Equal(2, module.PublishedRevision!.Number);
        Assert.Equal("Share just one window", module.PublishedRevision.Title);
        Assert.Equal(module.PublishedRevisionId, module.LastImportedRevisionId);
    }

    [Fact]
    public async Task ImportAsync_ChangedImageBytes_PublishesRevisionTwo()
    {
        await _site.ImportAsync(_content.Root);
        _content.Png("modules/tools/images/share-dialog.png", width: 3, height: 3);

        var result = await _site.ImportAsync(_content.Root);

        Assert.Equal(1, result.Counts.ModulesUpdated);
        Assert.Equal(2, (await _site.CountRowsAsync()).MediaRows);
    }

    [Fact]
    public async Task ImportAsync_ModuleEditedInSite_SkippedAndReported()
    {
        await _site.ImportAsync(_content.Root);
        await PublishEditorRevisionAsync();
        _content.Write(ContentBuilder.ModulePath, ContentBuilder.ModuleWithLine(2, "title: Share just one window"));

        var result = await _site.ImportAsync(_content.Root);

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.Counts.ModulesSkipped);
        Assert.Equal(
            [$"{ContentBuilder.ModulePath}:1: module 'share-your-screen' was changed in the site since its last import; left alone (use --force to overwrite it)"],
            result.Skipped.Select(s => s.ToString()));
        var published = await _site.WithDbAsync(db => db.Modules.Select(m => m.PublishedRevision!).SingleAsync());
        Assert.Equal((2, "Edited in the site"), (published.Number, published.Title));
    }

    [Fact]
    public async Task ImportAsync_ModuleEditedInSiteWithForce_PublishesRevisionThree()
    {
        await _site.ImportAsync(_content.Root);
        await PublishEditorRevisionAsync();

        var result = await _site.ImportAsync(_content.Root, force: true);

        Assert.Equal(1, result.Counts.ModulesUpdated);
        var module = await _site.WithDbAsync(db => db.Modules.Include(m => m.PublishedRevision).SingleAsync());
        Assert.Equal((3, "Share one window in a video call", RevisionSource.Import), (module.PublishedRevision!.Number, module.PublishedRevision.Title, module.PublishedRevision.Source));
        Assert.Equal(module.PublishedRevisionId, module.LastImportedRevisionId);
    }

    [Fact]
    public async Task ImportAsync_AuthorOnlyInDatabase_Accepted()
    {
        await _site.ImportAsync(_content.Root);
        using var second = new ContentBuilder();
        second.Categories("tools").Write("modules/tools/mute.md", ContentBuilder.ModuleWithLine(3, "slug: mute").Replace("![The share dialog](images/share-dialog.png)", "Press the mute button.", StringComparison.Ordinal));

        var result = await _site.ImportAsync(second.Root);

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.Equal(1, result.Counts.ModulesCreated);
    }

    [Fact]
    public async Task ImportAsync_PathModules_StoredInOrderAndReorderingCountsAsChange()
    {
        _content.Write("modules/tools/mute.md", ContentBuilder.ModuleWithLine(3, "slug: mute"))
            .Write("paths/first-week.yml", "title: First week\nsummary: Start here.\nmodules: [share-your-screen, mute]\n");
        await _site.ImportAsync(_content.Root);
        _content.Write("paths/first-week.yml", "title: First week\nsummary: Start here.\nmodules: [mute, share-your-screen]\n");

        var result = await _site.ImportAsync(_content.Root);

        Assert.Equal(1, result.Counts.PathsChanged);
        var slugs = await _site.WithDbAsync(db => db.LearningPaths.SelectMany(p => p.Modules).OrderBy(m => m.Position).Select(m => m.Module.Slug).ToListAsync());
        Assert.Equal(["mute", "share-your-screen"], slugs);
    }

    [Fact]
    public async Task ImportAsync_SlugAbsent_DerivedFromTitle()
    {
        _content.Write(ContentBuilder.ModulePath, ContentBuilder.ModuleWithLine(3, null));

        await _site.ImportAsync(_content.Root);

        Assert.Equal("share-one-window-in-a-video-call", await _site.WithDbAsync(db => db.Modules.Select(m => m.Slug).SingleAsync()));
    }

    [Fact]
    public async Task ImportAsync_Progress_ReportsEachFileValidatedAndEachModuleWritten()
    {
        var reports = new List<ImportProgress>();

        await _site.ImportAsync(_content.Root, progress: new ListProgress(reports));

        Assert.Equal(["people.yml", "categories.yml", ContentBuilder.ModulePath], reports.Where(r => r.Stage == ImportStage.Validating).Select(r => r.Item));
        Assert.Equal([ContentBuilder.ModulePath], reports.Where(r => r.Stage == ImportStage.Writing).Select(r => r.Item));
    }

    /// <summary>What the site's editor does: a new revision from the editor, published.</summary>
    private Task<int> PublishEditorRevisionAsync() => _site.WithDbAsync(async db =>
    {
        var module = await db.Modules.Include(m => m.PublishedRevision).ThenInclude(r => r!.Authors).SingleAsync();
        var current = module.PublishedRevision!;
        var edited = new ModuleRevision
        {
            Module = module,
            Number = current.Number + 1,
            Title = "Edited in the site",
            Summary = current.Summary,
            CategoryId = current.CategoryId,
            Level = current.Level,
            Minutes = current.Minutes,
            Body = current.Body,
            UpdatedOn = current.UpdatedOn,
            CreatedAt = TestSite.Now.UtcDateTime,
            Source = RevisionSource.Editor,
            ContentHash = "edited",
        };
        edited.Authors.AddRange(current.Authors.Select(a => new RevisionAuthor { PersonId = a.PersonId, Position = a.Position }));
        db.ModuleRevisions.Add(edited);
        await db.SaveChangesAsync();
        module.PublishedRevisionId = edited.Id;
        return await db.SaveChangesAsync();
    });

    private sealed class ListProgress(List<ImportProgress> reports) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => reports.Add(value);
    }
}
