using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SkillBridge.Tests.TestSupport;

/// <summary>Tiny but complete images, made in-test (also compiled into the browser tests).</summary>
public static class TestImages
{
    /// <summary>A valid RGB PNG of the given size in one colour (black unless told otherwise).</summary>
    public static byte[] Png(int width, int height, byte red = 0, byte green = 0, byte blue = 0)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        Chunk(png, "IHDR", header);
        var rowLength = 1 + (width * 3);
        var raw = new byte[height * rowLength];
        for (var y = 0; y < height; y++)
        {
            // Each row starts with filter type 0 (none), then the pixels.
            for (var x = 0; x < width; x++)
            {
                var pixel = (y * rowLength) + 1 + (x * 3);
                (raw[pixel], raw[pixel + 1], raw[pixel + 2]) = (red, green, blue);
            }
        }

        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
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
