using System.Globalization;
using SkillBridge.Core.Mentoring;
using SkillBridge.Core.Mentoring.Availability;

namespace SkillBridge.Tests.Mentoring;

/// <summary>The pure rules behind availability, free times and a session's place: no database, no clock.</summary>
public sealed class AvailabilityRulesTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("09:00", 540)]
    [InlineData("9:30", 570)]
    [InlineData(" 23:59 ", 1439)]
    [InlineData("00:00", 0)]
    public void TryParseTime_TwentyFourHourTime_IsRead(string text, int minutes)
    {
        Assert.True(AvailabilityRules.TryParseTime(text, out var read));
        Assert.Equal(minutes, read);
    }

    [Theory]
    [InlineData("9am")]
    [InlineData("2:30 PM")]
    [InlineData("24:00")]
    [InlineData("12:60")]
    [InlineData("1230")]
    [InlineData("12:3")]
    [InlineData("")]
    public void TryParseTime_AnythingButHHmm_IsRefused(string text) =>
        Assert.False(AvailabilityRules.TryParseTime(text, out _));

    [Fact]
    public void TryParseTime_Midnight_IsReadOnlyAsAnEnd()
    {
        Assert.True(AvailabilityRules.TryParseTime("24:00", out var end, endOfDay: true));
        Assert.Equal(1440, end);
    }

    [Theory]
    [InlineData("2026-12-01")]
    [InlineData("01/12/2026")]
    public void TryParseDate_DateFieldValueOrBritishShortDate_IsTheFirstOfDecember(string text)
    {
        Assert.True(AvailabilityRules.TryParseDate(text, CultureInfo.GetCultureInfo("en-GB"), out var date));
        Assert.Equal(new DateOnly(2026, 12, 1), date);
    }

    [Theory]
    [InlineData("09:00", "08:30", "The end must be after the start (09:00).")]
    [InlineData("09:00", "", "Enter both a start and an end, or leave both empty.")]
    [InlineData("9 o'clock", "10:00", "The start “9 o'clock” is not a time. Use 24-hour HH:mm, for example 09:00.")]
    [InlineData("09:00", "5pm", "The end “5pm” is not a time. Use 24-hour HH:mm, for example 17:30.")]
    public void Check_AWrongRange_SaysWhatToChangeAndKeepsNothing(string from, string to, string message)
    {
        var (ranges, problems) = AvailabilityRules.Check([new(DayOfWeek.Monday, "13:00", "14:00"), new(DayOfWeek.Monday, from, to)]);

        Assert.Empty(ranges);
        var problem = Assert.Single(problems);
        Assert.Equal(1, problem.Index);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Check_OverlappingRangesOnOneDay_AreRefused_TheSameHoursOnAnotherDayAreNot()
    {
        var (_, problems) = AvailabilityRules.Check([new(DayOfWeek.Monday, "09:00", "12:00"), new(DayOfWeek.Monday, "11:00", "13:00")]);
        Assert.Equal("This overlaps 09:00–12:00 on the same day. Join them into one range or change one.", Assert.Single(problems).Message);

        var (ranges, none) = AvailabilityRules.Check([new(DayOfWeek.Monday, "09:00", "12:00"), new(DayOfWeek.Tuesday, "11:00", "13:00"), new(DayOfWeek.Monday, "12:00", "24:00")]);
        Assert.Empty(none);
        Assert.Equal(3, ranges.Count);
    }

    [Fact]
    public void FreeSlots_AcrossTheSpringClockChange_KeepTheAuthorsWallClockHours()
    {
        // Berlin moves from UTC+1 to UTC+2 on Sunday 29 March 2026: Monday 09:00 is 08:00 UTC before, 07:00 UTC after.
        var slots = AvailabilityRules.FreeSlots([new WeeklyRange(DayOfWeek.Monday, 9 * 60, 10 * 60)], [], Berlin, [], Utc(2026, 3, 20, 12), TimeSpan.FromDays(14));

        Assert.Equal([Utc(2026, 3, 23, 8), Utc(2026, 3, 23, 8, 30), Utc(2026, 3, 30, 7), Utc(2026, 3, 30, 7, 30)], slots);
    }

    [Fact]
    public void FreeSlots_WallClockTimesTheClockChangeSkips_AreNotOffered()
    {
        // 02:00-03:00 does not exist in Berlin on 29 March 2026; 03:00 CEST is 01:00 UTC.
        var slots = AvailabilityRules.FreeSlots([new WeeklyRange(DayOfWeek.Sunday, 2 * 60, (3 * 60) + 30)], [], Berlin, [], Utc(2026, 3, 27, 12), TimeSpan.FromDays(3));

        Assert.Equal([Utc(2026, 3, 29, 1)], slots);
    }

    [Fact]
    public void FreeSlots_BusyTimes_AreLeftOutWithTheTimesTheyOverlap()
    {
        // Monday 23 November 2026, Berlin is UTC+1: 09:00-11:00 local is 08:00-10:00 UTC; a session 08:00-08:45 UTC.
        var slots = AvailabilityRules.FreeSlots([new WeeklyRange(DayOfWeek.Monday, 9 * 60, 11 * 60)], [], Berlin,
            [new BusyTime(Utc(2026, 11, 23, 8), Utc(2026, 11, 23, 8, 45))], Utc(2026, 11, 22, 9), TimeSpan.FromDays(2));

        Assert.Equal([Utc(2026, 11, 23, 9), Utc(2026, 11, 23, 9, 30)], slots);
    }

    [Fact]
    public void FreeSlots_InASkippedWeek_OfferNothingThatWeekOnly()
    {
        var slots = AvailabilityRules.FreeSlots([new WeeklyRange(DayOfWeek.Monday, 9 * 60, (9 * 60) + 30)], [new DateOnly(2026, 11, 23)], Berlin, [], Utc(2026, 11, 22, 9), TimeSpan.FromDays(14));

        Assert.Equal([Utc(2026, 11, 30, 8)], slots);
    }

    [Fact]
    public void FreeSlots_ForALongerSession_NeedTheTimeAfterTheStartFree()
    {
        var slots = AvailabilityRules.FreeSlots([new WeeklyRange(DayOfWeek.Monday, 9 * 60, 10 * 60)], [], Berlin, [], Utc(2026, 11, 22, 9), TimeSpan.FromDays(2), minutes: 60);

        Assert.Equal([Utc(2026, 11, 23, 8)], slots);
    }

    [Theory]
    [InlineData("https://meet.example.com/abc-defg", "https://meet.example.com/abc-defg")]
    [InlineData("  Room 4.12, Leeds office ", "Room 4.12, Leeds office")]
    [InlineData("", null)]
    public void SessionPlace_ALinkOrARoom_IsKept(string text, string? stored)
    {
        var (place, problem) = SessionPlace.Check(text);

        Assert.Null(problem);
        Assert.Equal(stored, place);
    }

    [Theory]
    [InlineData("http://meet.example.com/abc")]
    [InlineData("www.meet.example.com/abc")]
    [InlineData("https://")]
    [InlineData("ftp://files.example.com/room")]
    public void SessionPlace_ALinkThatIsNotAFullHttpsAddress_IsRefused(string text)
    {
        var (place, problem) = SessionPlace.Check(text);

        Assert.Null(place);
        Assert.StartsWith("A meeting link must be a full address starting with https://", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CalendarInvitation_WithAPlace_WritesItAsLocationEscaped()
    {
        var ics = IcsReader.Read(CalendarInvitation.Write(new CalendarEvent(
            "uid@skillbridge", 0, Utc(2026, 11, 22, 9), Utc(2026, 11, 23, 8), Utc(2026, 11, 23, 9), "Share one window", "Asked:\nHow?",
            "Priya Shah", "priya@example.com", "Sam Lee", "sam@example.com", false, "Room 4.12, Leeds; 2nd floor \\ east")));

        Assert.Equal("Room 4.12\\, Leeds\\; 2nd floor \\\\ east", ics.Only("LOCATION").Value);
        Assert.Equal("Room 4.12, Leeds; 2nd floor \\ east", IcsReader.UnescapeText(ics.Only("LOCATION").Value));
    }
}
