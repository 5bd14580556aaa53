using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Data;
using SkillBridge.Core.Mentoring;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Mentoring;

/// <summary>
/// Weekly availability, the free times the ask form offers, a session's place and the author's upcoming sessions,
/// through the pages. Each test has a site of its own: availability and bookings would otherwise leak between tests.
/// The clock stands at Sunday 22 November 2026, 09:30 UTC; Priya is in Europe/Berlin (UTC+1), learners in New York (UTC-5).
/// </summary>
public sealed class AvailabilityPageTests : IAsyncLifetime
{
    private const string AskUrl = $"/modules/{MentoringSite.Module}/ask/{MentoringSite.Author}";

    private readonly MentoringSite site = new();

    public Task InitializeAsync() => site.InitializeAsync();

    public Task DisposeAsync() => site.DisposeAsync();

    /// <summary>Monday 09:00-10:00 in Berlin: 08:00 and 08:30 UTC on 23 and 30 November.</summary>
    private Task<HttpResponseMessage> MondayMorningsAsync(params (string Name, string Value)[] more) =>
        SaveAsync([("Days[0].Ranges[0].From", "09:00"), ("Days[0].Ranges[0].To", "10:00"), .. more]);

    private async Task<HttpResponseMessage> SaveAsync(params (string Name, string Value)[] fields)
    {
        var page = await site.AuthorClient.GetPageAsync("/mentoring/availability");
        var form = page.QuerySelector<IHtmlFormElement>("form.availability-form")!;

        // As a browser would: every range field the page shows goes with the form, with the test's values over it.
        var shown = form.QuerySelectorAll<IHtmlInputElement>("input[type=text]")
            .Where(i => fields.All(f => f.Name != i.Name))
            .Select(i => KeyValuePair.Create(i.Name!, i.Value));
        return await site.AuthorClient.SubmitAsync(form, shown.Concat(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));
    }

    private static List<string> OfferedSlots(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll<IHtmlInputElement>("input[name=Slot]").Select(i => i.Value).Where(v => v.Length > 0)];

    private static async Task<HttpResponseMessage> AskForSlotAsync(HttpClient learner, string slot, int minutes = 30, AngleSharp.Html.Dom.IHtmlDocument? openPage = null)
    {
        var page = openPage ?? await learner.GetPageAsync(AskUrl);
        var form = page.QuerySelector<IHtmlFormElement>("form.mentoring-form")!;
        return await learner.SubmitAsync(form, [new("Message", "Could we look at my slides?"), new("DurationMinutes", minutes.ToString(CultureInfo.InvariantCulture)), new("Slot", slot)]);
    }

