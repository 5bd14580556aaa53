using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SkillBridge.Core.Modules;

/// <summary>Module slugs: the lowercase ASCII words that name a module in its URL.</summary>
public static partial class Slug
{
    public const int MaxDerivedLength = 80;
    public const int MaxLength = 120;
    private const string Fallback = "module";

    /// <summary>"Café déjà vu" becomes "cafe-deja-vu", "Don't panic" becomes "dont-panic".</summary>
    public static string FromTitle(string title)
    {
        var builder = new StringBuilder(title.Length);
        var pendingHyphen = false;
        foreach (var c in FoldAccents(title))
        {
            if (IsApostrophe(c))
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingHyphen = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingHyphen = true;
            }
        }

        var slug = Shorten(builder.ToString());
        return slug.Length == 0 ? Fallback : slug;
    }

    public static bool IsValid(string slug) =>
        slug.Length is >= 1 and <= MaxLength && SlugPattern().IsMatch(slug);

    /// <summary>Decomposes letters and drops the combining marks; letters with no ASCII base (ß, ø, Ł) are handled by hand.</summary>
    private static string FoldAccents(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            folded.Append(c switch
            {
                'ß' => "ss",
                'æ' => "ae",
                'Æ' => "AE",
                'œ' => "oe",
                'Œ' => "OE",
                'ø' => "o",
                'Ø' => "O",
                'ł' => "l",
                'Ł' => "L",
                'đ' => "d",
                'Đ' => "D",
                'þ' => "th",
                'Þ' => "TH",
                'ı' => "i",
                _ => c.ToString(),
            });
        }

        return folded.ToString();
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`';

    private static string Shorten(string slug)
    {
        if (slug.Length <= MaxDerivedLength)
        {
            return slug;
        }

        // Cut at the last hyphen that keeps whole words; a single long word is cut where it must be.
        var cut = slug.LastIndexOf('-', MaxDerivedLength);
        return cut > 0 ? slug[..cut] : slug[..MaxDerivedLength];
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
