using System.Globalization;

namespace SkillBridge.Core.Assignments;

/// <summary>
/// Turns a due date a curator typed in their own time zone into the UTC instant stored. A date without a time means the
/// end of that day (23:59) in the curator's zone. Clock changes are the zone's own (TimeZoneInfo): a time the clocks
/// skip is refused with a message; a time they pass twice means the later of the two, which gives learners more time.
/// </summary>
public static class DueDates
{
    public static readonly TimeOnly EndOfDay = new(23, 59);

    /// <summary>The UTC instant, or null with <paramref name="problem"/> set when that local time does not exist.</summary>
    public static DateTime? ToUtc(DateOnly date, TimeOnly? time, TimeZoneInfo zone, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time ?? EndOfDay, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            problem = local.ToString("HH:mm", CultureInfo.InvariantCulture) + " does not exist on " + local.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
                + $" in {zone.Id}: the clocks go forward then. Choose another time.";
            return null;
        }

        problem = null;
        if (zone.IsAmbiguousTime(local))
        {
            // The later of the two instants: the offsets are listed with the larger (summer time) first or last; the
            // smallest offset gives the latest UTC instant.
            var offset = zone.GetAmbiguousTimeOffsets(local).Min();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>A zone by IANA id, falling back to UTC for an id this machine does not know.</summary>
    public static TimeZoneInfo Zone(string? timeZoneId) =>
        timeZoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The local wall-clock time of a UTC instant in a zone.</summary>
    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
}
