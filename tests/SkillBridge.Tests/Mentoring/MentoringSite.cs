using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;
using SkillBridge.Core.Mentoring;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Mentoring;

/// <summary>
/// The starter site on a manual clock, with mail going to a local SMTP sink. Priya Shah (author of
/// share-your-screen) has an account in Europe/Berlin; learners are created per test, in America/New_York by default.
/// </summary>
public sealed class MentoringSite : IAsyncLifetime
{
    public const string Module = "share-your-screen";
    public const string Author = "priya.shah";

    public SmtpServer Mail { get; } = new();

    public TestSite.ManualClock Clock { get; } = new(TestSite.Now);

    public SkillBridgeWebFactory Factory { get; private set; } = null!;

    public SkillBridgeUser AuthorAccount { get; private set; } = null!;

    public HttpClient AuthorClient { get; private set; } = null!;

    /// <summary>Start the site without pointing mail at the sink (SMTP unset, or set by the test in <see cref="Settings"/>).</summary>
    public bool WithoutMail { get; set; }

    public Dictionary<string, string?> Settings { get; } = [];

    public async Task InitializeAsync()
    {
        Factory = new SkillBridgeWebFactory { Clock = Clock };
        if (!WithoutMail)
        {
            Factory.UseSmtp(Mail);
        }

        Factory.Settings["SkillBridge:Smtp:From"] = "skills@example.com";
        Factory.Settings["SkillBridge:SiteUrl"] = SkillBridgeWebFactory.TestSiteUrl;
        foreach (var (key, value) in Settings)
        {
            Factory.Settings[key] = value;
        }

        (AuthorAccount, AuthorClient) = await AccountAsync(Author, "Europe/Berlin");
    }

    public async Task DisposeAsync()
    {
        AuthorClient.Dispose();
        await Factory.DisposeAsync();
        Mail.Dispose();
    }

    /// <summary>A new account in the given time zone, signed in (the zone goes into the cookie at sign-in).</summary>
    public async Task<(SkillBridgeUser User, HttpClient Client)> AccountAsync(string username, string timeZone = "America/New_York", params string[] roles)
    {
        var user = await Factory.CreateAccountAsync(username, roles);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SkillBridgeUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            stored.TimeZoneId = timeZone;
            await users.UpdateAsync(stored);
        }

        var client = Factory.CreateBrowser();
        await client.SignInAsync(username);
        return (user, client);
    }

    public Task<(SkillBridgeUser User, HttpClient Client)> LearnerAsync(string timeZone = "America/New_York") =>
        AccountAsync(Infrastructure.Accounts.UniqueName("learner"), timeZone);

    /// <summary>
    /// A wall-clock time <paramref name="ahead"/> from now in <paramref name="timeZone"/>, written yyyy-MM-ddTHH:mm; the
    /// form helpers below split it into the date field and the HH:mm time field.
    /// </summary>
    public string LocalInput(TimeSpan ahead, string timeZone = "America/New_York")
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(Clock.GetUtcNow().UtcDateTime + ahead, zone);
        return local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>Submits the ask form; returns the response (a redirect to the new request on success).</summary>
    public static async Task<HttpResponseMessage> SubmitAskAsync(HttpClient learner, string message, int minutes, params string[] times)
    {
        var page = await learner.GetPageAsync($"/modules/{Module}/ask/{Author}");
        var form = (IHtmlFormElement)page.QuerySelector("form.mentoring-form")!;
        var fields = new List<KeyValuePair<string, string>> { new("Message", message), new("DurationMinutes", minutes.ToString(CultureInfo.InvariantCulture)) };
        string[] names = ["Times.First", "Times.Second", "Times.Third"];
        for (var i = 0; i < times.Length; i++)
        {
            fields.AddRange(TimeFields(names[i], times[i]));
        }

        return await learner.SubmitAsync(form, fields);
    }

    /// <summary>
    /// One proposed time as the form's two fields: "Times.First" with "2026-12-01T14:30" becomes Times.FirstDate
    /// 2026-12-01 and Times.FirstTime 14:30. Any other field, or a value without the T, goes as it is.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> TimeFields(string name, string value)
    {
        if (name is "Times.First" or "Times.Second" or "Times.Third" && value.Length == 16 && value[10] == 'T')
        {
            return [new(name + "Date", value[..10]), new(name + "Time", value[11..])];
        }

        return [new(name, value)];
    }

    /// <summary>Asks Priya for a session through the form; returns the new request's id.</summary>
    public async Task<int> AskAsync(HttpClient learner, params string[] times)
    {
        using var response = await SubmitAskAsync(learner, "How do I share just one window when presenting to the board?", 45,
            times.Length > 0 ? times : [LocalInput(TimeSpan.FromDays(3)), LocalInput(TimeSpan.FromDays(4))]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    /// <summary>Submits the form for one action on the request page, as the page shows it to this person.</summary>
    public static async Task<HttpResponseMessage> ActAsync(HttpClient client, int id, string handler, params (string Name, string Value)[] fields)
    {
        var page = await client.GetPageAsync($"/mentoring/{id}");
        var form = page.QuerySelectorAll<IHtmlFormElement>("form").FirstOrDefault(f => f.GetAttribute("action")!.EndsWith("handler=" + handler, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"The page offers no {handler} form.");
        var given = fields.SelectMany(f => TimeFields(f.Name, f.Value)).ToList();

        // As a browser would: the radio buttons checked on the page go too, unless the test gives that field itself.
        var checkedRadios = form.QuerySelectorAll<IHtmlInputElement>("input[type=radio]")
            .Where(r => r.IsChecked && given.All(g => g.Key != r.Name))
            .Select(r => KeyValuePair.Create(r.Name!, r.Value));
        return await client.SubmitAsync(form, given.Concat(checkedRadios));
    }

    /// <summary>Accepts the first time on offer (the one the accept form has chosen) with the Accept button the page shows.</summary>
    public static async Task<HttpResponseMessage> AcceptFirstAsync(HttpClient client, int id, string? place = null) =>
        place is null ? await ActAsync(client, id, "Accept") : await ActAsync(client, id, "Accept", ("Place", place));

    /// <summary>Posts an action directly, with a valid antiforgery token, as someone whose page does not offer it.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, int id, string handler, params (string Name, string Value)[] fields)
    {
        var page = await client.GetPageAsync("/mentoring");
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync($"/mentoring/{id}?handler={handler}", content);
    }

    public async Task<MentoringRequest> RequestAsync(int id)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().MentoringRequests.AsNoTracking()
            .Include(r => r.ProposedTimes).Include(r => r.Feedback).AsSplitQuery().SingleAsync(r => r.Id == id);
    }

    public async Task<List<SkillBridge.Core.Notifications.Notification>> NotificationsAsync(string userId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().Notifications.AsNoTracking()
            .Where(n => n.UserId == userId).OrderBy(n => n.Id).ToListAsync();
    }

    /// <summary>Sends the outbox's due mail, then returns what the SMTP server received for the address.</summary>
    public async Task<List<ReceivedMail>> MailForAsync(string address)
    {
        await Factory.DeliverMailAsync();
        return Mail.Messages.Where(m => m.To.Contains(address)).ToList();
    }
}
