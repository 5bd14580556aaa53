using System.Globalization;
using System.Text;
using SkillBridge.Core.Content;

namespace SkillBridge.Core.Mentoring;

/// <summary>One mentoring session as a calendar event: the facts an invitation or its cancellation carries.</summary>
public sealed record CalendarEvent(
    string Uid,
    int Sequence,
    DateTime StampUtc,
    DateTime StartUtc,
    DateTime EndUtc,
    string ModuleTitle,
    string Description,
    string OrganizerName,
    string OrganizerEmail,
    string AttendeeName,
    string AttendeeEmail,
    bool IsCancellation,
    string? Location = null);

/// <summary>
/// Writes an iCalendar (RFC 5545) invitation or cancellation by hand: CRLF line endings, lines folded at 75 octets
/// without splitting a UTF-8 character, TEXT values escaped, every instant in UTC.
/// </summary>
public static class CalendarInvitation
{
    public const string ProductId = "-//SkillBridge//Mentoring sessions//EN";

    private const int MaxLineOctets = 75;

    public static string Method(bool isCancellation) => isCancellation ? "CANCEL" : "REQUEST";

    /// <summary>The MIME type for a download or a mail attachment.</summary>
    public static string MediaType(bool isCancellation) => $"text/calendar; method={Method(isCancellation)}; charset=utf-8";

    public static string Summary(string moduleTitle) => "Follow-up session: " + moduleTitle;

    public static string Write(CalendarEvent session)
    {
        var text = new StringBuilder();
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:" + ProductId);
        Line(text, "CALSCALE:GREGORIAN");
        Line(text, "METHOD:" + Method(session.IsCancellation));
        Line(text, "BEGIN:VEVENT");
        Line(text, "UID:" + session.Uid);
        Line(text, "SEQUENCE:" + session.Sequence.ToString(CultureInfo.InvariantCulture));
        Line(text, "DTSTAMP:" + Instant(session.StampUtc));
        Line(text, "DTSTART:" + Instant(session.StartUtc));
        Line(text, "DTEND:" + Instant(session.EndUtc));
        Line(text, "SUMMARY:" + EscapeText(Summary(SingleLineText.Clean(session.ModuleTitle))));
        Line(text, "DESCRIPTION:" + EscapeText(session.Description));
        if (!string.IsNullOrWhiteSpace(session.Location))
        {
            Line(text, "LOCATION:" + EscapeText(session.Location));
        }

        Line(text, $"ORGANIZER;CN={Parameter(session.OrganizerName)}:mailto:{session.OrganizerEmail}");
        // The learner chose the time in the site, so the invitation records them as accepted and asks for no reply;
        // a cancellation repeats the same attendee, as RFC 5546 expects, and STATUS says the event is off.
        Line(text, $"ATTENDEE;CN={Parameter(session.AttendeeName)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:{session.AttendeeEmail}");
        Line(text, "STATUS:" + (session.IsCancellation ? "CANCELLED" : "CONFIRMED"));
        Line(text, "TRANSP:OPAQUE");
        Line(text, "END:VEVENT");
        Line(text, "END:VCALENDAR");
        return text.ToString();
    }

    /// <summary>yyyyMMddTHHmmssZ.</summary>
    public static string Instant(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 3.3.11: backslash, semicolon and comma are escaped; every line break becomes \n.</summary>
    public static string EscapeText(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>A parameter value in double quotes, which cannot itself hold a double quote or a control character (RFC 5545 3.1).</summary>
    private static string Parameter(string value)
    {
        var cleaned = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c != '"' && !char.IsControl(c))
            {
                cleaned.Append(c);
            }
        }

        return cleaned.Append('"').ToString();
    }

    /// <summary>Appends one content line, folded so that no physical line exceeds 75 octets (RFC 5545 3.1).</summary>
    private static void Line(StringBuilder text, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxLineOctets)
            {
                // A continuation line starts with one space, which counts towards its 75 octets.
                text.Append("\r\n ");
                octets = 1;
            }

            text.Append(rune.ToString());
            octets += size;
        }

        text.Append("\r\n");
    }
}
