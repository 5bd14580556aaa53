using System.Buffers.Binary;
using System.Text;

namespace SkillBridge.Core.Media;

/// <summary>
/// Removes metadata (EXIF with its GPS position, XMP, IPTC, comments, text chunks, timestamps) from PNG, JPEG, WebP and
/// GIF files by copying only the parts that draw the picture. Works on the file's structure, never decodes pixels, so
/// it runs in-process and needs no image library. Each format keeps an allow-list of what it copies: anything unknown
/// that a decoder may skip is dropped, as is anything after the end of the image.
/// </summary>
public static class MetadataStripper
{
    /// <summary>PNG chunks that affect how the image looks (colour, transparency, pixel size, animation).</summary>
    private static readonly HashSet<string> PngKept =
    [
        "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "pHYs", "hIST",
        "cICP", "mDCv", "cLLi", "acTL", "fcTL", "fdAT",
    ];

    /// <summary>WebP chunks that draw the picture; EXIF and XMP (and anything unknown) are dropped.</summary>
    private static readonly HashSet<string> WebPKept = ["VP8X", "VP8 ", "VP8L", "ALPH", "ANIM", "ANMF", "ICCP"];

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private const byte WebPExifFlag = 0x08;
    private const byte WebPXmpFlag = 0x04;
    private const ushort OrientationTag = 0x0112;

    /// <summary>"JFIF\0", version, units, two densities, thumbnail width and height: the APP0 data without a thumbnail.</summary>
    private const byte JfifHeaderLength = 14;

    /// <summary>Returns the image without its metadata, or null when its structure cannot be followed (a damaged file).</summary>
    public static byte[]? Strip(ReadOnlySpan<byte> bytes, string contentType) => contentType switch
    {
        ImageFormats.Png => StripPng(bytes),
        ImageFormats.Jpeg => StripJpeg(bytes),
        ImageFormats.WebP => StripWebP(bytes),
        ImageFormats.Gif => StripGif(bytes),
        _ => null,
    };

    /// <summary>Chunks: 4-byte length, 4-byte type, data, CRC. Critical chunks (upper-case first letter) are always kept.</summary>
    private static byte[]? StripPng(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < PngSignature.Length || !bytes[..PngSignature.Length].SequenceEqual(PngSignature))
        {
            return null;
        }

        using var output = new MemoryStream(bytes.Length);
        output.Write(PngSignature);
        var i = PngSignature.Length;
        while (i + 12 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(i, 4));
            var type = bytes.Slice(i + 4, 4);
            if (length > (uint)(bytes.Length - i - 12) || !IsAsciiLetters(type))
            {
                return null;
            }

            var end = i + 12 + (int)length;
            var critical = (type[0] & 0x20) == 0;
            if (critical || PngKept.Contains(Encoding.ASCII.GetString(type)))
            {
                output.Write(bytes[i..end]);
            }

            if (type.SequenceEqual("IEND"u8))
            {
                return output.ToArray();
            }

