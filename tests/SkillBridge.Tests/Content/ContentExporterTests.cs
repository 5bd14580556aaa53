using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Content;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Content;

public sealed class ContentExporterTests : IAsyncLifetime
{
    private TestSite _site = null!;
    private ContentBuilder _content = null!;
    private string _export = null!;

    public async Task InitializeAsync()
    {
        _site = await TestSite.CreateAsync();
        _content = ContentBuilder.Valid();
        _content.Write("modules/tools/mute.md", ContentBuilder.ModuleWithLine(3, "slug: mute").Replace("tags: [video calls, teams]", "tags: [\"calls: audio\", zoom]", StringComparison.Ordinal))
            .Write("paths/first-week.yml", "title: \"First week: the basics\"\nmodules: [share-your-screen, mute]\n");
        _export = Path.Combine(_site.Root, "export");
        var imported = await _site.ImportAsync(_content.Root);
        Assert.True(imported.Succeeded, string.Join('\n', imported.Problems));
    }

    public async Task DisposeAsync()
    {
        _content.Dispose();
        await _site.DisposeAsync();
    }

    [Fact]
    public async Task ExportAsync_ThenImport_ChangesNothing()
    {
        await _site.ExportAsync(_export);
        var before = await _site.CountRowsAsync();

        var result = await _site.ImportAsync(_export);

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        Assert.Equal(new ImportCounts(0, 0, 2, 0, 0, 0, 0), result.Counts);
        Assert.Equal(before, await _site.CountRowsAsync());
    }

    [Fact]
    public async Task ExportAsync_ThenImportIntoEmptySite_SameModules()
    {
        await _site.ExportAsync(_export);
        await using var other = await TestSite.CreateAsync();

        var result = await other.ImportAsync(_export);

        Assert.True(result.Succeeded, string.Join('\n', result.Problems));
        var hashes = await _site.WithDbAsync(db => db.ModuleRevisions.OrderBy(r => r.Module.Slug).Select(r => r.ContentHash).ToListAsync());
        Assert.Equal(hashes, await other.WithDbAsync(db => db.ModuleRevisions.OrderBy(r => r.Module.Slug).Select(r => r.ContentHash).ToListAsync()));
    }

    [Fact]
    public async Task ExportAsync_ModuleFile_EqualsCanonicalForm()
    {
        await _site.ExportAsync(_export);

        var exported = await File.ReadAllTextAsync(Path.Combine(_export, ContentBuilder.ModulePath));
        var parsed = ModuleFileParser.Parse(ContentBuilder.ModulePath, ContentBuilder.ModuleText).Value!;
        Assert.Equal(parsed.ToCanonical(parsed.Updated!.Value).ToText(), exported);
        Assert.StartsWith("---\ntitle: Share one window in a video call\nslug: share-your-screen\nsummary: Show a document", exported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAsync_Images_WrittenBesideTheirModules()
    {
        var result = await _site.ExportAsync(_export);

        Assert.Equal(1, result.Images);
        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(_content.Root, "modules/tools/images/share-dialog.png")),
            await File.ReadAllBytesAsync(Path.Combine(_export, "modules/tools/images/share-dialog.png")));
    }

    [Fact]
    public async Task ExportAsync_Path_WritesModulesInOrder()
    {
        await _site.ExportAsync(_export);

        Assert.Equal("title: \"First week: the basics\"\nmodules: [share-your-screen, mute]\n", await File.ReadAllTextAsync(Path.Combine(_export, "paths/first-week.yml")));
    }
}
