using System.Buffers.Binary;
using System.Text;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Media;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Media;

/// <summary>Refusals and what is stored; each refusal also proves that nothing (no row, no file) was left behind.</summary>
public sealed class MediaUploadServiceTests
{
    [Fact]
    public async Task UploadAsync_JpegWithGpsExif_StoresItWithoutTheGpsPosition()
    {
        await using var site = await MediaSite.CreateAsync(useLibvips: false);

        var result = await site.UploadAsync(MetadataSamples.JpegWithGps(), "holiday.jpg", "image/jpeg");

        Assert.True(result.Succeeded, result.Message);
        var stored = await File.ReadAllBytesAsync(Path.Combine(site.MediaPath, result.Media!.FileName));
        using var stream = new MemoryStream(stored);
        Assert.Empty(ImageMetadataReader.ReadMetadata(stream).OfType<GpsDirectory>());
        var row = Assert.Single(await site.MediaRowsAsync());
        Assert.Equal((ImageFormats.Jpeg, 64, 48, stored.LongLength), (row.ContentType, row.Width, row.Height, row.Length));
    }

    [Fact]
    public async Task UploadAsync_PngWithTextAndExif_StoresItWithout()
    {
        await using var site = await MediaSite.CreateAsync(useLibvips: false);

        var result = await site.UploadAsync(MetadataSamples.PngWithMetadata(), "screenshot.png", "image/png");

        Assert.True(result.Succeeded, result.Message);
        var stored = await File.ReadAllBytesAsync(Path.Combine(site.MediaPath, result.Media!.FileName));
        Assert.False(MetadataSamples.Contains(stored, "Elm Street"));
        Assert.False(MetadataSamples.Contains(stored, "eXIf"));
    }

