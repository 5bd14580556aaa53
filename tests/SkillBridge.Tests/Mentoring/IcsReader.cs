using System.Text;

namespace SkillBridge.Tests.Mentoring;

/// <summary>One unfolded iCalendar content line: NAME;PARAM=value;...:value.</summary>
public sealed record IcsLine(string Name, IReadOnlyDictionary<string, string> Parameters, string Value);

/// <summary>
/// A small, strict reader for the calendar files the site writes: it checks the physical form (CRLF only, no line
/// over 75 octets, continuation lines start with a space) and unfolds and splits each content line.
/// </summary>
public static class IcsReader
{
    public static IReadOnlyList<IcsLine> Read(string text)
    {
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var physical = text[..^2].Split("\r\n");
        foreach (var line in physical)
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Line longer than 75 octets: {line}");
            Assert.False(line.Any(char.IsSurrogate) && !IsWellFormed(line), $"Line splits a character: {line}");
        }

        var unfolded = new List<string>();
        foreach (var line in physical)
        {
            if (line.StartsWith(' '))
            {
                Assert.NotEmpty(unfolded);
                unfolded[^1] += line[1..];
            }
            else
            {
                unfolded.Add(line);
            }
        }

        return unfolded.Select(Split).ToList();
    }

    /// <summary>The value of the only line with this name (inside the one VEVENT or the calendar).</summary>
    public static IcsLine Only(this IReadOnlyList<IcsLine> lines, string name) => Assert.Single(lines, l => l.Name == name);

    public static string UnescapeText(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
                text.Append(value[i] switch
                {
                    'n' or 'N' => '\n',
                    var c => c,
                });
            }
            else
            {
                Assert.False(value[i] is ';' or ',', $"Unescaped '{value[i]}' in a TEXT value: {value}");
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }

    private static bool IsWellFormed(string line) => !Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(line)).Contains('\uFFFD', StringComparison.Ordinal);

    private static IcsLine Split(string line)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var quoted = false;
        var start = 0;
        string? name = null;
        string? pendingParameter = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && (c == ';' || c == ':'))
            {
                var part = line[start..i];
                if (name is null)
                {
                    name = part;
                }
                else
                {
                    pendingParameter = part;
                }

                if (pendingParameter is not null)
                {
                    var equals = pendingParameter.IndexOf('=', StringComparison.Ordinal);
                    parameters[pendingParameter[..equals]] = pendingParameter[(equals + 1)..].Trim('"');
                    pendingParameter = null;
                }

                start = i + 1;
                if (c == ':')
                {
                    return new IcsLine(name, parameters, line[start..]);
                }
            }
        }

        throw new Xunit.Sdk.XunitException($"No ':' in content line: {line}");
    }
}
