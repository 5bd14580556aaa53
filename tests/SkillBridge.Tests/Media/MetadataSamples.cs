using System.Buffers.Binary;
using System.Text;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Media;

/// <summary>Images carrying the metadata an author would not want published (a GPS position above all), built in code.</summary>
public static class MetadataSamples
{
    public static string SamplePath(string name) => Path.Combine(AppContext.BaseDirectory, "Media", "Samples", name);

    /// <summary>A TIFF block (the body of EXIF) with IFD0 holding an orientation and a GPS IFD at 52° 30' N, 13° 24' E.</summary>
    public static byte[] ExifTiff(ushort orientation = 1)
    {
        var tiff = new byte[152];
        var span = tiff.AsSpan();
        "II"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], 8);
        // IFD0 at 8: two entries, then the next-IFD offset; the GPS IFD follows at 38.
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], 2);
        Entry(span[10..], 0x0112, 3, 1, orientation);
        Entry(span[22..], 0x8825, 4, 1, 38);
        // GPS IFD at 38: five entries (2 + 60 + 4 bytes), values at 104 and 128.
        BinaryPrimitives.WriteUInt16LittleEndian(span[38..], 5);
        Entry(span[40..], 0x0000, 1, 4, 0x00000302);
        Entry(span[52..], 0x0001, 2, 2, 'N');
        Entry(span[64..], 0x0002, 5, 3, 104);
        Entry(span[76..], 0x0003, 2, 2, 'E');
        Entry(span[88..], 0x0004, 5, 3, 128);
        Rationals(span[104..], 52, 30, 0);
        Rationals(span[128..], 13, 24, 0);
        return tiff;
    }

    /// <summary>A JPEG with an APP1 EXIF segment (GPS included) and a comment, right after its start.</summary>
    public static byte[] JpegWithGps(string sample = "small-64x48.jpg", ushort orientation = 1)
    {
        var jpeg = File.ReadAllBytes(SamplePath(sample));
        var payload = Encoding.ASCII.GetBytes("Exif\0\0").Concat(ExifTiff(orientation)).ToArray();
        var app1 = Segment(0xE1, payload);
        var comment = Segment(0xFE, Encoding.ASCII.GetBytes("shot at home, 12 Elm Street"));
        return [.. jpeg.AsSpan(0, 2), .. app1, .. comment, .. jpeg.AsSpan(2)];
    }

    /// <summary>Text written as the pixels of the JFXX thumbnail, so a test can look for it in the stored bytes.</summary>
    public const string ThumbnailPixels = "UNCROPPED-ORIGINAL-SHOWING-THE-INBOX-----------";

    /// <summary>
    /// A JPEG that starts with a JFIF APP0 carrying its own 4 × 4 RGB thumbnail, followed by an APP0 JFXX extension with
    /// a 4 × 4 RGB thumbnail (extension code 0x13): what an editor leaves behind when it crops but keeps the old preview.
    /// </summary>
    public static byte[] JpegWithJfxxThumbnail(string sample = "small-64x48.jpg")
    {
        var jpeg = File.ReadAllBytes(SamplePath(sample));
        var pixels = Encoding.ASCII.GetBytes(ThumbnailPixels.PadRight(48, '-')[..48]);
        byte[] jfif = [.. "JFIF\0"u8, 1, 2, 0, 0, 1, 0, 1, 4, 4, .. pixels];
        byte[] jfxx = [.. "JFXX\0"u8, 0x13, 4, 4, .. pixels];
        var start = jpeg[3] == 0xE0 ? 4 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(4)) : 2;
        return [.. jpeg.AsSpan(0, 2), .. Segment(0xE0, jfif), .. Segment(0xE0, jfxx), .. jpeg.AsSpan(start)];
    }

    /// <summary>A PNG with text, EXIF (GPS) and time chunks next to rendering chunks that must stay.</summary>
    public static byte[] PngWithMetadata(int width = 4, int height = 3)
    {
        var png = TestImages.Png(width, height);
        const int afterHeader = 8 + 25;
        byte[] gamma = [0x00, 0x00, 0xB1, 0x8F];
        byte[] physical = [0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1];
        var extra = PngChunk("gAMA", gamma)
            .Concat(PngChunk("pHYs", physical))
            .Concat(PngChunk("tEXt", Encoding.Latin1.GetBytes("Comment\0shot at home, 12 Elm Street")))
            .Concat(PngChunk("iTXt", Encoding.UTF8.GetBytes("Author\0\0\0\0\0Priya")))
            .Concat(PngChunk("tIME", [0x07, 0xEA, 11, 22, 9, 30, 0]))
            .Concat(PngChunk("eXIf", ExifTiff()))
            .ToArray();
        return [.. png.AsSpan(0, afterHeader), .. extra, .. png.AsSpan(afterHeader)];
    }

    /// <summary>The libvips-made WebP with its own EXIF chunk swapped for one with GPS, plus an XMP chunk; flags and size fixed.</summary>
    public static byte[] WebPWithGps(string sample = "small-64x48.webp")
    {
        var webp = File.ReadAllBytes(SamplePath(sample));
        using var body = new MemoryStream();
        for (var i = 12; i + 8 <= webp.Length;)
        {
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(i + 4));
            var fourCc = Encoding.ASCII.GetString(webp, i, 4);
            if (fourCc is not "EXIF" and not "XMP ")
            {
                body.Write(webp, i, 8 + size + (size & 1));
            }

            i += 8 + size + (size & 1);
        }

        body.Write(RiffChunk("EXIF", ExifTiff()));
        body.Write(RiffChunk("XMP ", Encoding.UTF8.GetBytes("<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF/></x:xmpmeta>")));
        var bytes = new byte[12 + body.Length];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        "WEBP"u8.CopyTo(bytes.AsSpan(8));
        body.ToArray().CopyTo(bytes, 12);
        bytes[20] |= 0x08 | 0x04; // VP8X: EXIF and XMP present
        return bytes;
    }

    /// <summary>A 1×1 looping GIF with a comment and an XMP application extension.</summary>
    public static byte[] GifWithComment()
    {
        using var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        gif.Write([1, 0, 1, 0, 0x80, 0, 0]); // 1×1, global colour table of 2
        gif.Write([0, 0, 0, 255, 255, 255]);
        gif.Write([0x21, 0xFF, 11, .. "NETSCAPE2.0"u8, 3, 1, 0, 0, 0]);
        var comment = Encoding.ASCII.GetBytes("shot at home, 12 Elm Street");
        gif.Write([0x21, 0xFE, (byte)comment.Length, .. comment, 0]);
        var xmp = Encoding.ASCII.GetBytes("<x:xmpmeta/>");
        gif.Write([0x21, 0xFF, 11, .. "XMP DataXMP"u8, (byte)xmp.Length, .. xmp, 0]);
        gif.Write([0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0]);
        gif.Write([2, 2, 0x44, 0x01, 0]);
        gif.WriteByte(0x3B);
        return gif.ToArray();
    }

    public static byte[] PngChunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    public static bool Contains(byte[] bytes, string text) =>
        bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;

    private static byte[] Segment(byte marker, byte[] payload)
    {
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return segment;
    }

    private static byte[] RiffChunk(string fourCc, byte[] data)
    {
        var chunk = new byte[8 + data.Length + (data.Length & 1)];
        Encoding.ASCII.GetBytes(fourCc).CopyTo(chunk, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), (uint)data.Length);
        data.CopyTo(chunk, 8);
        return chunk;
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(at[8..], value);
    }

    private static void Rationals(Span<byte> at, uint degrees, uint minutes, uint seconds)
    {
        uint[] values = [degrees, 1, minutes, 1, seconds, 1];
        for (var k = 0; k < values.Length; k++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(at[(4 * k)..], values[k]);
        }
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
