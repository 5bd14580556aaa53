using System.Globalization;
using Microsoft.Extensions.Options;
using SkillBridge.Core;
using SkillBridge.Web.Accounts;

namespace SkillBridge.Web.Time;

/// <summary>
/// The current viewer's time zone for a request (design.md, Time): converts stored UTC instants for display and
/// wall-clock times typed into forms back to UTC. The zone itself comes from <see cref="ViewerTime.ZoneOf"/>.
/// </summary>
public sealed class LocalTime(IHttpContextAccessor http, IOptions<SkillBridgeOptions> options)
{
    private TimeZoneInfo? _zone;

    public TimeZoneInfo Zone => _zone ??= http.HttpContext is { } context ? ViewerTime.ZoneOf(context.User, options.Value) : TimeZoneInfo.Utc;

    public string ZoneName => Zone.Id;

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A wall-clock time the viewer typed, as UTC; null when that local time does not exist (a clock change skips it).</summary>
    public DateTime? ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return Zone.IsInvalidTime(unspecified) ? null : TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone);
    }

    /// <summary>"3 Mar 2026, 14:30 Europe/London" in the site culture (<see cref="DisplayDates.DateAndTime"/>).</summary>
    public string Format(DateTime utc) => DisplayDates.DateAndTime(ToLocal(utc)) + " " + ZoneName;

    /// <summary>The viewer's calendar date of an instant, e.g. "3 March 2026" in the site culture.</summary>
    public string FormatDate(DateTime utc) => DisplayDates.Date(ToLocal(utc));

    /// <summary>The viewer's calendar date of an instant for a time element's datetime attribute (yyyy-MM-dd).</summary>
    public string IsoDate(DateTime utc) => ToLocal(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan span) =>
        span.TotalDays >= 2 ? $"{(int)span.TotalDays} days"
        : span.TotalHours >= 2 ? $"{(int)span.TotalHours} hours"
        : span.TotalMinutes >= 2 ? $"{(int)span.TotalMinutes} minutes"
        : "just now";
}
