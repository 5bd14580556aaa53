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

    public string Format(DateTime utc) => ToLocal(utc).ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " " + ZoneName;

    /// <summary>The viewer's calendar date of an instant, e.g. "3 March 2026".</summary>
    public string FormatDate(DateTime utc) => ToLocal(utc).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The viewer's calendar date of an instant for a time element's datetime attribute (yyyy-MM-dd).</summary>
    public string IsoDate(DateTime utc) => ToLocal(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan span) =>
        span.TotalDays >= 2 ? $"{(int)span.TotalDays} days"
        : span.TotalHours >= 2 ? $"{(int)span.TotalHours} hours"
        : span.TotalMinutes >= 2 ? $"{(int)span.TotalMinutes} minutes"
        : "just now";
}
