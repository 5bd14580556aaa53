using System.Globalization;

namespace SkillBridge.Core.Content;

/// <summary>
/// The rule for every single-line field (titles, summaries, tags, step titles, names, departments, helps-with and role
/// lists, category names, invitation fields): no line break and no control character. Such a character in a title would
/// otherwise reach a mail header, a calendar file or a page heading. Forms, the editor's API, import and the clean-up
/// migration all use this one definition.
/// </summary>
public static class SingleLineText
{
    /// <summary>Unicode category Cc (C0 and C1 controls, tab, CR and LF included) plus the line and paragraph separators.</summary>
    public static bool IsForbidden(char c) => char.GetUnicodeCategory(c) == UnicodeCategory.Control || c is '\u2028' or '\u2029';

    /// <summary>True when the text (or null) holds none of the forbidden characters.</summary>
    public static bool IsValid(string? text) => text is null || !text.Any(IsForbidden);

    /// <summary>True when every item is single-line.</summary>
    public static bool AreValid(IEnumerable<string>? items) => items is null || items.All(IsValid);

    /// <summary>The message shown next to the field, e.g. "Title must be a single line without control characters."</summary>
    public static string Problem(string field) => $"{field} must be a single line without control characters.";

    /// <summary>The text with each forbidden character replaced by a space (what the clean-up migration does to stored values).</summary>
    public static string Clean(string text) =>
        IsValid(text) ? text : string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = IsForbidden(source[i]) ? ' ' : source[i];
            }
        });

    /// <summary>Every forbidden character in the Basic Multilingual Plane (Cc lies entirely within it), for SQL that replaces them.</summary>
    public static IReadOnlyList<char> ForbiddenCharacters { get; } =
        [.. Enumerable.Range(0, 0x10000).Select(code => (char)code).Where(IsForbidden)];
}
