using System.Security.Claims;
using SkillBridge.Core;
using SkillBridge.Web.Time;

namespace SkillBridge.Web.Accounts;

/// <summary>Shows a stored UTC instant in the viewer's time zone (design.md, Time): theirs when signed in, the site's otherwise.</summary>
public static class ViewerTime
{
    public static TimeZoneInfo ZoneOf(ClaimsPrincipal user, SkillBridgeOptions options) =>
        Find(user.FindFirstValue(AccountsSetup.TimeZoneClaim)) ?? Find(options.DefaultTimeZone) ?? TimeZoneInfo.Utc;

    public static TimeZoneInfo? Find(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    public static string Format(DateTime utc, TimeZoneInfo zone) =>
        DisplayDates.DateAndTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    /// <summary>Midnight at the start of a local date, as UTC.</summary>
    public static DateTime StartOfDayUtc(DateOnly date, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
}
