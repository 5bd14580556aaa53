using System.Text;

namespace SkillBridge.Core.Search.Benchmark;

/// <summary>A benchmark file that cannot be read: the message names the file, the line and the problem.</summary>
public sealed class BenchmarkFileException(string message) : Exception(message);

/// <summary>
/// The tab-separated format shared by the benchmark's corpus and query files: UTF-8, a header row, one record a line,
/// and inside a field <c>\t</c>, <c>\n</c> and <c>\\</c> stand for a tab, a newline and a backslash (<c>\r</c> for a
/// carriage return, so no field can end a line early). A CRLF line ending is read as LF.
/// </summary>
internal static class BenchmarkTsv
{
    /// <summary>Strict UTF-8: a byte sequence that is not UTF-8 is an error, not a replacement character.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Escape(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field.AsSpan().IndexOfAny("\\\t\n\r") < 0)
        {
            return field;
        }

        var builder = new StringBuilder(field.Length + 8);
        foreach (var c in field)
        {
            builder.Append(c switch
            {
                '\\' => "\\\\",
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    public static void WriteRow(TextWriter writer, IEnumerable<string> fields)
    {
        writer.Write(string.Join('\t', fields.Select(Escape)));
        writer.Write('\n');
    }

    /// <summary>
    /// The records after the header, each with its 1-based line number and its unescaped fields. Blank lines are skipped;
    /// a wrong header, a wrong number of fields or an unknown escape stops the reading with the line it is on.
    /// </summary>
    public static IEnumerable<(int Line, string[] Fields)> ReadRows(IEnumerable<string> lines, string file, IReadOnlyList<string> header)
    {
        var lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            if (lineNumber == 1)
            {
                var found = line.TrimStart('\uFEFF');
                if (!found.Split('\t').Select(h => h.Trim()).SequenceEqual(header, StringComparer.OrdinalIgnoreCase))
                {
                    throw new BenchmarkFileException(
                        $"{file}, line 1: the header must be the columns {string.Join(", ", header)}, tab-separated; found \"{Escape(Shorten(found))}\".");
                }

                continue;
            }

            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != header.Count)
            {
                throw new BenchmarkFileException(
                    $"{file}, line {lineNumber}: expected {header.Count} tab-separated fields ({string.Join(", ", header)}), found {fields.Length}. Write a tab inside a field as \\t.");
            }

            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = Unescape(fields[i], file, lineNumber, header[i]);
            }

            yield return (lineNumber, fields);
        }

        if (lineNumber == 0)
        {
            throw new BenchmarkFileException($"{file}, line 1: the file is empty; it must start with the header {string.Join(", ", header)}.");
        }
    }

    private static string Unescape(string field, string file, int line, string column)
    {
        var backslash = field.IndexOf('\\', StringComparison.Ordinal);
        if (backslash < 0)
        {
            return field;
        }

        var builder = new StringBuilder(field.Length);
        builder.Append(field, 0, backslash);
        for (var i = backslash; i < field.Length; i++)
        {
            var c = field[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (i + 1 == field.Length)
            {
                throw new BenchmarkFileException($"{file}, line {line}, column {column}: a backslash ends the field. Write a backslash as \\\\.");
            }

            builder.Append(field[++i] switch
            {
                '\\' => '\\',
                't' => '\t',
                'n' => '\n',
                'r' => '\r',
                var other => throw new BenchmarkFileException(
                    $"{file}, line {line}, column {column}: unknown escape \\{other}; only \\t, \\n, \\r and \\\\ are allowed. Write a backslash as \\\\."),
            });
        }

        return builder.ToString();
    }

    /// <summary>Lines end at LF only (a CR just before it is dropped), so a stray CR stays inside its field.</summary>
    public static IEnumerable<string> Lines(TextReader reader)
    {
        var builder = new StringBuilder();
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '\n')
            {
                yield return TrimCarriageReturn(builder);
                builder.Clear();
            }
            else
            {
                builder.Append((char)c);
            }
        }

        if (builder.Length > 0)
        {
            yield return TrimCarriageReturn(builder);
        }
    }

    /// <summary>
    /// As <see cref="Lines(TextReader)"/>, from UTF-8 bytes decoded a line at a time (LF is never part of a longer UTF-8
    /// sequence), so bytes that are not UTF-8 are reported on their own line.
    /// </summary>
    public static IEnumerable<string> Lines(Stream stream, string file)
    {
        var buffered = new BufferedStream(stream, 1 << 16);
        var bytes = new List<byte>(4096);
        var lineNumber = 0;
        int b;
        while ((b = buffered.ReadByte()) >= 0)
        {
            if (b == '\n')
            {
                yield return Decode(bytes, file, ++lineNumber);
                bytes.Clear();
            }
            else
            {
                bytes.Add((byte)b);
            }
        }

        if (bytes.Count > 0)
        {
            yield return Decode(bytes, file, ++lineNumber);
        }
    }

    private static string Decode(List<byte> bytes, string file, int lineNumber)
    {
        try
        {
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes);
            if (span.Length > 0 && span[^1] == '\r')
            {
                span = span[..^1];
            }

            return Utf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            throw new BenchmarkFileException($"{file}, line {lineNumber}: the file is not valid UTF-8.");
        }
    }

    private static string TrimCarriageReturn(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[^1] == '\r')
        {
            builder.Length--;
        }

        return builder.ToString();
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "…");
}
