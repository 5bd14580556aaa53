using System.Globalization;
using System.Security.Claims;

namespace SkillBridge.Web.Time;

/// <summary>
/// Instants are stored in UTC and shown in the viewer's time zone (design.md, Time): the signed-in person's setting,
/// else the site's SkillBridge:DefaultTimeZone.
/// </summary>
public sealed class ViewerTime(IHttpContextAccessor http, IConfiguration configuration)
{
    public const string TimeZoneClaim = "skillbridge:time-zone";

    public TimeZoneInfo Zone
    {
        get
        {
            var id = http.HttpContext?.User.FindFirstValue(TimeZoneClaim) ?? configuration["SkillBridge:DefaultTimeZone"] ?? "Europe/London";
            return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
        }
    }

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A wall-clock time the viewer typed, as UTC; null when that local time does not exist (a clock change skips it).</summary>
    public DateTime? ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return Zone.IsInvalidTime(unspecified) ? null : TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone);
    }

    public string Format(DateTime utc) => ToLocal(utc).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " " + ZoneName;

    public string ZoneName => Zone.Id;

    public static string Duration(TimeSpan span) =>
        span.TotalDays >= 2 ? $"{(int)span.TotalDays} days"
        : span.TotalHours >= 2 ? $"{(int)span.TotalHours} hours"
        : span.TotalMinutes >= 2 ? $"{(int)span.TotalMinutes} minutes"
        : "just now";
}
