using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Notifications;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Review;

namespace SkillBridge.Tests.Notifications;

/// <summary>Curators who chose the daily digest get one mail a day at 08:00 their time; the site tells them at once.</summary>
public sealed class ReviewDigestTests(WorkflowSite site) : IClassFixture<WorkflowSite>
{
    [Fact]
    public async Task Digest_CuratorChoseIt_NoMailPerSubmission_OneMailAt0800TheirTime_ThenNothingMore()
    {
        // The tests share one clock that only moves forward: each one goes to the next 08:00 in the curator's zone.
        var curator = await site.CuratorAsync(digest: true, timeZone: "Asia/Tokyo");
        var eight = NextEight("Asia/Tokyo");
        var author = await site.Factory.AuthorAsync();
        var (first, second, opened) = (await site.Factory.DraftAsync(author), await site.Factory.DraftAsync(author), await site.Factory.DraftAsync(author));
        await author.SubmitAsync(first);
        await author.SubmitAsync(second);
        await author.SubmitAsync(opened);
        await curator.Client.GetPageAsync($"/review/{opened}");

        Assert.Equal(3, (await site.Factory.NotificationsAsync(curator.UserId)).Count);
        Assert.Empty(await site.MailToAsync(curator));

        // Other tests' curators share the site, so what counts is the mail this curator received.
        site.Clock.SetUtcNow(eight.AddMinutes(-1));
        await RunDigestAsync();
        Assert.Empty(await site.MailToAsync(curator));
        site.Clock.SetUtcNow(eight);
        await RunDigestAsync();
        await RunDigestAsync();
        site.Clock.Advance(TimeSpan.FromHours(2));
        await RunDigestAsync();

        var mail = Assert.Single(await site.MailToAsync(curator));
        Assert.Equal("2 modules waiting for review", mail.Subject);
        Assert.Contains($"/review/{first}", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"/review/{second}", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain($"/review/{opened}", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_FourRunnersAtOnce_SendOneMail()
    {
        var curator = await site.CuratorAsync(digest: true, timeZone: "America/Los_Angeles");
        var author = await site.Factory.AuthorAsync();
        var slug = await site.Factory.DraftAsync(author);
        await author.SubmitAsync(slug);
        site.Clock.SetUtcNow(NextEight("America/Los_Angeles"));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RunDigestAsync()));

        var mail = Assert.Single(await site.MailToAsync(curator));
        Assert.Equal("1 module waiting for review", mail.Subject);
        Assert.Equal(0, await ReviewFlow.WithDbAsync(site.Factory, db => db.Notifications.CountAsync(n => n.UserId == curator.UserId && n.MailDigestPending)));
    }

    [Fact]
    public async Task Settings_CuratorChoosesTheDailyDigest_SubmissionsComeInTheSiteButNotOneMailEach()
    {
        var curator = await site.CuratorAsync();
        var settings = await curator.Client.GetPageAsync("/account/settings");
        Assert.NotNull(settings.QuerySelector("#review-mail input#ReviewMailDaily"));
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)settings.QuerySelector("form.account-form")!;
        (await curator.Client.SubmitAsync(form, [new("TimeZoneId", "Europe/London"), new("SharesProgressWithAuthors", "true"), new("ReminderMail", "true"), new("ReviewMailDigest", "true")])).Dispose();
        var author = await site.Factory.AuthorAsync();
        var slug = await site.Factory.DraftAsync(author);

        await author.SubmitAsync(slug);

        Assert.True(await ReviewFlow.WithDbAsync(site.Factory, db => db.Users.Where(u => u.Id == curator.UserId).Select(u => u.ReviewMailDigest).SingleAsync()));
        Assert.True((await site.Factory.NotificationsAsync(curator.UserId)).Single(n => n.Link == $"/review/{slug}").MailDigestPending);
        Assert.Empty(await site.MailToAsync(curator));
        Assert.Null((await author.Client.GetPageAsync("/account/settings")).QuerySelector("#review-mail"));
    }

    /// <summary>The next 08:00 in the zone after the site's clock, as a UTC instant.</summary>
    private DateTimeOffset NextEight(string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = TimeZoneInfo.ConvertTime(site.Clock.GetUtcNow(), zone);
        var eight = new DateTime(local.Year, local.Month, local.Day, 8, 0, 0, DateTimeKind.Unspecified);
        if (eight <= local.DateTime.AddMinutes(1))
        {
            eight = eight.AddDays(1);
        }

        return new DateTimeOffset(eight, zone.GetUtcOffset(eight)).ToUniversalTime();
    }

    private async Task<int> RunDigestAsync()
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReviewDigest>().RunDueAsync();
    }
}
