using System.Globalization;

namespace SkillBridge.Web.Time;

/// <summary>
/// Dates and times people read on pages, in the request's culture (SkillBridge:Culture, see <see cref="SiteCulture"/>):
/// the order of day, month and year, month names and the clock come from the culture, so en-GB reads
/// "3 Mar 2026, 14:30" and en-US "Mar 3, 2026, 2:30 PM". Callers convert to the viewer's zone first
/// (<see cref="LocalTime"/>). Values machines read (time elements' datetime, input values, CSV, .ics, JSON) stay
/// invariant ISO and never come from here.
/// </summary>
public static class DisplayDates
{
    /// <summary>"3 March 2026" (en-GB), "March 3, 2026" (en-US).</summary>
    public static string Date(DateTime local) => local.ToString(DatePattern(Culture, abbreviated: false), Culture);

    /// <inheritdoc cref="Date(DateTime)"/>
    public static string Date(DateOnly day) => day.ToString(DatePattern(Culture, abbreviated: false), Culture);

    /// <summary>"3 Mar 2026" (en-GB), "Mar 3, 2026" (en-US).</summary>
    public static string ShortDate(DateTime local) => local.ToString(DatePattern(Culture, abbreviated: true), Culture);

    /// <summary>"14:30" (en-GB), "2:30 PM" (en-US).</summary>
    public static string Time(DateTime local) => local.ToString(Culture.DateTimeFormat.ShortTimePattern, Culture);

    /// <summary>"3 Mar 2026, 14:30" (en-GB), "Mar 3, 2026, 2:30 PM" (en-US).</summary>
    public static string DateAndTime(DateTime local) => ShortDate(local) + ", " + Time(local);

    /// <summary>"Tue 3 Mar 2026" (en-GB), "Tue Mar 3, 2026" (en-US).</summary>
    public static string WeekdayDate(DateTime local) => local.ToString("ddd", Culture) + " " + ShortDate(local);

    /// <summary>"Tue 3 Mar 2026, 14:30" (en-GB), "Tue Mar 3, 2026, 2:30 PM" (en-US).</summary>
    public static string WeekdayDateAndTime(DateTime local) => WeekdayDate(local) + ", " + Time(local);

    /// <summary>"Tuesday 3 March" (en-GB), "Tuesday March 3" (en-US): a day heading where the year is plain.</summary>
    public static string DayHeading(DateOnly day) => day.ToString("dddd", Culture) + " " + day.ToString(Culture.DateTimeFormat.MonthDayPattern, Culture);

    /// <summary>"Tue 3 Mar" (en-GB), "Tue Mar 3" (en-US).</summary>
    public static string ShortDay(DateTime local) =>
        local.ToString("ddd", Culture) + " " + local.ToString(Abbreviate(Culture.DateTimeFormat.MonthDayPattern), Culture);

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    /// <summary>The culture's long date without the weekday ("dddd, d MMMM yyyy" → "d MMMM yyyy"), day without a leading zero.</summary>
    private static string DatePattern(CultureInfo culture, bool abbreviated)
    {
        var pattern = culture.DateTimeFormat.LongDatePattern.Replace("dddd", "", StringComparison.Ordinal).Trim(' ', ',', '\u00a0');
        pattern = pattern.Replace("dd", "d", StringComparison.Ordinal);
        return abbreviated ? Abbreviate(pattern) : pattern;
    }

    private static string Abbreviate(string pattern) => pattern.Replace("MMMM", "MMM", StringComparison.Ordinal);
}
