using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SkillBridge.Core.Content;

/// <summary>Writes YAML scalars and lists plainly when that reads back as the same text, double-quoted otherwise.</summary>
internal static partial class YamlText
{
    public static string Scalar(string value) => IsPlain(value, flow: false) ? value : Quoted(value);

    public static string FlowList(IEnumerable<string> items) =>
        "[" + string.Join(", ", items.Select(i => IsPlain(i, flow: true) ? i : Quoted(i))) + "]";

    private static bool IsPlain(string value, bool flow) =>
        PlainPattern().IsMatch(value)
        && !value.Contains(": ", StringComparison.Ordinal)
        && !value.Contains(" #", StringComparison.Ordinal)
        && !value.EndsWith(':')
        && !(flow && value.IndexOfAny([',', '[', ']', '{', '}']) >= 0);

    private static string Quoted(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    // Starts with a letter or digit, no characters that YAML reads specially anywhere in a plain scalar, no edge spaces.
    [GeneratedRegex(@"^[\p{L}\p{N}][^\n\r\t""\\]*(?<!\s)$")]
    private static partial Regex PlainPattern();
}
