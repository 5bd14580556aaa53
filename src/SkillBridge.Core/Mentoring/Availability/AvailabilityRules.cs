using System.Globalization;

namespace SkillBridge.Core.Mentoring.Availability;

/// <summary>One weekly range as the rules see it: a day and wall-clock minutes in the author's zone.</summary>
public sealed record WeeklyRange(DayOfWeek Day, int StartMinute, int EndMinute);

/// <summary>A range as typed into the availability form, before it is checked.</summary>
public sealed record RangeInput(DayOfWeek Day, string? From, string? To);

/// <summary>What is wrong with one typed range, by its position in the list given to <see cref="AvailabilityRules.Check"/>.</summary>
public sealed record RangeProblem(int Index, string Message);

/// <summary>A time the author is already taken: an accepted session, or times held for an open request.</summary>
public sealed record BusyTime(DateTime StartUtc, DateTime EndUtc);

/// <summary>
/// The pure rules of weekly availability: reading 24-hour times and dates as people type them, checking ranges, and
/// turning ranges, skipped weeks and busy times into free start times. No database, no clock: testable on their own.
/// </summary>
public static class AvailabilityRules
{
    /// <summary>Free times start on this grid from each range's start.</summary>
    public const int SlotStepMinutes = 30;

    /// <summary>The shortest session; a free time offers at least this much.</summary>
    public const int ShortestMinutes = 30;

    public const int MaxRangesPerDay = 4;

    public const int MinutesPerDay = 24 * 60;

    /// <summary>How far ahead the ask form offers free times.</summary>
    public static readonly TimeSpan OfferedAhead = TimeSpan.FromDays(14);

    /// <summary>Monday first, as weeks are written in most of the places SkillBridge is used.</summary>
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>
    /// A 24-hour time typed as HH:mm ("09:30", also "9:30"), as minutes after midnight. "24:00" is read only when
    /// <paramref name="endOfDay"/> is true, for a range that runs to midnight.
    /// </summary>
    public static bool TryParseTime(string? text, out int minutes, bool endOfDay = false)
    {
        minutes = 0;
        var value = text?.Trim() ?? "";
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon is < 1 or > 2 || value.Length != colon + 3
            || !int.TryParse(value.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var mins))
        {
            return false;
        }

        if (endOfDay && hours == 24 && mins == 0)
        {
            minutes = MinutesPerDay;
            return true;
        }

        if (hours > 23 || mins > 59)
        {
            return false;
        }

        minutes = (hours * 60) + mins;
        return true;
    }

    /// <summary>A date from a date field (yyyy-MM-dd in every browser), or typed in the site culture's short form.</summary>
    public static bool TryParseDate(string? text, CultureInfo culture, out DateOnly date)
    {
        var value = text?.Trim() ?? "";
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            || DateOnly.TryParseExact(value, culture.DateTimeFormat.ShortDatePattern, culture, DateTimeStyles.None, out date);
    }

    /// <summary>HH:mm, with 1440 as 24:00.</summary>
    public static string FormatTime(int minutes) =>
        string.Create(CultureInfo.InvariantCulture, $"{minutes / 60:00}:{minutes % 60:00}");

    /// <summary>Checks typed ranges: both times or neither, HH:mm, the end after the start, no overlaps on a day.</summary>
    public static (IReadOnlyList<WeeklyRange> Ranges, IReadOnlyList<RangeProblem> Problems) Check(IReadOnlyList<RangeInput> rows)
    {
        var problems = new List<RangeProblem>();
        var valid = new List<(int Index, WeeklyRange Range)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (day, from, to) = rows[i];
            var hasFrom = !string.IsNullOrWhiteSpace(from);
            var hasTo = !string.IsNullOrWhiteSpace(to);
            if (!hasFrom && !hasTo)
            {
                continue;
            }

            if (!hasFrom || !hasTo)
            {
                problems.Add(new(i, "Enter both a start and an end, or leave both empty."));
            }
            else if (!TryParseTime(from, out var start))
            {
                problems.Add(new(i, $"The start “{from!.Trim()}” is not a time. Use 24-hour HH:mm, for example 09:00."));
            }
            else if (!TryParseTime(to, out var end, endOfDay: true))
            {
                problems.Add(new(i, $"The end “{to!.Trim()}” is not a time. Use 24-hour HH:mm, for example 17:30."));
            }
            else if (end <= start)
            {
                problems.Add(new(i, $"The end must be after the start ({FormatTime(start)})."));
            }
            else if (end - start < ShortestMinutes)
            {
                problems.Add(new(i, $"Make the range at least {ShortestMinutes} minutes long, the shortest session."));
            }
            else
            {
                valid.Add((i, new WeeklyRange(day, start, end)));
            }
        }

        foreach (var group in valid.GroupBy(v => v.Range.Day))
        {
            var ordered = group.OrderBy(v => v.Range.StartMinute).ToList();
            if (ordered.Count > MaxRangesPerDay)
            {
                problems.Add(new(ordered[^1].Index, $"Give at most {MaxRangesPerDay} ranges a day."));
            }

            for (var k = 1; k < ordered.Count; k++)
            {
                var before = ordered[k - 1].Range;
                if (ordered[k].Range.StartMinute < before.EndMinute)
                {
                    problems.Add(new(ordered[k].Index, $"This overlaps {FormatTime(before.StartMinute)}–{FormatTime(before.EndMinute)} on the same day. Join them into one range or change one."));
                }
            }
        }

        return problems.Count > 0
            ? ([], problems.OrderBy(p => p.Index).ToList())
            : (valid.Select(v => v.Range).ToList(), []);
    }

    /// <summary>The Monday of the week a date falls in.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>
    /// Start times, as UTC, from just after <paramref name="fromUtc"/> to <paramref name="ahead"/> later, at which the
    /// author is free for <paramref name="minutes"/>: inside one of their weekly ranges (read in their zone on each
    /// day, so clock changes keep the wall-clock hours), not in a skipped week, and not overlapping a busy time.
    /// A wall-clock time that a clock change skips is not offered.
    /// </summary>
    public static IReadOnlyList<DateTime> FreeSlots(
        IReadOnlyCollection<WeeklyRange> ranges,
        IReadOnlyCollection<DateOnly> skippedWeeks,
        TimeZoneInfo zone,
        IReadOnlyCollection<BusyTime> busy,
        DateTime fromUtc,
        TimeSpan ahead,
        int minutes = ShortestMinutes)
    {
        fromUtc = DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc);
        var untilUtc = fromUtc + ahead;
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(fromUtc, zone));
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(untilUtc, zone));
        var slots = new SortedSet<DateTime>();
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            if (skippedWeeks.Contains(WeekStart(day)))
            {
                continue;
            }

            foreach (var range in ranges.Where(r => r.Day == day.DayOfWeek))
            {
                for (var minute = range.StartMinute; minute + minutes <= range.EndMinute; minute += SlotStepMinutes)
                {
                    var local = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minute);
                    if (zone.IsInvalidTime(local))
                    {
                        continue;
                    }

                    var start = TimeZoneInfo.ConvertTimeToUtc(local, zone);
                    var end = start.AddMinutes(minutes);
                    if (start <= fromUtc || start > untilUtc || busy.Any(b => b.StartUtc < end && start < b.EndUtc))
                    {
                        continue;
                    }

                    slots.Add(start);
                }
            }
        }

        return [.. slots];
    }
}
