using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Content;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Paths;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Paths;

/// <summary>Paths in content files: the optional cover, export of published paths, and import's "edited in the site" rule.</summary>
public sealed class PathContentTests : IAsyncLifetime
{
    private const string PathFile = "paths/first-week.yml";
    private static readonly Actor Curator = new("cora.curator", IsAuthor: false, IsCurator: true);

    private TestSite _site = null!;
    private ContentBuilder _content = null!;

    public async Task InitializeAsync()
    {
        _site = await TestSite.CreateAsync();
        _content = ContentBuilder.Valid();
        _content.Write("modules/tools/mute.md", ContentBuilder.ModuleWithLine(3, "slug: mute"))
            .Png("paths/images/first-week.png", width: 4, height: 3)
            .Write(PathFile, "title: First week\nsummary: Start here.\ncover: images/first-week.png\nmodules: [share-your-screen, mute]\n");
    }

    public async Task DisposeAsync()
    {
        _content.Dispose();
        await _site.DisposeAsync();
    }

    [Fact]
    public async Task ImportAsync_NewPathWithCover_PublishedAsRevisionOneWithTheCoverAndAddedAt()
    {
        var result = await _site.ImportAsync(_content.Root);

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        var path = await _site.WithDbAsync(db => db.LearningPaths.Include(p => p.CoverMedia).Include(p => p.Modules).SingleAsync());
        var revision = await _site.WithDbAsync(db => db.LearningPathRevisions.Include(r => r.Modules).SingleAsync());
        Assert.Equal(PathStatus.Published, path.Status);
        Assert.Equal("images/first-week.png", path.CoverPath);
        Assert.Equal((4, 3), (path.CoverMedia!.Width, path.CoverMedia.Height));
        Assert.Equal((1, RevisionSource.Import, (string?)null), (revision.Number, revision.Source, revision.CreatedBy));
        Assert.Equal(revision.Id, path.PublishedRevisionId);
        Assert.Equal(revision.Id, path.LastImportedRevisionId);
        Assert.All(path.Modules, m => Assert.Equal(TestSite.Now.UtcDateTime, m.AddedAt));
    }

