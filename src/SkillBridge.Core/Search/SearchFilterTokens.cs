using System.Globalization;
using System.Text;
using SkillBridge.Core.Catalogue;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Search;

/// <summary>
/// The words written to the index's <c>filters</c> column for a module's category, level, duration range and authors.
/// Each is "sbf", a letter for the kind, the key in hexadecimal and a final 0: letters and digits only, so the tokenizer
/// keeps it whole; ending in a digit, so the porter stemmer leaves it alone; with digits, so typo correction skips it.
/// </summary>
public static class SearchFilterTokens
{
    public static string Category(string key) => Token('c', key);

    public static string Level(string level) => Token('l', level.ToLowerInvariant());

    public static string Level(ModuleLevel level) => Level(level.ToString());

    public static string Duration(DurationRange range) => Token('d', range.ToString().ToLowerInvariant());

    public static string Duration(int minutes) => Duration(Enum.GetValues<DurationRange>().First(r => minutes >= r.Bounds().Min && minutes <= r.Bounds().Max));

    public static string Author(string username) => Token('a', username);

    /// <summary>The filters column of one module.</summary>
    public static string ForModule(string category, string level, int minutes, IEnumerable<string> authorUsernames) =>
        string.Join(' ', new[] { Category(category), Level(level), Duration(minutes) }.Concat(authorUsernames.Select(Author)));

    /// <summary>SQL computing <see cref="Duration(int)"/> from a minutes column, for the migration that fills the index.</summary>
    public static string DurationSql(string minutesColumn) =>
        "CASE " + string.Join(' ', Enum.GetValues<DurationRange>().SkipLast(1).Select(r =>
            $"WHEN {minutesColumn} <= {r.Bounds().Max.ToString(CultureInfo.InvariantCulture)} THEN '{Duration(r)}'"))
        + $" ELSE '{Duration(Enum.GetValues<DurationRange>()[^1])}' END";

    private static string Token(char kind, string key) =>
        "sbf" + kind + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(key)) + "0";
}
