using System.Globalization;
using System.Text;
using Markdig.Helpers;

namespace SkillBridge.Core.Content.Markdown;

/// <summary>
/// Decides which URLs module content may link to or load: http, https, mailto and relative URLs.
/// Everything else, and everything that cannot be classified, is refused.
/// </summary>
public static class UrlPolicy
{
    private const int MaxDecodingRounds = 8;

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static bool IsAllowed(string? url)
    {
        if (url is null || !TryClassify(url, out var scheme))
        {
            return false;
        }

        if (scheme is null)
        {
            return true;
        }

        return AllowedSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>True for absolute http and https URLs (and protocol-relative ones): they lead off the site.</summary>
    public static bool IsExternal(string url)
    {
        if (!TryClassify(url, out var scheme))
        {
            // Unclassifiable URLs are refused by IsAllowed; if one is used anyway, treat it as foreign.
            return true;
        }

        return scheme == "//"
            || string.Equals(scheme, "http", StringComparison.OrdinalIgnoreCase)
            || string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Finds the scheme the way a browser would, but more suspiciously: entities and percent-escapes are
    /// decoded until nothing changes, whitespace, control and invisible formatting characters are removed
    /// everywhere, and backslashes count as slashes.
    /// </summary>
    /// <param name="scheme">The scheme in lower case, "//" for a protocol-relative URL, or null for a relative URL.</param>
    /// <returns>False when the URL cannot be classified safely.</returns>
    private static bool TryClassify(string url, out string? scheme)
    {
        scheme = null;
        var normalized = Normalize(url);
        if (normalized is null)
        {
            return false;
        }

        if (normalized.StartsWith("//", StringComparison.Ordinal))
        {
            scheme = "//";
            return true;
        }

        // Only the first segment can hold a scheme: "images/a:b.png" and "?q=a:b" are relative.
        var segmentEnd = normalized.IndexOfAny(['/', '?', '#']);
        var firstSegment = segmentEnd < 0 ? normalized : normalized[..segmentEnd];

        // An '&' left over after decoding is an entity we do not know; we cannot tell what a browser sees.
        if (firstSegment.Contains('&', StringComparison.Ordinal))
        {
            return false;
        }

        var colon = firstSegment.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }

        scheme = firstSegment[..colon].ToLowerInvariant();
        return true;
    }

    private static string? Normalize(string url)
    {
        var current = Strip(url);
        for (var round = 0; round < MaxDecodingRounds; round++)
        {
            var decoded = Strip(Uri.UnescapeDataString(DecodeEntities(current)));
            if (decoded == current)
            {
                return current;
            }

            current = decoded;
        }

        // Still changing after many rounds: someone is nesting encodings on purpose.
        return null;
    }

    private static string Strip(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            builder.Append(c == '\\' ? '/' : c);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Decodes numeric references (with or without the closing semicolon, as browsers accept them) and
    /// HTML5 named references (including <c>&amp;colon;</c>, <c>&amp;Tab;</c>, <c>&amp;NewLine;</c>).
    /// </summary>
    private static string DecodeEntities(string value)
    {
        if (!value.Contains('&', StringComparison.Ordinal))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        var i = 0;
        while (i < value.Length)
        {
            if (value[i] == '&' && TryDecodeEntityAt(value, i, out var decoded, out var length))
            {
                builder.Append(decoded);
                i += length;
            }
            else
            {
                builder.Append(value[i]);
                i++;
            }
        }

        return builder.ToString();
    }

    private static bool TryDecodeEntityAt(string value, int start, out string decoded, out int length)
    {
        decoded = string.Empty;
        length = 0;
        var i = start + 1;
        if (i < value.Length && value[i] == '#')
        {
            i++;
            var hex = i < value.Length && (value[i] == 'x' || value[i] == 'X');
            if (hex)
            {
                i++;
            }

            var digitsStart = i;
            while (i < value.Length && (hex ? char.IsAsciiHexDigit(value[i]) : char.IsAsciiDigit(value[i])))
            {
                i++;
            }

            if (i == digitsStart)
            {
                return false;
            }

            var digits = value.AsSpan(digitsStart, i - digitsStart);
            var style = hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
            if (!int.TryParse(digits, style, CultureInfo.InvariantCulture, out var codePoint)
                || codePoint is <= 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
            {
                // Browsers turn these into U+FFFD; an unreadable scheme is refused later either way.
                codePoint = 0xFFFD;
            }

            if (i < value.Length && value[i] == ';')
            {
                i++;
            }

            decoded = char.ConvertFromUtf32(codePoint);
            length = i - start;
            return true;
        }

        while (i < value.Length && char.IsAsciiLetterOrDigit(value[i]))
        {
            i++;
        }

        if (i == start + 1 || i >= value.Length || value[i] != ';')
        {
            return false;
        }

        var named = EntityHelper.DecodeEntity(value.AsSpan(start + 1, i - start - 1));
        if (string.IsNullOrEmpty(named))
        {
            return false;
        }

        decoded = named;
        length = i + 1 - start;
        return true;
    }
}
