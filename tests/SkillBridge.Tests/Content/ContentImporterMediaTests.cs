using Microsoft.EntityFrameworkCore;
using SkillBridge.Tests.Media;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Content;

/// <summary>Imported images go through the upload pipeline: checked by their bytes, stripped of metadata, resized.</summary>
public sealed class ContentImporterMediaTests : IAsyncLifetime
{
    private const string ImagePath = "modules/tools/images/share-dialog.png";

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
    public async Task ImportAsync_ImageWhoseExtensionLies_FailsWhereItIsNamedAndChangesNothing()
    {
        _content.WriteBytes(ImagePath, MetadataSamples.GifWithComment());

        var result = await _site.ImportAsync(_content.Root);

        Assert.False(result.Succeeded);
        Assert.Equal(
            "modules/tools/share-your-screen.md:27: image 'images/share-dialog.png': This file is named \"share-dialog.png\", but it is a GIF image. Rename it to end in .gif, or save it again in the format its name says.",
            Assert.Single(result.Problems).ToString());
        Assert.Equal(RowCounts.Empty, await _site.CountRowsAsync());
    }

    [Fact]
    public async Task ImportAsync_PngWithMetadata_StoresItStripped()
    {
        _content.WriteBytes(ImagePath, MetadataSamples.PngWithMetadata());

        var result = await _site.ImportAsync(_content.Root);

        Assert.True(result.Succeeded);
        var media = await _site.WithDbAsync(db => db.MediaFiles.SingleAsync());
        var stored = await File.ReadAllBytesAsync(Path.Combine(_site.MediaPath, media.FileName));
        Assert.False(MetadataSamples.Contains(stored, "Elm Street"));
        Assert.False(MetadataSamples.Contains(stored, "eXIf"));
    }

    [Fact]
    public async Task ImportAsync_TwiceWithAStrippedImage_LeavesTheModuleUnchanged()
    {
        _content.WriteBytes(ImagePath, MetadataSamples.PngWithMetadata());
        await _site.ImportAsync(_content.Root);

        var second = await _site.ImportAsync(_content.Root);

        Assert.True(second.Succeeded);
        Assert.Equal((0, 0, 1), (second.Counts.ModulesCreated, second.Counts.ModulesUpdated, second.Counts.ModulesUnchanged));
        Assert.Equal(1, (await _site.CountRowsAsync()).MediaRows);
    }

    [Fact]
    public async Task ImportAsync_ExportOfAStrippedImage_ChangesNothing()
    {
        _content.WriteBytes(ImagePath, MetadataSamples.PngWithMetadata());
        await _site.ImportAsync(_content.Root);
        var export = Path.Combine(_site.Root, "export");
        await _site.ExportAsync(export);

        var result = await _site.ImportAsync(export);

        Assert.True(result.Succeeded);
        Assert.Equal((0, 0, 1), (result.Counts.ModulesCreated, result.Counts.ModulesUpdated, result.Counts.ModulesUnchanged));
    }

    [Fact]
    public async Task ImportAsync_WideImageWithLibvips_StoresItsVariants()
    {
        Libvips.Require();
        _content.Png(ImagePath, width: 1000, height: 10);

        var result = await _site.ImportAsync(_content.Root);

        Assert.True(result.Succeeded);
        var media = await _site.WithDbAsync(db => db.MediaFiles.Include(m => m.Variants).SingleAsync());
        Assert.Equal([96, 480, 960], media.Variants.Select(v => v.Width).Order());
        Assert.All(media.Variants, v => Assert.True(File.Exists(Path.Combine(_site.MediaPath, v.FileName))));
    }
}
