namespace SkillBridge.Core.Media;

/// <summary>A smaller copy of a stored image, made by libvips for responsive images (srcset), in the same format.</summary>
public sealed class MediaVariant
{
    public int Id { get; set; }

    public int MediaFileId { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public long Length { get; set; }

    /// <summary>File name inside the media folder: the original's SHA-256, a dash, the width, the original's extension.</summary>
    public required string FileName { get; set; }

    public static string FileNameFor(MediaFile media, int width) => $"{media.Sha256}-{width}{ImageFormats.ExtensionFor(media.ContentType)}";
}
