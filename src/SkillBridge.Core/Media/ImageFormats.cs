using System.Buffers.Binary;

namespace SkillBridge.Core.Media;

/// <summary>What an image is, told from its bytes alone: PNG, JPEG, GIF or WebP, with its pixel size. Never SVG.</summary>
public sealed record ImageInfo(string ContentType, int Width, int Height);

public static class ImageFormats
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Gif = "image/gif";
    public const string WebP = "image/webp";

    // Spelled as bytes: in a C# string "\x89PN" would not be the byte 0x89 (\x takes up to four hex digits, and u8 encodes U+0089 as two bytes).
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static string ExtensionFor(string contentType) => contentType switch
    {
        Png => ".png",
        Jpeg => ".jpg",
        Gif => ".gif",
        WebP => ".webp",
        _ => throw new ArgumentOutOfRangeException(nameof(contentType), contentType, "Not an image type SkillBridge stores."),
    };

    /// <summary>The format named by the file's first bytes (its signature) alone, or null when it is none SkillBridge stores.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 8 && bytes[..8].SequenceEqual(PngSignature))
        {
            return Png;
        }

        if (bytes.Length >= 6 && (bytes[..6].SequenceEqual("GIF87a"u8) || bytes[..6].SequenceEqual("GIF89a"u8)))
        {
            return Gif;
        }

        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return Jpeg;
        }

        return bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes.Slice(8, 4).SequenceEqual("WEBP"u8) ? WebP : null;
    }

    /// <summary>The format's usual short name, as authors know it.</summary>
    public static string NameOf(string contentType) => contentType switch
    {
        Png => "PNG",
        Jpeg => "JPEG",
        Gif => "GIF",
        WebP => "WebP",
        _ => contentType,
    };

    /// <summary>The format a file name's extension promises (.png, .jpg, .jpeg, .gif, .webp; any case), or null.</summary>
    public static string? ForExtension(string extension) => extension.ToUpperInvariant() switch
    {
        ".PNG" => Png,
        ".JPG" or ".JPEG" or ".JPE" or ".JFIF" => Jpeg,
        ".GIF" => Gif,
        ".WEBP" => WebP,
        _ => null,
    };

    /// <summary>Reads the header only; returns null when the bytes are not a supported image or the header is broken.</summary>
    public static ImageInfo? Identify(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 24 && bytes[..8].SequenceEqual(PngSignature) && bytes.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return Sized(Png, BinaryPrimitives.ReadInt32BigEndian(bytes.Slice(16, 4)), BinaryPrimitives.ReadInt32BigEndian(bytes.Slice(20, 4)));
        }

        if (bytes.Length >= 10 && (bytes[..6].SequenceEqual("GIF87a"u8) || bytes[..6].SequenceEqual("GIF89a"u8)))
        {
            return Sized(Gif, BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(6, 2)), BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(8, 2)));
        }

        if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return IdentifyJpeg(bytes);
        }

        if (bytes.Length >= 30 && bytes[..4].SequenceEqual("RIFF"u8) && bytes.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return IdentifyWebP(bytes);
        }

        return null;
    }

    private static ImageInfo? Sized(string type, int width, int height) =>
        width > 0 && height > 0 ? new ImageInfo(type, width, height) : null;

    private static ImageInfo? IdentifyJpeg(ReadOnlySpan<byte> bytes)
    {
        var i = 2;
        while (i + 9 < bytes.Length)
        {
            if (bytes[i] != 0xFF)
            {
                return null;
            }

            var marker = bytes[i + 1];
            if (marker == 0xFF)
            {
                i++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(i + 2, 2));
            var isStartOfFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isStartOfFrame)
            {
                var height = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(i + 5, 2));
                var width = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(i + 7, 2));
                return Sized(Jpeg, width, height);
            }

            if (length < 2)
            {
                return null;
            }

            i += 2 + length;
        }

        return null;
    }

    private static ImageInfo? IdentifyWebP(ReadOnlySpan<byte> bytes)
    {
        var chunk = bytes.Slice(12, 4);
        if (chunk.SequenceEqual("VP8X"u8))
        {
            var width = 1 + (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16));
            var height = 1 + (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16));
            return Sized(WebP, width, height);
        }

        if (chunk.SequenceEqual("VP8L"u8) && bytes[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(21, 4));
            return Sized(WebP, (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8 "u8) && bytes[23] == 0x9D && bytes[24] == 0x01 && bytes[25] == 0x2A)
        {
            var width = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(26, 2)) & 0x3FFF;
            var height = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(28, 2)) & 0x3FFF;
            return Sized(WebP, width, height);
        }

        return null;
    }
}