    [Fact]
    public async Task ExportAsync_ThenImport_ChangesNothingAndWritesTheCover()
    {
        await _site.ImportAsync(_content.Root);
        var export = Path.Combine(_site.Root, "export");

        await _site.ExportAsync(export);
        var result = await _site.ImportAsync(export);

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.Equal((0, 0), (result.Counts.PathsChanged, result.Counts.PathsSkipped));
        Assert.Equal("title: First week\nsummary: Start here.\ncover: images/first-week.png\nmodules: [share-your-screen, mute]\n",
            await File.ReadAllTextAsync(Path.Combine(export, PathFile)));
        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(_content.Root, "paths/images/first-week.png")),
            await File.ReadAllBytesAsync(Path.Combine(export, "paths/images/first-week.png")));
        Assert.Equal(1, await _site.WithDbAsync(db => db.LearningPathRevisions.CountAsync()));
    }

    [Fact]
    public async Task ExportAsync_ThenImportIntoEmptySite_SamePathAndCover()
    {
        await _site.ImportAsync(_content.Root);
        var export = Path.Combine(_site.Root, "export");
        await _site.ExportAsync(export);
        await using var other = await TestSite.CreateAsync();

        var result = await other.ImportAsync(export);

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        var path = await other.WithDbAsync(db => db.LearningPaths.Include(p => p.CoverMedia).SingleAsync());
        var slugs = await other.WithDbAsync(db => db.LearningPaths.SelectMany(p => p.Modules).OrderBy(m => m.Position).Select(m => m.Module.Slug).ToListAsync());
        Assert.Equal(("First week", "images/first-week.png"), (path.Title, path.CoverPath));
        Assert.Equal(["share-your-screen", "mute"], slugs);
    }

    [Fact]
    public async Task ExportAsync_UnpublishedAndDraftPaths_NotWritten()
    {
        await _site.ImportAsync(_content.Root);
        await WithServicesAsync(async (builder, publishing) =>
        {
            await builder.CreateAsync(Curator, "Never published", null);
            return await publishing.UnpublishAsync("first-week", Curator);
        });
        var export = Path.Combine(_site.Root, "export");

        var result = await _site.ExportAsync(export);

        Assert.Equal(0, result.Paths);
        Assert.False(Directory.Exists(Path.Combine(export, "paths")) && Directory.EnumerateFiles(Path.Combine(export, "paths"), "*.yml").Any());
    }

    [Fact]
    public async Task ImportAsync_PathEditedInSite_SkippedAndReported()
    {
        await _site.ImportAsync(_content.Root);
        await PublishSiteEditAsync();
        _content.Write(PathFile, "title: First week, renamed in the file\nmodules: [share-your-screen, mute]\n");

        var result = await _site.ImportAsync(_content.Root);

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.Equal(1, result.Counts.PathsSkipped);
        Assert.Contains($"{PathFile}:1: path 'first-week' was changed in the site since its last import; left alone (use --force to overwrite it)", result.Skipped.Select(s => s.ToString()));
        Assert.Equal("Edited in the site", await _site.WithDbAsync(db => db.LearningPaths.Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task ImportAsync_PathEditedInSiteWithForce_PublishesRevisionThreeKeepingAddedAt()
    {
        await _site.ImportAsync(_content.Root);
        var addedAt = await _site.WithDbAsync(db => db.LearningPaths.SelectMany(p => p.Modules).Select(m => m.AddedAt).FirstAsync());
        await PublishSiteEditAsync();
        _site.Clock.Advance(TimeSpan.FromDays(1));

        var result = await _site.ImportAsync(_content.Root, force: true);

        Assert.Equal(1, result.Counts.PathsChanged);
        var path = await _site.WithDbAsync(db => db.LearningPaths.Include(p => p.Modules).SingleAsync());
        var revision = await _site.WithDbAsync(db => db.LearningPathRevisions.SingleAsync(r => r.Id == path.PublishedRevisionId));
        Assert.Equal((3, RevisionSource.Import, "First week"), (revision.Number, revision.Source, path.Title));
        Assert.Equal(path.PublishedRevisionId, path.LastImportedRevisionId);
        Assert.All(path.Modules, m => Assert.Equal(addedAt, m.AddedAt));
    }

    [Fact]
    public async Task ImportAsync_CoverFileMissing_NamesFileAndLineAndChangesNothing()
    {
        File.Delete(Path.Combine(_content.Root, "paths/images/first-week.png"));

        var result = await _site.ImportAsync(_content.Root);

        Assert.False(result.Succeeded);
        Assert.Equal([$"{PathFile}:3: image 'images/first-week.png' does not exist"], result.Problems.Select(p => p.ToString()));
        Assert.Equal(RowCounts.Empty, await _site.CountRowsAsync());
    }

    [Fact]
    public async Task ImportAsync_CoverOutsidePathImages_NamesFileAndLine()
    {
        _content.Write(PathFile, "title: First week\ncover: ../modules/tools/images/share-dialog.png\nmodules: [share-your-screen]\n");

        var result = await _site.ImportAsync(_content.Root);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((PathFile, 2), (problem.File, problem.Line));
        Assert.Contains("paths/images/", problem.Message, StringComparison.Ordinal);
        Assert.Equal(0, await _site.WithDbAsync(db => db.LearningPaths.CountAsync()));
    }

    [Fact]
    public async Task ImportAsync_CoverNotAnImage_NamesFileAndLine()
    {
        _content.Write("paths/images/first-week.png", "not an image");

        var result = await _site.ImportAsync(_content.Root);

        Assert.Equal([$"{PathFile}:3: image 'images/first-week.png' is not a PNG, JPEG, GIF or WebP image"], result.Problems.Select(p => p.ToString()));
    }

    private async Task PublishSiteEditAsync()
    {
        var published = await WithServicesAsync(async (builder, publishing) =>
        {
            await builder.SaveDetailsAsync("first-week", Curator, "Edited in the site", "Start here.");
            return await publishing.PublishAsync("first-week", Curator);
        });
        Assert.True(published.Succeeded, published.Message);
    }

    private async Task<PathResult<T>> WithServicesAsync<T>(Func<PathBuilder, PathPublishing, Task<PathResult<T>>> work)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PathBuilder>(), scope.ServiceProvider.GetRequiredService<PathPublishing>());
    }
}
