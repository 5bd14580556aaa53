using System.Text;
using SkillBridge.Core.Mentoring;

namespace SkillBridge.Tests.Mentoring;

public sealed class CalendarInvitationTests
{
    private static readonly string LongUnicodeTitle =
        "Zusammenarbeit über Grenzen hinweg: Teams-Kanäle, geteilte Dateien und Besprechungsnotizen für größere Gruppen – Schritt für Schritt 🚀";

    private static readonly CalendarEvent Invitation = new(
        Uid: "3f2a9c1e5b7d4e8f9a0b1c2d3e4f5a6b@skillbridge",
        Sequence: 0,
        StampUtc: new DateTime(2026, 11, 22, 10, 15, 0, DateTimeKind.Utc),
        StartUtc: new DateTime(2026, 12, 3, 14, 0, 0, DateTimeKind.Utc),
        EndUtc: new DateTime(2026, 12, 3, 14, 45, 0, DateTimeKind.Utc),
        ModuleTitle: LongUnicodeTitle,
        Description: "Margaret asked:\nHow do I share one file; not the whole folder, with the board?\nThanks, M. \\ Finance\n\nhttps://skills.example.com/mentoring/7",
        OrganizerName: "Priya Shah",
        OrganizerEmail: "priya.shah@example.com",
        AttendeeName: "Margaret O'Neill, CFO",
        AttendeeEmail: "margaret@example.com",
        IsCancellation: false);

    private static readonly CalendarEvent Cancellation = Invitation with
    {
        Sequence = 1,
        StampUtc = new DateTime(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc),
        IsCancellation = true,
    };

    [Fact]
    public void Write_Invitation_MatchesTheGoldenFileByteForByte() =>
        Assert.Equal(Golden("invitation.ics"), Encoding.UTF8.GetBytes(CalendarInvitation.Write(Invitation)));

    [Fact]
    public void Write_Cancellation_MatchesTheGoldenFileByteForByte() =>
        Assert.Equal(Golden("cancellation.ics"), Encoding.UTF8.GetBytes(CalendarInvitation.Write(Cancellation)));

    [Fact]
    public void Write_Invitation_ParsesBackFieldByField()
    {
        var lines = IcsReader.Read(CalendarInvitation.Write(Invitation));

        Assert.Equal(["BEGIN", "VERSION", "PRODID", "CALSCALE", "METHOD", "BEGIN"], lines.Take(6).Select(l => l.Name));
        Assert.Equal("VCALENDAR", lines[0].Value);
        Assert.Equal("2.0", lines.Only("VERSION").Value);
        Assert.Equal(CalendarInvitation.ProductId, lines.Only("PRODID").Value);
        Assert.Equal("REQUEST", lines.Only("METHOD").Value);
        Assert.Equal(Invitation.Uid, lines.Only("UID").Value);
        Assert.Equal("0", lines.Only("SEQUENCE").Value);
        Assert.Equal("20261122T101500Z", lines.Only("DTSTAMP").Value);
        Assert.Equal("20261203T140000Z", lines.Only("DTSTART").Value);
        Assert.Equal("20261203T144500Z", lines.Only("DTEND").Value);
        Assert.Equal("Follow-up session: " + LongUnicodeTitle, IcsReader.UnescapeText(lines.Only("SUMMARY").Value));
        Assert.Equal(Invitation.Description, IcsReader.UnescapeText(lines.Only("DESCRIPTION").Value));
        var organizer = lines.Only("ORGANIZER");
        Assert.Equal("Priya Shah", organizer.Parameters["CN"]);
        Assert.Equal("mailto:priya.shah@example.com", organizer.Value);
        var attendee = lines.Only("ATTENDEE");
        Assert.Equal("Margaret O'Neill, CFO", attendee.Parameters["CN"]);
        Assert.Equal("REQ-PARTICIPANT", attendee.Parameters["ROLE"]);
        Assert.Equal("ACCEPTED", attendee.Parameters["PARTSTAT"]);
        Assert.Equal("FALSE", attendee.Parameters["RSVP"]);
        Assert.Equal("mailto:margaret@example.com", attendee.Value);
        Assert.Equal("CONFIRMED", lines.Only("STATUS").Value);
        Assert.Equal(["END:VEVENT", "END:VCALENDAR"], lines.TakeLast(2).Select(l => $"{l.Name}:{l.Value}"));
    }

    [Fact]
    public void Write_Cancellation_KeepsTheUidWithAHigherSequence()
    {
        var invitation = IcsReader.Read(CalendarInvitation.Write(Invitation));
        var cancellation = IcsReader.Read(CalendarInvitation.Write(Cancellation));

        Assert.Equal("CANCEL", cancellation.Only("METHOD").Value);
        Assert.Equal("CANCELLED", cancellation.Only("STATUS").Value);
        Assert.Equal(invitation.Only("UID").Value, cancellation.Only("UID").Value);
        Assert.True(int.Parse(cancellation.Only("SEQUENCE").Value, System.Globalization.CultureInfo.InvariantCulture)
            > int.Parse(invitation.Only("SEQUENCE").Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(invitation.Only("DTSTART").Value, cancellation.Only("DTSTART").Value);
        Assert.Equal("20261125T080000Z", cancellation.Only("DTSTAMP").Value);
    }

    [Fact]
    public void Write_LongUnicodeTitle_FoldsAt75OctetsWithoutSplittingACharacter()
    {
        var text = CalendarInvitation.Write(Invitation);
        var physical = text.Split("\r\n");

        Assert.Contains(physical, line => Encoding.UTF8.GetByteCount(line) is > 70 and <= 75 && line.StartsWith(' '));
        Assert.All(physical, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75));

        // Every physical line is valid UTF-8 on its own: no multi-byte character (ü, –, the emoji) was cut in two.
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        Assert.All(physical, line => strict.GetString(strict.GetBytes(line)));
        Assert.Contains("🚀", IcsReader.Read(text).Only("SUMMARY").Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a;b", "a\\;b")]
    [InlineData("a,b", "a\\,b")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("line one\nline two", "line one\\nline two")]
    [InlineData("line one\r\nline two", "line one\\nline two")]
    public void EscapeText_SpecialCharacters_AreEscaped(string value, string expected) =>
        Assert.Equal(expected, CalendarInvitation.EscapeText(value));

    private static byte[] Golden(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Mentoring", "Golden", name));
}
