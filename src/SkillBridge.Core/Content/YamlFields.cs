using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SkillBridge.Core.Content;

/// <summary>Loads YAML into YamlDotNet's representation model, so every problem can name the file line of the node it is about.</summary>
internal sealed partial class YamlSource(string file, int lineOffset, List<ContentProblem> problems)
{
    public string File => file;

    public List<ContentProblem> Problems => problems;

    /// <summary>YamlDotNet lines are 1-based within the YAML text; the offset moves them to the file.</summary>
    public int LineOf(YamlNode node) => lineOffset + (int)node.Start.Line;

    public void Add(int line, string message) => problems.Add(new ContentProblem(file, line, message));

    public void Add(YamlNode node, string message) => Add(LineOf(node), message);

    /// <summary>The document's root node; null (with a problem) when the text is not YAML, null (without one) when it is empty.</summary>
    public YamlNode? Load(string text, string prefix = "")
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            Add(lineOffset + (int)Math.Max(1, e.Start.Line), $"{prefix}not valid YAML: {MarkPrefix().Replace(e.Message, "")}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, without a position, on some unfinished constructs.
            Add(lineOffset + 1, $"{prefix}not valid YAML");
            return null;
        }
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarkPrefix();
}

/// <summary>One YAML mapping read against the keys it may and must have; each getter reports a wrong value at its line.</summary>
internal sealed class YamlFields
{
    private readonly YamlSource _source;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly string _prefix;

    private YamlFields(YamlSource source, string prefix)
    {
        _source = source;
        _prefix = prefix;
    }

    /// <summary>
    /// Reads a mapping, reporting unknown keys and missing required keys (at <paramref name="missingLine"/>).
    /// Returns null, with a problem, when the node is not a mapping.
    /// </summary>
    public static YamlFields? Read(YamlNode? node, YamlSource source, int missingLine, IReadOnlyCollection<string> allowed, IReadOnlyCollection<string> required, string prefix = "")
    {
        if (node is not YamlMappingNode mapping)
        {
            var line = node is null ? missingLine : source.LineOf(node);
            source.Add(line, $"{prefix}expected keys and values ({string.Join(", ", required)})");
            return null;
        }

        var fields = new YamlFields(source, prefix);
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name))
            {
                source.Add(key, $"{prefix}unknown key '{name}'");
                continue;
            }

            fields._entries[name] = (key, value);
        }

        foreach (var name in required.Where(r => !fields._entries.ContainsKey(r)))
        {
            source.Add(missingLine, $"{prefix}missing required key '{name}'");
        }

        return fields;
    }

    public bool Has(string key) => _entries.ContainsKey(key);

    public int LineOf(string key, int fallback) => _entries.TryGetValue(key, out var entry) ? _source.LineOf(entry.Key) : fallback;

    /// <summary>
    /// The text of a scalar; null when absent or (with a problem) when not text, empty and required, or holding a line
    /// break or control character where <paramref name="multiline"/> does not allow them.
    /// </summary>
    public string? Text(string key, bool required = false, bool multiline = false)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.Value is not YamlScalarNode scalar)
        {
            _source.Add(entry.Value, $"{_prefix}'{key}' must be text");
            return null;
        }

        var value = (scalar.Value ?? "").Trim();
        if (value.Length == 0 && (required || scalar.Style == ScalarStyle.Plain))
        {
            if (required)
            {
                _source.Add(entry.Key, $"{_prefix}'{key}' is empty");
            }

            return null;
        }

        if (!multiline && !SingleLineText.IsValid(value))
        {
            _source.Add(entry.Value, $"{_prefix}'{key}' must be a single line without control characters");
            return null;
        }

        return value;
    }

    public int? Integer(string key, int min, int max)
    {
        var text = Text(key, required: true);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            _source.Add(_entries[key].Value, $"{_prefix}'{key}' must be a whole number from {min} to {max}, not '{text}'");
            return null;
        }

        return value;
    }

    public bool? Boolean(string key)
    {
        var text = Text(key, required: true);
        return text switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => Report<bool?>(key, $"'{key}' must be true or false, not '{text}'"),
        };
    }

    public DateOnly? Date(string key)
    {
        var text = Text(key, required: true);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Report<DateOnly?>(key, $"'{key}' must be a date written YYYY-MM-DD, not '{text}'");
        }

        return date;
    }

    /// <summary>A list of text items, flow ([a, b]) or block style; null when absent or wrong.</summary>
    public IReadOnlyList<string>? TextList(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.Value is not YamlSequenceNode sequence)
        {
            return Report<IReadOnlyList<string>>(key, $"'{key}' must be a list, like [a, b]");
        }

        var items = new List<string>();
        foreach (var item in sequence.Children)
        {
            var text = (item as YamlScalarNode)?.Value?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                _source.Add(item, $"{_prefix}'{key}' must be a list of text items");
                return null;
            }

            if (!SingleLineText.IsValid(text))
            {
                _source.Add(item, $"{_prefix}each item of '{key}' must be a single line without control characters");
                return null;
            }

            items.Add(text);
        }

        return items;
    }

    /// <summary>The raw sequence node, for lists of mappings (quiz options).</summary>
    public YamlSequenceNode? Sequence(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        return entry.Value as YamlSequenceNode ?? Report<YamlSequenceNode>(key, $"'{key}' must be a list");
    }

    /// <summary>Reports a problem about a key that is present, at the line of its value.</summary>
    public void Report(string key, string message) => _source.Add(_entries[key].Value, _prefix + message);

    private T? Report<T>(string key, string message)
    {
        _source.Add(_entries[key].Value, _prefix + message);
        return default;
    }
}
