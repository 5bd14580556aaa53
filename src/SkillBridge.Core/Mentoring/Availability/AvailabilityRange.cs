namespace SkillBridge.Core.Mentoring.Availability;

/// <summary>
/// One range of an author's weekly availability for mentoring sessions: a day of the week and a wall-clock start and
/// end in the author's own time zone (their account's), so "Monday 09:00–12:00" stays 09:00 across clock changes.
/// </summary>
public sealed class AvailabilityRange
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public DayOfWeek Day { get; set; }

    /// <summary>Minutes after midnight, 0 to 1439.</summary>
    public int StartMinute { get; set; }

    /// <summary>Minutes after midnight, after <see cref="StartMinute"/>; 1440 is midnight at the end of the day.</summary>
    public int EndMinute { get; set; }
}

/// <summary>A week the author is not available ("not this week"), by the Monday it starts on in their time zone.</summary>
public sealed class AvailabilitySkippedWeek
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public DateOnly WeekStart { get; set; }
}
