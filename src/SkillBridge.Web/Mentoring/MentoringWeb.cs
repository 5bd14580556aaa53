using System.Globalization;
using System.Security.Claims;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Mail;
using SkillBridge.Core.Mentoring;
using SkillBridge.Core.Mentoring.Availability;
using SkillBridge.Web.Accounts;
using SkillBridge.Web.Time;

namespace SkillBridge.Web.Mentoring;

public static class MentoringWeb
{
    /// <summary>
    /// The signed-in person as the mentoring service sees them, with the site's address for links: SiteUrl only, never
    /// the request's Host (mail is off without SiteUrl, and a downloaded calendar file then carries a relative link).
    /// </summary>
    public static MentoringActor ToMentoringActor(this HttpContext context) => new(
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        context.User.IsInRole(Roles.Admin),
        context.RequestServices.GetRequiredService<MailStatus>().SiteUrl ?? "");

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>"Tue 1 Dec 2026, 09:00 Europe/London", and the other person's wall-clock time when their zone differs.</summary>
    public static string Describe(DateTime utc, LocalTime viewer, MentoringPerson? other)
    {
        var text = DisplayDates.WeekdayDateAndTime(viewer.ToLocal(utc)) + " " + viewer.ZoneName;
        if (other?.UserId is null || ViewerTime.Find(other.TimeZoneId) is not { } zone || zone.Id == viewer.Zone.Id)
        {
            return text;
        }

        var theirs = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var sameDay = theirs.Date == viewer.ToLocal(utc).Date;
        var when = sameDay ? DisplayDates.Time(theirs) : DisplayDates.ShortDay(theirs) + ", " + DisplayDates.Time(theirs);
        return $"{text} — {when} for {other.FirstName} in {zone.Id}";
    }
}

/// <summary>
/// Up to three wall-clock times in the viewer's time zone, each a date field (yyyy-MM-dd from the browser's date
/// picker, or typed in the site culture's short form) and a 24-hour HH:mm text field read here on the server, so it
/// reads the same in every browser whatever its locale's clock.
/// </summary>
public sealed class ProposedTimesInput
{
    public string? FirstDate { get; set; }

    public string? FirstTime { get; set; }

    public string? SecondDate { get; set; }

    public string? SecondTime { get; set; }

    public string? ThirdDate { get; set; }

    public string? ThirdTime { get; set; }

    public bool IsEmpty => new[] { FirstDate, FirstTime, SecondDate, SecondTime, ThirdDate, ThirdTime }.All(string.IsNullOrWhiteSpace);

    /// <summary>The filled-in times as UTC, or a message naming the first one that is missing a part, unreadable or not a real time in the viewer's zone.</summary>
    public (IReadOnlyList<DateTime> Utc, string? Problem) ToUtc(LocalTime time)
    {
        var result = new List<DateTime>();
        foreach (var (label, date, clock) in new[] { ("first choice", FirstDate, FirstTime), ("second choice", SecondDate, SecondTime), ("third choice", ThirdDate, ThirdTime) })
        {
            var hasDate = !string.IsNullOrWhiteSpace(date);
            var hasTime = !string.IsNullOrWhiteSpace(clock);
            if (!hasDate && !hasTime)
            {
                continue;
            }

            if (!hasDate)
            {
                return ([], $"Enter the date of the {label}.");
            }

            if (!AvailabilityRules.TryParseDate(date, CultureInfo.CurrentCulture, out var day))
            {
                return ([], $"The date of the {label}, “{date!.Trim()}”, is not a date. Use the date picker, or type it as {Example(CultureInfo.CurrentCulture)}.");
            }

            if (!hasTime)
            {
                return ([], $"Enter the time of the {label} as HH:mm in 24 hours, for example 14:30.");
            }

            if (!AvailabilityRules.TryParseTime(clock, out var minutes))
            {
                return ([], $"The time of the {label}, “{clock!.Trim()}”, is not a time. Type it as HH:mm in 24 hours, for example 14:30.");
            }

            var local = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes);
            if (time.ToUtc(local) is not { } utc)
            {
                return ([], $"The {label}, {DisplayDates.DateAndTime(local)}, does not exist in {time.ZoneName}: the clocks change then. Choose another time.");
            }

            result.Add(utc);
        }

        return result.Count == 0 ? ([], "Propose at least one time.") : (result, null);
    }

    /// <summary>An example date in the culture's short form, for the message about a date that could not be read.</summary>
    private static string Example(CultureInfo culture) => new DateOnly(2026, 12, 1).ToString(culture.DateTimeFormat.ShortDatePattern, culture);
}
