using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using SkillBridge.Core.Media;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Media;

public sealed class MetadataStripperTests
{
    [Fact]
    public void Strip_JpegWithGpsExif_RemovesTheGpsPosition()
    {
        var jpeg = MetadataSamples.JpegWithGps();
        Assert.NotEmpty(GpsDirectories(jpeg));

        var stripped = MetadataStripper.Strip(jpeg, ImageFormats.Jpeg)!;

        Assert.Empty(GpsDirectories(stripped));
        Assert.Empty(Read(stripped).OfType<ExifDirectoryBase>());
        Assert.Equal(new ImageInfo(ImageFormats.Jpeg, 64, 48), ImageFormats.Identify(stripped));
    }

    [Fact]
    public void Strip_JpegWithJfxxThumbnail_RemovesTheThumbnailsAndKeepsAPlainJfifHeader()
    {
        var jpeg = MetadataSamples.JpegWithJfxxThumbnail();
        Assert.True(MetadataSamples.Contains(jpeg, "JFXX"));
        Assert.True(MetadataSamples.Contains(jpeg, MetadataSamples.ThumbnailPixels));

        var stripped = MetadataStripper.Strip(jpeg, ImageFormats.Jpeg)!;

        Assert.False(MetadataSamples.Contains(stripped, "JFXX"));
        Assert.False(MetadataSamples.Contains(stripped, MetadataSamples.ThumbnailPixels));
        // SOI, then APP0 of 16 bytes: "JFIF\0", version 1.2, no units, density 1 × 1, a 0 × 0 thumbnail.
        Assert.Equal([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 1, 2, 0, 0, 1, 0, 1, 0, 0, 0xFF], stripped[..21]);
        Assert.Equal(new ImageInfo(ImageFormats.Jpeg, 64, 48), ImageFormats.Identify(stripped));
    }

    [Fact]
    public void Strip_JpegWithComment_RemovesTheComment()
    {
        var jpeg = MetadataSamples.JpegWithGps();
        Assert.True(MetadataSamples.Contains(jpeg, "Elm Street"));

        var stripped = MetadataStripper.Strip(jpeg, ImageFormats.Jpeg)!;

        Assert.False(MetadataSamples.Contains(stripped, "Elm Street"));
    }

    [Fact]
    public void Strip_JpegTurnedByExif_KeepsOnlyTheOrientation()
    {
        var jpeg = MetadataSamples.JpegWithGps(orientation: 6);

        var stripped = MetadataStripper.Strip(jpeg, ImageFormats.Jpeg)!;

        var ifd0 = Assert.Single(Read(stripped).OfType<ExifIfd0Directory>());
        Assert.Equal(6, ifd0.GetInt32(ExifDirectoryBase.TagOrientation));
        Assert.Single(ifd0.Tags);
        Assert.Empty(GpsDirectories(stripped));
    }

    [Fact]
    public void Strip_PngWithTextTimeAndExifChunks_RemovesThem()
    {
        var png = MetadataSamples.PngWithMetadata();
        Assert.True(MetadataSamples.Contains(png, "Elm Street"));
        Assert.NotEmpty(GpsDirectories(png));

        var stripped = MetadataStripper.Strip(png, ImageFormats.Png)!;

        Assert.False(MetadataSamples.Contains(stripped, "Elm Street"));
        foreach (var chunk in new[] { "tEXt", "iTXt", "tIME", "eXIf" })
        {
            Assert.False(MetadataSamples.Contains(stripped, chunk), chunk);
        }

        Assert.Empty(GpsDirectories(stripped));
    }

    [Fact]
    public void Strip_PngWithRenderingChunks_KeepsThemAndThePicture()
    {
        var png = MetadataSamples.PngWithMetadata();

        var stripped = MetadataStripper.Strip(png, ImageFormats.Png)!;

        Assert.True(MetadataSamples.Contains(stripped, "gAMA"));
        Assert.True(MetadataSamples.Contains(stripped, "pHYs"));
        Assert.Equal(TestImages.Png(4, 3).Length + 2 * 12 + 4 + 9, stripped.Length);
    }

    [Fact]
    public void Strip_PngWithoutMetadata_ReturnsTheSameBytes()
    {
        var png = TestImages.Png(5, 5);

        Assert.Equal(png, MetadataStripper.Strip(png, ImageFormats.Png));
    }

    [Fact]
    public void Strip_WebPWithExifAndXmp_RemovesTheChunksAndTheirFlags()
    {
        var webp = MetadataSamples.WebPWithGps();
        Assert.NotEmpty(GpsDirectories(webp));

        var stripped = MetadataStripper.Strip(webp, ImageFormats.WebP)!;

        Assert.Empty(GpsDirectories(stripped));
        Assert.False(MetadataSamples.Contains(stripped, "EXIF"));
        Assert.False(MetadataSamples.Contains(stripped, "XMP "));
        Assert.Equal(0, stripped[20] & 0x0C);
        Assert.Equal(stripped.Length - 8, BitConverter.ToInt32(stripped, 4));
        Assert.Equal(new ImageInfo(ImageFormats.WebP, 64, 48), ImageFormats.Identify(stripped));
    }

    [Fact]
    public void Strip_GifWithCommentAndXmp_RemovesThemAndKeepsLooping()
    {
        var gif = MetadataSamples.GifWithComment();

        var stripped = MetadataStripper.Strip(gif, ImageFormats.Gif)!;

        Assert.False(MetadataSamples.Contains(stripped, "Elm Street"));
        Assert.False(MetadataSamples.Contains(stripped, "xmpmeta"));
        Assert.True(MetadataSamples.Contains(stripped, "NETSCAPE2.0"));
        Assert.Equal(0x3B, stripped[^1]);
        Assert.Equal(new ImageInfo(ImageFormats.Gif, 1, 1), ImageFormats.Identify(stripped));
    }

    [Fact]
    public void Strip_TruncatedPng_ReturnsNull()
    {
        var png = TestImages.Png(4, 4);

        Assert.Null(MetadataStripper.Strip(png.AsSpan(0, png.Length - 12), ImageFormats.Png));
    }

    [Fact]
    public void Strip_JpegWithoutEndOfImage_ReturnsNull()
    {
        var jpeg = File.ReadAllBytes(MetadataSamples.SamplePath("small-64x48.jpg"));

        Assert.Null(MetadataStripper.Strip(jpeg.AsSpan(0, jpeg.Length - 2), ImageFormats.Jpeg));
    }

    private static IReadOnlyList<MetadataExtractor.Directory> Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return ImageMetadataReader.ReadMetadata(stream);
    }

    private static List<GpsDirectory> GpsDirectories(byte[] bytes) => [.. Read(bytes).OfType<GpsDirectory>()];
}
