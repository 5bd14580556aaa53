using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Data;
using SkillBridge.Core.Mentoring;
using SkillBridge.Tests.Infrastructure;

namespace SkillBridge.Tests.Mentoring;

/// <summary>With SMTP configured, each step is mailed to a real local SMTP listener; acceptance and cancellation carry the .ics.</summary>
public sealed partial class MentoringMailTests(MentoringSite site) : IClassFixture<MentoringSite>
{
    private const string AuthorEmail = "priya.shah@test.example";

    [Fact]
    public async Task Ask_WithSmtp_MailsTheAuthorTheTimesInTheirZone()
    {
        var (learnerAccount, learner) = await site.LearnerAsync("America/New_York");

        var id = await site.AskAsync(learner, "2026-12-03T09:00");

        var mail = Assert.Single(await site.MailForAsync(AuthorEmail), m => m.Body.Contains($"/mentoring/{id}", StringComparison.Ordinal));
        Assert.Equal($"{learnerAccount.UserName} asks for a follow-up session", mail.Subject);
        Assert.Contains("Thu 3 Dec 2026, 15:00 Europe/Berlin", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"https://skills.example.com/mentoring/{id}", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_WithSmtp_MailsBothPeopleTheInvitation()
    {
        var (learnerAccount, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);

        (await MentoringSite.AcceptFirstAsync(site.AuthorClient, id)).Dispose();

        var stored = await site.RequestAsync(id);
        foreach (var address in new[] { learnerAccount.Email!, AuthorEmail })
        {
            var mail = Assert.Single(await site.MailForAsync(address), m => m.Subject.StartsWith("Follow-up session booked", StringComparison.Ordinal) && IsAbout(m, stored.CalendarUid));
            var (contentType, ics) = CalendarAttachment(mail.Raw);
            Assert.Contains("text/calendar", contentType, StringComparison.Ordinal);
            Assert.Contains("method=REQUEST", contentType, StringComparison.Ordinal);
            Assert.Contains("charset=utf-8", contentType, StringComparison.OrdinalIgnoreCase);
            var lines = IcsReader.Read(ics);
            Assert.Equal("REQUEST", lines.Only("METHOD").Value);
            Assert.Equal(stored.CalendarUid, lines.Only("UID").Value);
        }
    }

    [Fact]
    public async Task Cancel_WithSmtp_MailsBothPeopleTheCancellation()
    {
        var (learnerAccount, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);
        (await MentoringSite.AcceptFirstAsync(site.AuthorClient, id)).Dispose();

        (await MentoringSite.ActAsync(site.AuthorClient, id, "Cancel")).Dispose();

        var stored = await site.RequestAsync(id);
        foreach (var address in new[] { learnerAccount.Email!, AuthorEmail })
        {
            var mail = Assert.Single(await site.MailForAsync(address), m => m.Subject.StartsWith("Session cancelled", StringComparison.Ordinal) && IsAbout(m, stored.CalendarUid));
            var (contentType, ics) = CalendarAttachment(mail.Raw);
            Assert.Contains("method=CANCEL", contentType, StringComparison.Ordinal);
            var lines = IcsReader.Read(ics);
            Assert.Equal("CANCEL", lines.Only("METHOD").Value);
            Assert.Equal(stored.CalendarUid, lines.Only("UID").Value);
            Assert.Equal("1", lines.Only("SEQUENCE").Value);
        }
    }

    [Fact]
    public async Task Decline_WithSmtp_MailsTheLearnerTheNote()
    {
        var (learnerAccount, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);

        (await MentoringSite.ActAsync(site.AuthorClient, id, "Decline", ("Note", "Away until January."))).Dispose();

        var mail = Assert.Single(await site.MailForAsync(learnerAccount.Email!));
        Assert.StartsWith("Request declined", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Away until January.", mail.Body, StringComparison.Ordinal);
        Assert.Equal(MentoringState.Declined, (await site.RequestAsync(id)).State);
    }

    internal static bool IsAbout(ReceivedMail mail, string calendarUid) =>
        CalendarPart().IsMatch(mail.Raw) && IcsReader.Read(CalendarAttachment(mail.Raw).Content).Only("UID").Value == calendarUid;

    /// <summary>The text/calendar part of a multipart message: its Content-Type header and its decoded content.</summary>
    internal static (string ContentType, string Content) CalendarAttachment(string raw)
    {
        var part = CalendarPart().Match(raw);
        Assert.True(part.Success, "The message has no text/calendar part.");
        var headers = part.Groups["headers"].Value;
        var body = part.Groups["body"].Value;
        var content = headers.Contains("base64", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", "", StringComparison.Ordinal)))
            : body;
        return (Regex.Match(headers, @"Content-Type:\s*([^\r\n]*(\r\n[ \t][^\r\n]*)*)", RegexOptions.IgnoreCase).Groups[1].Value.Replace("\r\n", "", StringComparison.Ordinal), content);
    }

    [GeneratedRegex(@"(?<headers>Content-Type:\s*text/calendar.*?)\r\n\r\n(?<body>.*?)\r\n--", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex CalendarPart();
}

/// <summary>
/// A module title with a line break or a control character (stored before titles were checked) once made accepting a
/// session fail with 500 after saving, and neither calendar invitation was sent. The session saves, both invitations
/// arrive, and the mail subjects and calendar files carry the title on one line.
/// </summary>
public sealed class MentoringMailLineBreakTests(MentoringSite site) : IClassFixture<MentoringSite>
{
    [Fact]
    public async Task Accept_ModuleTitleWithALineBreak_SavesAndMailsBothInvitations()
    {
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().ModuleRevisions
                .Where(r => r.Module.Slug == MentoringSite.Module)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.Title, "Share one window\r\nin a video call\u0007"));
        }

        var (learnerAccount, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);

        using var accepted = await MentoringSite.AcceptFirstAsync(site.AuthorClient, id);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var stored = await site.RequestAsync(id);
        Assert.Equal(MentoringState.Accepted, stored.State);
        foreach (var address in new[] { learnerAccount.Email!, "priya.shah@test.example" })
        {
            var mail = Assert.Single(await site.MailForAsync(address), m => MentoringMailTests.IsAbout(m, stored.CalendarUid));
            Assert.Equal("Follow-up session booked: Share one window  in a video call", mail.Subject.TrimEnd());
            var summary = IcsReader.Read(MentoringMailTests.CalendarAttachment(mail.Raw).Content).Only("SUMMARY").Value;
            Assert.Equal("Follow-up session: Share one window  in a video call", summary.TrimEnd());
        }

        using var download = await learner.GetAsync($"/mentoring/{id}/invitation.ics");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var served = IcsReader.Read(await download.Content.ReadAsStringAsync()).Only("SUMMARY").Value;
        Assert.DoesNotContain(served, char.IsControl);
        Assert.Contains("Share one window  in a video call", served, StringComparison.Ordinal);
    }
}

/// <summary>Without SMTP, and with an SMTP server that is down, every step still works and is notified in the app.</summary>
public sealed class MentoringWithoutMailTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AskAndAccept_WithoutWorkingMail_SucceedAndNotifyInTheApp(bool smtpDown)
    {
        var site = new MentoringSite();
        if (smtpDown)
        {
            site.Settings["SkillBridge:Smtp:Host"] = "127.0.0.1";
            site.Settings["SkillBridge:Smtp:Port"] = ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
            site.Settings["SkillBridge:Smtp:EnableSsl"] = "false";
        }

        site.WithoutMail = true;
        await site.InitializeAsync();
        try
        {
            var (learnerAccount, learner) = await site.LearnerAsync();
            var id = await site.AskAsync(learner);
            using var accepted = await MentoringSite.AcceptFirstAsync(site.AuthorClient, id);

            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
            Assert.Equal(MentoringState.Accepted, (await site.RequestAsync(id)).State);
            Assert.Single(await site.NotificationsAsync(site.AuthorAccount.Id), n => n.Link == $"/mentoring/{id}");
            Assert.Single(await site.NotificationsAsync(learnerAccount.Id), n => n.Link == $"/mentoring/{id}");
            await site.Factory.DeliverMailAsync();
            Assert.Empty(site.Mail.Messages);
        }
        finally
        {
            await site.DisposeAsync();
        }
    }

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