            i = end;
        }

        return null;
    }

    /// <summary>
    /// Segments: FF marker, 2-byte length, data; after a start of scan, entropy-coded data runs to the next marker.
    /// Drops APP1–APP15 (EXIF, XMP, IPTC, MPF pictures, maker notes), JFXX and JFIF thumbnails, and comments, except the ICC colour profile (APP2
    /// "ICC_PROFILE") and Adobe's colour-transform flag (APP14 "Adobe"), which change how the picture looks.
    /// The EXIF orientation is carried over as a new EXIF segment holding nothing else, so photos stay upright.
    /// </summary>
    private static byte[]? StripJpeg(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8)
        {
            return null;
        }

        using var output = new MemoryStream(bytes.Length);
        output.Write([0xFF, 0xD8]);
        var orientationAt = -1;
        ushort? orientation = null;
        var i = 2;
        while (true)
        {
            if (i >= bytes.Length || bytes[i] != 0xFF)
            {
                return null;
            }

            while (i < bytes.Length && bytes[i] == 0xFF)
            {
                i++; // fill bytes before a marker
            }

            if (i >= bytes.Length)
            {
                return null;
            }

            var marker = bytes[i++];
            if (orientationAt < 0 && marker != 0xE0)
            {
                orientationAt = (int)output.Length; // after SOI and JFIF, where EXIF belongs
            }

            if (marker == 0xD9)
            {
                output.Write([0xFF, 0xD9]);
                return WithOrientation(output.ToArray(), orientationAt, orientation);
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                output.Write([0xFF, marker]);
                continue;
            }

            if (marker is 0x00 or 0xD8 || i + 2 > bytes.Length)
            {
                return null;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(i, 2));
            if (length < 2 || i + length > bytes.Length)
            {
                return null;
            }

            var data = bytes.Slice(i + 2, length - 2);
            if (marker == 0xE1 && orientation is null)
            {
                orientation = ReadExifOrientation(data);
            }

            if (marker == 0xE0)
            {
                // APP0: only the JFIF header, without the thumbnail it may carry; JFXX extensions (thumbnails of what
                // the picture looked like before cropping) and anything else in APP0 are dropped.
                if (data.Length >= JfifHeaderLength && data.StartsWith("JFIF\0"u8))
                {
                    output.Write([0xFF, 0xE0, 0x00, JfifHeaderLength + 2]);
                    output.Write(data[..(JfifHeaderLength - 2)]);
                    output.Write([0x00, 0x00]);
                }

                i += length;
                continue;
            }

            var keep = marker switch
            {
                0xE2 => data.StartsWith("ICC_PROFILE\0"u8),
                0xEE => data.StartsWith("Adobe"u8),
                >= 0xE1 and <= 0xEF => false,
                0xFE => false,
                _ => true,
            };
            if (keep)
            {
                output.Write([0xFF, marker]);
                output.Write(bytes.Slice(i, length));
            }

            i += length;
            if (marker == 0xDA)
            {
                var scan = i;
                while (i + 1 < bytes.Length && !(bytes[i] == 0xFF && bytes[i + 1] is not 0x00 and not 0xFF and not (>= 0xD0 and <= 0xD7)))
                {
                    i++;
                }

                if (i + 1 >= bytes.Length)
                {
                    return null;
                }

                output.Write(bytes[scan..i]);
            }
        }
    }

    /// <summary>Reads tag 0x0112 from IFD0 of an APP1 "Exif" segment; null when absent, unreadable or "normal".</summary>
    private static ushort? ReadExifOrientation(ReadOnlySpan<byte> segment)
    {
        if (!segment.StartsWith("Exif\0\0"u8) || segment.Length < 14)
        {
            return null;
        }

        var tiff = segment[6..];
        bool little;
        if (tiff.StartsWith("II"u8))
        {
            little = true;
        }
        else if (tiff.StartsWith("MM"u8))
        {
            little = false;
        }
        else
        {
            return null;
        }

        var ifd = ReadUInt32(tiff[4..], little);
        if (ifd > (uint)(tiff.Length - 2))
        {
            return null;
        }

        var count = ReadUInt16(tiff[(int)ifd..], little);
        for (var entry = (int)ifd + 2; count > 0 && entry + 12 <= tiff.Length; count--, entry += 12)
        {
            if (ReadUInt16(tiff[entry..], little) == OrientationTag && ReadUInt16(tiff[(entry + 2)..], little) == 3)
            {
                var value = ReadUInt16(tiff[(entry + 8)..], little);
                return value is >= 2 and <= 8 ? value : null;
            }
        }

        return null;
    }

    /// <summary>Inserts an APP1 segment whose EXIF holds only the orientation (big-endian TIFF, one IFD entry).</summary>
    private static byte[] WithOrientation(byte[] jpeg, int at, ushort? orientation)
    {
        if (orientation is not { } value || at < 0)
        {
            return jpeg;
        }

        byte[] segment =
        [
            0xFF, 0xE1, 0x00, 0x22,
            (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,
            0x00, 0x01,
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, (byte)(value >> 8), (byte)value, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00,
        ];
        return [.. jpeg.AsSpan(0, at), .. segment, .. jpeg.AsSpan(at)];
    }

    /// <summary>RIFF chunks: FourCC, 4-byte little-endian size, data padded to an even length. VP8X flags say which metadata follows.</summary>
    private static byte[]? StripWebP(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 20 || !bytes[..4].SequenceEqual("RIFF"u8) || !bytes.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return null;
        }

        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(4, 4));
        if (riffSize < 4 || riffSize > (uint)(bytes.Length - 8))
        {
            return null;
        }

        var end = 8 + (int)riffSize;
        using var output = new MemoryStream(end);
        output.Write("RIFF\0\0\0\0WEBP"u8);
        var i = 12;
        while (i < end)
        {
            if (i + 8 > end)
            {
                return null;
            }

            var fourCc = bytes.Slice(i, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(i + 4, 4));
            if (size > (uint)(end - i - 8))
            {
                return null;
            }

            if (WebPKept.Contains(Encoding.ASCII.GetString(fourCc)))
            {
                var at = (int)output.Length;
                output.Write(bytes.Slice(i, 8 + (int)size));
                if ((size & 1) == 1)
                {
                    output.WriteByte(0);
                }

                if (fourCc.SequenceEqual("VP8X"u8) && size >= 1)
                {
                    output.GetBuffer()[at + 8] &= unchecked((byte)~(WebPExifFlag | WebPXmpFlag));
                }
            }

            i += 8 + (int)size + (int)(size & 1);
        }

        var stripped = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(stripped.AsSpan(4, 4), (uint)(stripped.Length - 8));
        return stripped;
    }

    /// <summary>
    /// Header, screen descriptor and colour table, then images and extensions as sub-blocks until the trailer (0x3B).
    /// Comment extensions and application extensions other than the looping one (NETSCAPE2.0, ANIMEXTS1.0) are dropped.
    /// </summary>
    private static byte[]? StripGif(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 13)
        {
            return null;
        }

        var i = 13 + ColourTableLength(bytes[10]);
        if (i > bytes.Length)
        {
            return null;
        }

        using var output = new MemoryStream(bytes.Length);
        output.Write(bytes[..i]);
        while (true)
        {
            if (i >= bytes.Length)
            {
                // Many tools write GIFs without the trailer and browsers show them; finish the file properly.
                output.WriteByte(0x3B);
                return output.ToArray();
            }

            var start = i;
            switch (bytes[i])
            {
                case 0x3B:
                    output.WriteByte(0x3B);
                    return output.ToArray();
                case 0x2C:
                    if (i + 11 > bytes.Length)
                    {
                        return null;
                    }

                    i += 10 + ColourTableLength(bytes[i + 9]) + 1; // descriptor, local colour table, LZW code size
                    i = SkipSubBlocks(bytes, i);
                    if (i < 0)
                    {
                        return null;
                    }

                    output.Write(bytes[start..i]);
                    break;
                case 0x21:
                    if (i + 2 > bytes.Length)
                    {
                        return null;
                    }

                    var label = bytes[i + 1];
                    i = SkipSubBlocks(bytes, i + 2);
                    if (i < 0)
                    {
                        return null;
                    }

                    var keep = label switch
                    {
                        0xFE => false,
                        0xFF => IsLoopingExtension(bytes[(start + 2)..i]),
                        _ => true,
                    };
                    if (keep)
                    {
                        output.Write(bytes[start..i]);
                    }

                    break;
                default:
                    return null;
            }
        }
    }

    private static int ColourTableLength(byte flags) => (flags & 0x80) == 0 ? 0 : 3 * (1 << ((flags & 0x07) + 1));

    /// <summary>Returns the index after the terminating empty sub-block, or -1 when the file ends first.</summary>
    private static int SkipSubBlocks(ReadOnlySpan<byte> bytes, int i)
    {
        while (i < bytes.Length)
        {
            var size = bytes[i];
            i += 1 + size;
            if (size == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsLoopingExtension(ReadOnlySpan<byte> blocks) =>
        blocks.Length >= 12 && blocks[0] == 11 && (blocks.Slice(1, 11).SequenceEqual("NETSCAPE2.0"u8) || blocks.Slice(1, 11).SequenceEqual("ANIMEXTS1.0"u8));

    private static bool IsAsciiLetters(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
        {
            if (!char.IsAsciiLetter((char)b))
            {
                return false;
            }
        }

        return true;
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> bytes, bool little) =>
        bytes.Length < 2 ? (ushort)0 : little ? BinaryPrimitives.ReadUInt16LittleEndian(bytes) : BinaryPrimitives.ReadUInt16BigEndian(bytes);

    private static uint ReadUInt32(ReadOnlySpan<byte> bytes, bool little) =>
        bytes.Length < 4 ? uint.MaxValue : little ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32BigEndian(bytes);
}
