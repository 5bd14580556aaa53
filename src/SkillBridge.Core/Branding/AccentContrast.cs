using System.Globalization;
using System.Text.RegularExpressions;

namespace SkillBridge.Core.Branding;

/// <summary>WCAG 2.2 contrast between an accent colour and the white text the themes put on it.</summary>
public static partial class AccentContrast
{
    /// <summary>The least contrast WCAG AA asks for normal-size text.</summary>
    public const double Minimum = 4.5;

    /// <summary>The colour of text on the accent (buttons, badges) in the themes an accent applies to.</summary>
    public const string TextColour = "#ffffff";

    /// <summary>"#rrggbb" in lower case, or null when <paramref name="value"/> is not written that way (#abc is accepted too).</summary>
    public static string? Normalise(string value)
    {
        var text = value.Trim();
        if (!text.StartsWith('#'))
        {
            text = "#" + text;
        }

        if (ShortHex().IsMatch(text))
        {
            text = string.Concat("#", text[1], text[1], text[2], text[2], text[3], text[3]);
        }

        return LongHex().IsMatch(text) ? text.ToLowerInvariant() : null;
    }

    /// <summary>The contrast ratio (1 to 21) between two "#rrggbb" colours.</summary>
    public static double Ratio(string first, string second)
    {
        var (a, b) = (Luminance(first), Luminance(second));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var value = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return value <= 0.04045 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}\\z")]
    private static partial Regex LongHex();

    [GeneratedRegex("^#[0-9a-fA-F]{3}\\z")]
    private static partial Regex ShortHex();
}