    private async Task<int> CountRequestsAsync(string learnerId)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().MentoringRequests.CountAsync(r => r.LearnerId == learnerId);
    }

    [Fact]
    public async Task SaveAvailability_Valid_StoresTheRangesAndShowsThemAgain()
    {
        using var saved = await SaveAsync(
            ("Days[0].Ranges[0].From", "9:00"), ("Days[0].Ranges[0].To", "12:00"),
            ("Days[0].Ranges[1].From", "14:00"), ("Days[0].Ranges[1].To", "17:30"),
            ("Days[4].Ranges[0].From", "08:00"), ("Days[4].Ranges[0].To", "24:00"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var rows = await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().AvailabilityRanges
                .Where(r => r.UserId == site.AuthorAccount.Id).OrderBy(r => r.Day).ThenBy(r => r.StartMinute)
                .Select(r => new { r.Day, r.StartMinute, r.EndMinute }).ToListAsync();
            Assert.Equal(
                [new { Day = DayOfWeek.Monday, StartMinute = 540, EndMinute = 720 }, new { Day = DayOfWeek.Monday, StartMinute = 840, EndMinute = 1050 }, new { Day = DayOfWeek.Friday, StartMinute = 480, EndMinute = 1440 }],
                rows);
        }

        var page = await site.AuthorClient.GetPageAsync("/mentoring/availability");
        Assert.Equal("09:00", page.QuerySelector<IHtmlInputElement>("#day0-range0-from")!.Value);
        Assert.Equal("17:30", page.QuerySelector<IHtmlInputElement>("#day0-range1-to")!.Value);
        Assert.Equal("", page.QuerySelector<IHtmlInputElement>("#day0-range2-from")!.Value);
        Assert.Equal("24:00", page.QuerySelector<IHtmlInputElement>("#day4-range0-to")!.Value);
        Assert.Contains("Europe/Berlin", page.Text("#week-hint"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAvailability_EndBeforeStartOverlapOrNotHHmm_ShowsEachMessageByItsRangeAndStoresNothing()
    {
        (await MondayMorningsAsync()).Dispose();

        using var response = await SaveAsync(
            ("Days[0].Ranges[0].From", "09:00"), ("Days[0].Ranges[0].To", "12:00"),
            ("Days[0].Ranges[1].From", "11:00"), ("Days[0].Ranges[1].To", "13:00"),
            ("Days[1].Ranges[0].From", "15:00"), ("Days[1].Ranges[0].To", "14:00"),
            ("Days[2].Ranges[0].From", "2pm"), ("Days[2].Ranges[0].To", "16:00"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("Nothing was saved.", page.Text("#availability-error"), StringComparison.Ordinal);
        Assert.Equal("This overlaps 09:00–12:00 on the same day. Join them into one range or change one.", page.Text("#day0-range1-error"));
        Assert.Equal("The end must be after the start (15:00).", page.Text("#day1-range0-error"));
        Assert.Equal("The start “2pm” is not a time. Use 24-hour HH:mm, for example 09:00.", page.Text("#day2-range0-error"));
        Assert.Equal("true", page.QuerySelector("#day1-range0-to")!.GetAttribute("aria-invalid"));
        Assert.Equal("2pm", page.QuerySelector<IHtmlInputElement>("#day2-range0-from")!.Value);
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().AvailabilityRanges.Where(r => r.UserId == site.AuthorAccount.Id).ToListAsync();
        var only = Assert.Single(stored);
        Assert.Equal((DayOfWeek.Monday, 540, 600), (only.Day, only.StartMinute, only.EndMinute));
    }

    [Fact]
    public async Task AskPage_AuthorWithAvailability_OffersTheFreeTimesInTheLearnersZoneByDay()
    {
        (await MondayMorningsAsync()).Dispose();
        var (_, learner) = await site.LearnerAsync();

        var page = await learner.GetPageAsync(AskUrl);

        Assert.Equal(["2026-11-23T08:00Z", "2026-11-23T08:30Z", "2026-11-30T08:00Z", "2026-11-30T08:30Z"], OfferedSlots(page));
        Assert.Equal(["Monday 23 November", "Monday 30 November"], page.QuerySelectorAll("#free-slots fieldset.slot-day > legend").Select(l => l.TextContent.Trim()));
        Assert.Equal(["03:00", "03:30"], page.QuerySelectorAll("#free-slots fieldset.slot-day")[0].QuerySelectorAll("label").Select(l => l.TextContent.Trim()));
        Assert.Contains("America/New_York", page.Text("#slots-hint"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#slot-none[checked]"));
    }

    [Fact]
    public async Task AskPage_AuthorWithoutAvailability_OffersOnlyTheirOwnTimes()
    {
        var (_, learner) = await site.LearnerAsync();

        var page = await learner.GetPageAsync(AskUrl);

        Assert.Null(page.QuerySelector("#free-slots"));
        Assert.NotNull(page.QuerySelector("#Times_FirstDate[type=date][required]"));
        Assert.NotNull(page.QuerySelector("#Times_FirstTime[type=text][required]"));
    }

    [Fact]
    public async Task AskPage_WeekTheAuthorSkips_OffersNothingThatWeek()
    {
        var settings = await site.AuthorClient.GetPageAsync("/mentoring/availability");
        Assert.Equal("Not this week (from Monday 16 November)", settings.QuerySelector("#skip-2026-11-16")!.ParentElement!.TextContent.Trim());
        Assert.Equal("The week from Monday 23 November", settings.QuerySelector("#skip-2026-11-23")!.ParentElement!.TextContent.Trim());

        using var saved = await MondayMorningsAsync(("SkipWeeks", "2026-11-23"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, learner) = await site.LearnerAsync();

        Assert.Equal(["2026-11-30T08:00Z", "2026-11-30T08:30Z"], OfferedSlots(await learner.GetPageAsync(AskUrl)));
        Assert.NotNull((await site.AuthorClient.GetPageAsync("/mentoring/availability")).QuerySelector("#skip-2026-11-23[checked]"));
    }

    [Fact]
    public async Task Ask_PickingAFreeTime_ProposesThatTime_WhichIsNoLongerOfferedToOthers()
    {
        (await MondayMorningsAsync()).Dispose();
        var (learnerAccount, learner) = await site.LearnerAsync();

        using var response = await AskForSlotAsync(learner, "2026-11-23T08:00Z");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var stored = await site.RequestAsync(id);
        Assert.Equal(learnerAccount.Id, stored.LearnerId);
        Assert.Equal(new DateTime(2026, 11, 23, 8, 0, 0), Assert.Single(stored.ProposedTimes).StartsAt);
        var (_, other) = await site.LearnerAsync();
        Assert.Equal(["2026-11-23T08:30Z", "2026-11-30T08:00Z", "2026-11-30T08:30Z"], OfferedSlots(await other.GetPageAsync(AskUrl)));
    }

    [Fact]
    public async Task Ask_FreeTimeTakenSinceTheFormWasShown_SaysSoAndStoresNothing()
    {
        (await MondayMorningsAsync()).Dispose();
        var (slowAccount, slow) = await site.LearnerAsync();
        var (_, quick) = await site.LearnerAsync();
        var openForm = await slow.GetPageAsync(AskUrl);
        (await AskForSlotAsync(quick, "2026-11-23T08:00Z")).Dispose();

        using var response = await AskForSlotAsync(slow, "2026-11-23T08:00Z", openPage: openForm);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("That time has just been taken, or Priya is no longer free then. Nothing was sent", page.Text("#slot-error"), StringComparison.Ordinal);
        Assert.Equal("Could we look at my slides?", page.QuerySelector("#Message")!.TextContent);
        Assert.DoesNotContain("2026-11-23T08:00Z", OfferedSlots(page));
        Assert.Equal(0, await CountRequestsAsync(slowAccount.Id));
    }

    [Fact]
    public async Task Ask_AnHourFromTheLastHalfHourOfARange_SaysTheAuthorIsFreeForLess()
    {
        (await MondayMorningsAsync()).Dispose();
        var (learnerAccount, learner) = await site.LearnerAsync();

        using var response = await AskForSlotAsync(learner, "2026-11-23T08:30Z", minutes: 60);

        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("Priya is free for less than 60 minutes from that time.", page.Text("#slot-error"), StringComparison.Ordinal);
        Assert.Equal(0, await CountRequestsAsync(learnerAccount.Id));
    }

    [Fact]
    public async Task AskPage_SessionBookedWithTheAuthor_IsLeftOutOfTheFreeTimes()
    {
        (await MondayMorningsAsync()).Dispose();
        var (_, first) = await site.LearnerAsync();
        var id = await site.AskAsync(first, "2026-11-23T03:00");
        (await MentoringSite.AcceptFirstAsync(site.AuthorClient, id)).Dispose();
        Assert.Equal(MentoringState.Accepted, (await site.RequestAsync(id)).State);
        var (_, second) = await site.LearnerAsync();

        // The 45-minute session 08:00-08:45 UTC takes both Monday 23 times.
        Assert.Equal(["2026-11-30T08:00Z", "2026-11-30T08:30Z"], OfferedSlots(await second.GetPageAsync(AskUrl)));
    }

    [Theory]
    [InlineData("2026-12-01", "2:30 PM", "The time of the first choice, “2:30 PM”, is not a time. Type it as HH:mm in 24 hours, for example 14:30.")]
    [InlineData("2026-12-01", "25:00", "The time of the first choice, “25:00”, is not a time. Type it as HH:mm in 24 hours, for example 14:30.")]
    [InlineData("2026-12-01", "", "Enter the time of the first choice as HH:mm in 24 hours, for example 14:30.")]
    [InlineData("12/31/2026", "14:30", "The date of the first choice, “12/31/2026”, is not a date. Use the date picker, or type it as 01/12/2026.")]
    [InlineData("", "14:30", "Enter the date of the first choice.")]
    public async Task Ask_UnreadableDateOrTime_SaysWhatToTypeAndStoresNothing(string date, string time, string message)
    {
        var (learnerAccount, learner) = await site.LearnerAsync();
        var form = (await learner.GetPageAsync(AskUrl)).QuerySelector<IHtmlFormElement>("form.mentoring-form")!;

        using var response = await learner.SubmitAsync(form, [new("Message", "Hello"), new("DurationMinutes", "30"), new("Times.FirstDate", date), new("Times.FirstTime", time)]);

        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, page.Text("#times-error"));
        Assert.Equal(0, await CountRequestsAsync(learnerAccount.Id));
    }

    [Theory]
    [InlineData("2026-12-01", "14:30")]
    [InlineData("01/12/2026", "14:30")]
    public async Task Ask_DateFieldOrBritishDateAnd24HourTime_ProposesThatTimeInTheLearnersZone(string date, string time)
    {
        var (_, learner) = await site.LearnerAsync();
        var form = (await learner.GetPageAsync(AskUrl)).QuerySelector<IHtmlFormElement>("form.mentoring-form")!;

        using var response = await learner.SubmitAsync(form, [new("Message", "Hello"), new("DurationMinutes", "30"), new("Times.FirstDate", date), new("Times.FirstTime", time)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        Assert.Equal(new DateTime(2026, 12, 1, 19, 30, 0), Assert.Single((await site.RequestAsync(id)).ProposedTimes).StartsAt);
    }

    [Fact]
    public async Task Accept_WithARoom_ShowsItOnTheRequestPageAndInTheInvitationsLocation()
    {
        var (_, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);

        using var accepted = await MentoringSite.AcceptFirstAsync(site.AuthorClient, id, " Room 4.12, Leeds; 2nd floor ");

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("Room 4.12, Leeds; 2nd floor", (await site.RequestAsync(id)).Place);
        Assert.Equal("Room 4.12, Leeds; 2nd floor", (await learner.GetPageAsync($"/mentoring/{id}")).Text("#session-place"));
        using var download = await learner.GetAsync($"/mentoring/{id}/invitation.ics");
        var ics = IcsReader.Read(await download.Content.ReadAsStringAsync());
        Assert.Equal("Room 4.12\\, Leeds\\; 2nd floor", ics.Only("LOCATION").Value);
        Assert.DoesNotContain("Meeting link", IcsReader.UnescapeText(ics.Only("DESCRIPTION").Value), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_WithAMeetingLink_LinksItOnThePageAndPutsItInLocationAndDescription()
    {
        var (_, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);

        (await MentoringSite.AcceptFirstAsync(site.AuthorClient, id, "https://meet.example.com/abc-defg?pwd=1,2")).Dispose();

        var link = (await learner.GetPageAsync($"/mentoring/{id}")).QuerySelector<IHtmlAnchorElement>("#session-place a")!;
        Assert.Equal("https://meet.example.com/abc-defg?pwd=1,2", link.GetAttribute("href"));
        using var download = await learner.GetAsync($"/mentoring/{id}/invitation.ics");
        var ics = IcsReader.Read(await download.Content.ReadAsStringAsync());
        Assert.Equal("https://meet.example.com/abc-defg?pwd=1,2", IcsReader.UnescapeText(ics.Only("LOCATION").Value));
        Assert.StartsWith("Meeting link: https://meet.example.com/abc-defg?pwd=1,2\n\n", IcsReader.UnescapeText(ics.Only("DESCRIPTION").Value), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_WithALinkThatIsNotHttps_IsRefusedByTheFieldAndChangesNothing()
    {
        var (_, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);

        using var response = await MentoringSite.AcceptFirstAsync(site.AuthorClient, id, "http://meet.example.com/abc");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("A meeting link must be a full address starting with https://", page.Text("#accept-error"), StringComparison.Ordinal);
        Assert.Equal("http://meet.example.com/abc", page.QuerySelector<IHtmlInputElement>("#accept-place")!.Value);
        var stored = await site.RequestAsync(id);
        Assert.Equal(MentoringState.Requested, stored.State);
        Assert.Null(stored.Place);
    }

    [Fact]
    public async Task SetPlace_AfterAcceptance_SendsAnUpdatedInvitation_OnlyTheAuthorIsOfferedIt()
    {
        var (_, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);
        (await MentoringSite.AcceptFirstAsync(site.AuthorClient, id)).Dispose();
        Assert.Null((await learner.GetPageAsync($"/mentoring/{id}")).QuerySelector("form[action$='handler=Place']"));

        using var response = await MentoringSite.ActAsync(site.AuthorClient, id, "Place", ("Place", "Room 2"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await site.RequestAsync(id);
        Assert.Equal(("Room 2", 1), (stored.Place, stored.Sequence));
        using var download = await learner.GetAsync($"/mentoring/{id}/invitation.ics");
        var ics = IcsReader.Read(await download.Content.ReadAsStringAsync());
        Assert.Equal(("Room 2", "1"), (ics.Only("LOCATION").Value, ics.Only("SEQUENCE").Value));
        var notification = (await site.NotificationsAsync(stored.LearnerId!)).Last();
        Assert.Contains("set the place to Room 2", notification.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ListsUpcomingSessionsInTheAuthorsZoneWithLearnerPlaceAndLink()
    {
        var (_, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner, "2026-11-23T03:00");
        (await MentoringSite.AcceptFirstAsync(site.AuthorClient, id, "Room 4.12")).Dispose();
        var (_, other) = await site.LearnerAsync();
        var open = await site.AskAsync(other, "2026-11-24T03:00");
        var learnerName = (await site.AuthorClient.GetPageAsync($"/mentoring/{id}")).Text("h1").Replace("Request from ", "", StringComparison.Ordinal);

        var page = await site.AuthorClient.GetPageAsync("/authoring");

        var items = page.QuerySelectorAll("#upcoming-sessions li");
        var item = Assert.Single(items);
        Assert.Equal($"/mentoring/{id}", item.QuerySelector("a")!.GetAttribute("href"));
        var text = string.Join(' ', item.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"Mon 23 Nov 2026, 09:00–09:45 with {learnerName}, on “Share one window in a video call”. Room: Room 4.12", text, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", page.Text("#upcoming-sessions p"), StringComparison.Ordinal);
        Assert.NotEqual(open, id);
    }

    [Fact]
    public async Task Culture_SetToGerman_NamesTheDaysInGermanAndReadsGermanShortDates()
    {
        var german = new MentoringSite();
        german.Settings["SkillBridge:Culture"] = "de-DE";
        await german.InitializeAsync();
        try
        {
            var settings = await german.AuthorClient.GetPageAsync("/mentoring/availability");
            var form = settings.QuerySelector<IHtmlFormElement>("form.availability-form")!;
            (await german.AuthorClient.SubmitAsync(form, [new("Days[0].Ranges[0].From", "09:00"), new("Days[0].Ranges[0].To", "10:00")])).Dispose();
            var (_, learner) = await german.LearnerAsync();

            var page = await learner.GetPageAsync(AskUrl);

            Assert.Equal("Montag 23. November", page.QuerySelectorAll("#free-slots fieldset.slot-day > legend")[0].TextContent.Trim());
            Assert.Equal("Montag", settings.Text("#day-0 > legend"));
            var askForm = page.QuerySelector<IHtmlFormElement>("form.mentoring-form")!;
            using var response = await learner.SubmitAsync(askForm, [new("Message", "Hallo"), new("DurationMinutes", "30"), new("Slot", ""), new("Times.FirstDate", "01.12.2026"), new("Times.FirstTime", "14:30")]);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        finally
        {
            await german.DisposeAsync();
        }
    }
}