    [Fact]
    public async Task UploadAsync_SvgWithScript_IsRefusedAsNotAnImage()
    {
        await using var site = await MediaSite.CreateAsync();
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(document.cookie)</script></svg>"u8.ToArray();

        var result = await site.UploadAsync(svg, "diagram.svg", "image/svg+xml");

        await AssertRefusedAsync(site, result, MediaUploadFailure.NotAnImage);
        Assert.Contains("PNG, JPEG, GIF or WebP", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("page.html", "<!DOCTYPE html><html><body>hi</body></html>")]
    [InlineData("notes.txt", "just some text")]
    [InlineData("report.pdf", "%PDF-1.7\n1 0 obj\n")]
    [InlineData("sneaky.png", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    public async Task UploadAsync_TextHtmlOrPdf_IsRefusedAsNotAnImage(string fileName, string content)
    {
        await using var site = await MediaSite.CreateAsync();

        var result = await site.UploadAsync(Encoding.UTF8.GetBytes(content), fileName);

        await AssertRefusedAsync(site, result, MediaUploadFailure.NotAnImage);
    }

    [Fact]
    public async Task UploadAsync_PngNamedJpg_IsRefusedNamingWhatTheBytesAre()
    {
        await using var site = await MediaSite.CreateAsync();

        var result = await site.UploadAsync(TestImages.Png(4, 4), "photo.jpg", "image/jpeg");

        await AssertRefusedAsync(site, result, MediaUploadFailure.ExtensionMismatch);
        Assert.Equal("This file is named \"photo.jpg\", but it is a PNG image. Rename it to end in .png, or save it again in the format its name says.", result.Message);
    }

    [Fact]
    public async Task UploadAsync_GifNamedPng_IsRefusedAsExtensionMismatch()
    {
        await using var site = await MediaSite.CreateAsync();

        var result = await site.UploadAsync(MetadataSamples.GifWithComment(), "animation.png");

        await AssertRefusedAsync(site, result, MediaUploadFailure.ExtensionMismatch);
        Assert.Contains("it is a GIF image", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadAsync_PastedWithoutExtensionAndClaimedTypeDisagrees_IsRefused()
    {
        await using var site = await MediaSite.CreateAsync();

        var result = await site.UploadAsync(TestImages.Png(4, 4), "image", "image/jpeg");

        await AssertRefusedAsync(site, result, MediaUploadFailure.ExtensionMismatch);
    }

    [Fact]
    public async Task UploadAsync_PastedWithoutExtension_IsStoredByItsBytes()
    {
        await using var site = await MediaSite.CreateAsync(useLibvips: false);

        var result = await site.UploadAsync(TestImages.Png(4, 4), "image", "image/png");

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(ImageFormats.Png, result.Media!.ContentType);
    }

    [Fact]
    public async Task UploadAsync_PixelBombHeader_IsRefusedFromTheHeaderAlone()
    {
        await using var site = await MediaSite.CreateAsync();
        var header = TestImages.Png(1, 1).AsSpan(0, 8 + 25).ToArray();
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(16), 30_000);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(20), 30_000);

        var result = await site.UploadAsync(header, "bomb.png");

        await AssertRefusedAsync(site, result, MediaUploadFailure.TooManyPixels);
        Assert.Equal("The image is 30,000 × 30,000 pixels, more than the 40 million pixels allowed. Make it smaller and try again.", result.Message);
    }

    [Fact]
    public async Task UploadAsync_EmptyFile_IsRefused()
    {
        await using var site = await MediaSite.CreateAsync();

        var result = await site.UploadAsync([], "empty.png");

        await AssertRefusedAsync(site, result, MediaUploadFailure.Empty);
        Assert.Equal("The file is empty.", result.Message);
    }

    [Fact]
    public async Task UploadAsync_FiftyMegabyteStream_IsRefusedAfterReadingJustPastTheLimit()
    {
        await using var site = await MediaSite.CreateAsync();
        await using var stream = new EndlessPngStream(50L * 1024 * 1024);

        var result = await site.UploadAsync(stream, "huge.png");

        await AssertRefusedAsync(site, result, MediaUploadFailure.TooLarge);
        Assert.Equal("The file is larger than 10 MB. Make the image smaller (crop it, or save it as JPEG or WebP) and try again.", result.Message);
        Assert.Equal(10L * 1024 * 1024 + 1, stream.BytesRead);
    }

    [Fact]
    public async Task UploadAsync_OverAConfiguredLimit_IsRefused()
    {
        await using var site = await MediaSite.CreateAsync(settings: new() { ["SkillBridge:Media:MaxUploadBytes"] = "100" });

        var result = await site.UploadAsync(MetadataSamples.PngWithMetadata(), "big.png");

        await AssertRefusedAsync(site, result, MediaUploadFailure.TooLarge);
    }

    [Fact]
    public async Task UploadAsync_PngSignatureWithoutHeader_IsRefusedAsDimensionsUnreadable()
    {
        await using var site = await MediaSite.CreateAsync();
        byte[] broken = [.. TestImages.Png(1, 1).AsSpan(0, 8), .. "garbage, not a header"u8];

        var result = await site.UploadAsync(broken, "broken.png");

        await AssertRefusedAsync(site, result, MediaUploadFailure.DimensionsUnreadable);
    }

    [Fact]
    public async Task UploadAsync_TruncatedPng_IsRefusedAsProcessingFailed()
    {
        await using var site = await MediaSite.CreateAsync();
        var png = TestImages.Png(8, 8);

        var result = await site.UploadAsync(png[..^12], "cut-off.png");

        await AssertRefusedAsync(site, result, MediaUploadFailure.ProcessingFailed);
    }

    [Fact]
    public async Task UploadAsync_SameImageTwice_StoresOneRowAndOneFile()
    {
        await using var site = await MediaSite.CreateAsync(useLibvips: false);

        var first = await site.UploadAsync(MetadataSamples.PngWithMetadata(), "a.png");
        var second = await site.UploadAsync(MetadataSamples.PngWithMetadata(), "b.png");

        Assert.Equal(first.Media!.Id, second.Media!.Id);
        Assert.Single(await site.MediaRowsAsync());
        Assert.Single(site.MediaFiles());
    }

    [Fact]
    public async Task UploadAsync_WidePngWithLibvips_StoresVariantsNarrowerThanTheOriginal()
    {
        Libvips.Require();
        await using var site = await MediaSite.CreateAsync(useLibvips: true);

        var result = await site.UploadAsync(TestImages.Png(2000, 100), "wide.png");

        Assert.True(result.Succeeded, result.Message);
        var row = Assert.Single(await site.MediaRowsAsync());
        Assert.Equal([96, 480, 960, 1600], row.Variants.Select(v => v.Width).Order());
        Assert.Equal([5, 24, 48, 80], row.Variants.Select(v => v.Height).Order());
        Assert.Equal(row.Variants.Select(v => v.FileName).Append(row.FileName).Order(StringComparer.Ordinal), site.MediaFiles());
        foreach (var variant in row.Variants)
        {
            Assert.Equal($"{row.Sha256}-{variant.Width}.png", variant.FileName);
            var bytes = await File.ReadAllBytesAsync(Path.Combine(site.MediaPath, variant.FileName));
            Assert.Equal(new ImageInfo(ImageFormats.Png, variant.Width, variant.Height), ImageFormats.Identify(bytes));
            Assert.Equal(bytes.LongLength, variant.Length);
        }
    }

    [Fact]
    public async Task UploadAsync_JpegWithLibvips_StoresJpegVariantsWithoutGps()
    {
        Libvips.Require();
        await using var site = await MediaSite.CreateAsync(useLibvips: true);

        var result = await site.UploadAsync(MetadataSamples.JpegWithGps("wide-1200x40.jpg"), "wide.jpeg");

        Assert.True(result.Succeeded, result.Message);
        var row = Assert.Single(await site.MediaRowsAsync());
        Assert.Equal([96, 480, 960], row.Variants.Select(v => v.Width).Order());
        foreach (var variant in row.Variants)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(site.MediaPath, variant.FileName));
            Assert.Equal(ImageFormats.Jpeg, ImageFormats.Identify(bytes)!.ContentType);
            using var stream = new MemoryStream(bytes);
            Assert.Empty(ImageMetadataReader.ReadMetadata(stream).OfType<GpsDirectory>());
        }
    }

    [Fact]
    public async Task UploadAsync_JpegWithJfxxThumbnail_StoresOriginalAndVariantsWithoutIt()
    {
        Libvips.Require();
        await using var site = await MediaSite.CreateAsync(useLibvips: true);

        var result = await site.UploadAsync(MetadataSamples.JpegWithJfxxThumbnail("wide-1200x40.jpg"), "cropped.jpg");

        Assert.True(result.Succeeded, result.Message);
        var row = Assert.Single(await site.MediaRowsAsync());
        Assert.Equal([96, 480, 960], row.Variants.Select(v => v.Width).Order());
        foreach (var fileName in row.Variants.Select(v => v.FileName).Append(row.FileName))
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(site.MediaPath, fileName));
            Assert.False(MetadataSamples.Contains(bytes, "JFXX"), fileName);
            Assert.False(MetadataSamples.Contains(bytes, MetadataSamples.ThumbnailPixels), fileName);
            using var stream = new MemoryStream(bytes);
            Assert.Empty(ImageMetadataReader.ReadMetadata(stream).OfType<MetadataExtractor.Formats.Jfxx.JfxxDirectory>());
        }
    }

    [Fact]
    public async Task UploadAsync_ImageGettingThreeVariants_DecodesTheOriginalOnceUnderAMemoryLimit()
    {
        Libvips.Require();
        var runner = new CountingRunner();
        await using var site = await MediaSite.CreateAsync(useLibvips: true, services: s => s.AddSingleton<IProcessRunner>(runner));

        var result = await site.UploadAsync(TestImages.Png(2000, 30), "wide.png");

        Assert.True(result.Succeeded, result.Message);
        var row = Assert.Single(await site.MediaRowsAsync());
        Assert.Equal([96, 480, 960, 1600], row.Variants.Select(v => v.Width).Order());
        var runs = runner.Runs.ToList();
        Assert.Single(runs, run => run.Any(argument => Path.GetFileName(argument).StartsWith("original", StringComparison.Ordinal)));
        Assert.All(runs, run => Assert.Equal(["prlimit", $"--as={1024L * 1024 * 1024}", "--"], [Path.GetFileName(run[0]), run[1], run[2]]));
    }

    [Fact]
    public async Task UploadAsync_MemoryLimitTooSmallForLibvips_IsRefusedAsProcessingFailed()
    {
        Libvips.Require();
        await using var site = await MediaSite.CreateAsync(useLibvips: true, settings: new() { ["SkillBridge:Media:ProcessingMemoryLimitBytes"] = "1000000" });

        var result = await site.UploadAsync(TestImages.Png(2000, 30), "wide.png");

        Assert.Equal(MediaUploadFailure.ProcessingFailed, result.Failure);
        Assert.Empty(await site.MediaRowsAsync());
    }

    [Fact]
    public async Task UploadAsync_WebPWithLibvips_StoresWebPVariants()
    {
        Libvips.Require();
        await using var site = await MediaSite.CreateAsync(useLibvips: true);

        var result = await site.UploadAsync(MetadataSamples.WebPWithGps("wide-1200x40.webp"), "wide.webp");

        Assert.True(result.Succeeded, result.Message);
        var row = Assert.Single(await site.MediaRowsAsync());
        Assert.Equal([96, 480, 960], row.Variants.Select(v => v.Width).Order());
        Assert.All(row.Variants, v => Assert.EndsWith(".webp", v.FileName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UploadAsync_WidePngWithLibvipsTurnedOff_StoresTheOriginalOnly()
    {
        await using var site = await MediaSite.CreateAsync(useLibvips: false);

        var result = await site.UploadAsync(TestImages.Png(2000, 100), "wide.png");

        Assert.True(result.Succeeded, result.Message);
        var row = Assert.Single(await site.MediaRowsAsync());
        Assert.Empty(row.Variants);
        Assert.Equal([row.FileName], site.MediaFiles());
    }

    [Fact]
    public async Task UploadAsync_SmallImageWithLibvips_StoresNoVariants()
    {
        Libvips.Require();
        await using var site = await MediaSite.CreateAsync(useLibvips: true);

        var result = await site.UploadAsync(TestImages.Png(Core.Media.ImageVariantMaker.AvatarWidth, 10), "small.png");

        Assert.Empty(Assert.Single(await site.MediaRowsAsync()).Variants);
        Assert.Single(site.MediaFiles());
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task UploadAsync_StoredWithoutLibvipsThenAgainWithIt_GetsItsVariants()
    {
        Libvips.Require();
        await using var withoutVips = await MediaSite.CreateAsync(useLibvips: false);
        var png = TestImages.Png(1000, 10);
        await withoutVips.UploadAsync(png, "wide.png");
        await using var withVips = await MediaSite.CreateAsync(useLibvips: true, new() { ["SkillBridge:DataPath"] = Path.Combine(withoutVips.Root, "data") });

        var result = await withVips.UploadAsync(png, "wide.png");

        Assert.True(result.Succeeded, result.Message);
        var row = Assert.Single(await withVips.MediaRowsAsync());
        Assert.Equal([96, 480, 960], row.Variants.Select(v => v.Width).Order());
    }

    private static async Task AssertRefusedAsync(MediaSite site, MediaUploadResult result, MediaUploadFailure failure)
    {
        Assert.False(result.Succeeded);
        Assert.Equal(failure, result.Failure);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
        Assert.Empty(await site.MediaRowsAsync());
        Assert.Empty(site.MediaFiles());
    }

    /// <summary>A PNG signature followed by zeros, as long as asked, counting what is read; its length is not known up front.</summary>
    private sealed class EndlessPngStream(long length) : Stream
    {
        private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            for (var k = 0; k < n; k++)
            {
                var at = BytesRead + k;
                buffer[offset + k] = at < Signature.Length ? Signature[at] : (byte)0;
            }

            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
