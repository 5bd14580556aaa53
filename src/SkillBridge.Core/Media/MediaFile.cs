namespace SkillBridge.Core.Media;

/// <summary>A stored image, kept once per content (named by its SHA-256) in the media folder.</summary>
public sealed class MediaFile
{
    public int Id { get; set; }

    public required string Sha256 { get; set; }

    /// <summary>The type checked from the bytes, never the one a client claimed.</summary>
    public required string ContentType { get; set; }

    public long Length { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Smaller copies for responsive images; none when libvips is not used or the image is small or a GIF.</summary>
    public List<MediaVariant> Variants { get; } = [];

    /// <summary>File name inside the media folder.</summary>
    public string FileName => Sha256 + ImageFormats.ExtensionFor(ContentType);
}

/// <summary>Where a stored image is served (Web's MediaEndpoints): by its content name.</summary>
public static class MediaUrls
{
    public static string Of(string sha256, string contentType) => $"/media/{sha256}{ImageFormats.ExtensionFor(contentType)}";

    public static string Of(MediaFile media) => Of(media.Sha256, media.ContentType);

    /// <summary>The address of a stored smaller copy (<see cref="MediaVariant.FileName"/>, e.g. "ab12…-480.png").</summary>
    public static string OfVariant(string fileName) => "/media/" + fileName;
}
