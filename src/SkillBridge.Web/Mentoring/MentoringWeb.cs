using System.Globalization;
using System.Security.Claims;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Mail;
using SkillBridge.Core.Mentoring;
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
        var text = viewer.ToLocal(utc).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " " + viewer.ZoneName;
        if (other?.UserId is null || ViewerTime.Find(other.TimeZoneId) is not { } zone || zone.Id == viewer.Zone.Id)
        {
            return text;
        }

        var theirs = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var sameDay = theirs.Date == viewer.ToLocal(utc).Date;
        var when = theirs.ToString(sameDay ? "HH:mm" : "ddd d MMM, HH:mm", CultureInfo.InvariantCulture);
        return $"{text} — {when} for {other.FirstName} in {zone.Id}";
    }
}

/// <summary>Up to three wall-clock times from datetime-local inputs, in the viewer's time zone.</summary>
public sealed class ProposedTimesInput
{
    public string? First { get; set; }

    public string? Second { get; set; }

    public string? Third { get; set; }

    /// <summary>The filled-in times as UTC, or a message naming the first one that is not a real time in the viewer's zone.</summary>
    public (IReadOnlyList<DateTime> Utc, string? Problem) ToUtc(LocalTime time)
    {
        var result = new List<DateTime>();
        foreach (var (label, value) in new[] { ("first choice", First), ("second choice", Second), ("third choice", Third) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (!DateTime.TryParseExact(value.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                return ([], $"The {label} is not a date and time. Use the date and time picker, or type it as 2026-12-01T14:30.");
            }

            if (time.ToUtc(local) is not { } utc)
            {
                return ([], $"The {label}, {local.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture)}, does not exist in {time.ZoneName}: the clocks change then. Choose another time.");
            }

            result.Add(utc);
        }

        return result.Count == 0 ? ([], "Propose at least one time.") : (result, null);
    }

    public static string ForInput(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
