using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;
using SkillBridge.Core.Mentoring;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Mentoring;
using SkillBridge.Tests.Progress;

namespace SkillBridge.Tests.Accounts;

/// <summary>Progress and mentoring in the personal data export and in account deletion.</summary>
public sealed class ProgressAndMentoringDataTests(MentoringSite site) : IClassFixture<MentoringSite>
{
    private const string Module = MentoringSite.Module;

    [Fact]
    public async Task Export_HoldsTheLearnersProgressRatingsFlagsAndRequestsAndNothingOfAnotherLearner()
    {
        var (otherAccount, other) = await site.LearnerAsync();
        await TakeAsync(other, "Another learner's comment", "Another learner's note");
        await site.AskAsync(other);
        var (_, client) = await site.LearnerAsync();
        await TakeAsync(client, "Clear and short.", "The share button moved.");
        var requestId = await site.AskAsync(client);

        using var json = JsonDocument.Parse(await DownloadAsync(client));

        var progress = json.RootElement.GetProperty("progress");
        Assert.True(progress.GetProperty("letAuthorsSeeMyProgress").GetBoolean());
        var module = Assert.Single(progress.GetProperty("modules").EnumerateArray());
        Assert.Equal(Module, module.GetProperty("module").GetString());
        Assert.Equal(1, module.GetProperty("revision").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, module.GetProperty("completedAtUtc").ValueKind);
        Assert.Equal([1, 2, 3, 4], module.GetProperty("stepsSeen").EnumerateArray().Select(s => s.GetInt32()));
        var answer = Assert.Single(module.GetProperty("quizAnswers").EnumerateArray());
        Assert.True(answer.GetProperty("correct").GetBoolean());
        Assert.Equal(0, answer.GetProperty("retries").GetInt32());
        Assert.False(answer.GetProperty("answerShown").GetBoolean());
        var rating = Assert.Single(progress.GetProperty("ratings").EnumerateArray());
        Assert.Equal(4, rating.GetProperty("stars").GetInt32());
        Assert.Equal("Clear and short.", rating.GetProperty("comment").GetString());
        var flag = Assert.Single(progress.GetProperty("stuckFlags").EnumerateArray());
        Assert.Equal(2, flag.GetProperty("step").GetInt32());
        Assert.Equal("The share button moved.", flag.GetProperty("note").GetString());

        var request = Assert.Single(json.RootElement.GetProperty("mentoring").GetProperty("requests").EnumerateArray());
        Assert.Equal("learner", request.GetProperty("role").GetString());
        Assert.Equal(Module, request.GetProperty("module").GetString());
        Assert.Equal("Priya Shah", request.GetProperty("with").GetString());
        Assert.Equal((await site.RequestAsync(requestId)).Message, request.GetProperty("message").GetString());
        Assert.Equal("Requested", request.GetProperty("state").GetString());
        Assert.Equal(2, request.GetProperty("proposedTimes").GetArrayLength());

        var text = json.RootElement.GetRawText();
        Assert.DoesNotContain("Another learner", text, StringComparison.Ordinal);
        Assert.DoesNotContain(otherAccount.UserName!, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_AsTheAuthor_HoldsTheRequestsTheyReceivedAndTheirNotifications()
    {
        var (_, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);

        using var json = JsonDocument.Parse(await DownloadAsync(site.AuthorClient));

        var mentoring = json.RootElement.GetProperty("mentoring");
        Assert.Contains(mentoring.GetProperty("requests").EnumerateArray(), r => r.GetProperty("role").GetString() == "author" && r.GetProperty("module").GetString() == Module);
        Assert.Contains(mentoring.GetProperty("notifications").EnumerateArray(), n => n.GetProperty("link").GetString() == $"/mentoring/{id}");
    }

    [Fact]
    public async Task Export_AsTheAuthor_HoldsTheMailTheSiteSentThem()
    {
        var (learnerAccount, learner) = await site.LearnerAsync();
        await site.AskAsync(learner);
        await site.Factory.DeliverMailAsync();

        using var json = JsonDocument.Parse(await DownloadAsync(site.AuthorClient));

        Assert.Contains(json.RootElement.GetProperty("outbox").EnumerateArray(), m =>
            m.GetProperty("subject").GetString() == $"{learnerAccount.UserName} asks for a follow-up session"
            && m.GetProperty("state").GetString() == "Sent"
            && m.GetProperty("body").GetString()!.Contains("share just one window", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delete_ALearner_RemovesTheMailToThemFromTheOutbox()
    {
        var (learner, client) = await site.LearnerAsync();
        var id = await site.AskAsync(client);
        (await MentoringSite.AcceptFirstAsync(site.AuthorClient, id)).Dispose();
        Assert.NotEmpty(await OutboxRowsForAsync(learner));

        await DeleteAsync(learner.Id);

        Assert.Empty(await OutboxRowsForAsync(learner));
    }

    private async Task<List<SkillBridge.Core.Outbox.OutboxMessage>> OutboxRowsForAsync(SkillBridgeUser user)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.UserId == user.Id || m.Recipient == user.Email)
            .ToListAsync();
    }

    [Fact]
    public async Task Delete_ALearner_KeepsTheModulesCountsButTheirNameAndCommentLeaveTheFeedbackPage()
    {
        var (learner, client) = await site.LearnerAsync();
        await TakeAsync(client, "Remove me with my account.", "My stuck note goes too.");
        var before = await site.AuthorClient.GetPageAsync($"/modules/{Module}/feedback");
        Assert.Contains(learner.UserName!, before.Text("#revision-1"), StringComparison.Ordinal);

        await DeleteAsync(learner.Id);

        var after = await site.AuthorClient.GetPageAsync($"/modules/{Module}/feedback");
        Assert.Equal(before.Text("#revision-1 [data-figure=reached]"), after.Text("#revision-1 [data-figure=reached]"));
        Assert.Equal(before.Text("#revision-1 [data-figure=completions]"), after.Text("#revision-1 [data-figure=completions]"));
        Assert.Equal(before.Text("#revision-1 [data-figure=rating]"), after.Text("#revision-1 [data-figure=rating]"));
        var revision = after.Text("#revision-1");
        Assert.DoesNotContain(learner.UserName!, revision, StringComparison.Ordinal);
        Assert.DoesNotContain("Remove me with my account.", revision, StringComparison.Ordinal);
        Assert.DoesNotContain("My stuck note goes too.", revision, StringComparison.Ordinal);

        await using var scope = site.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        Assert.False(await db.ModuleRatings.AnyAsync(r => r.UserId == learner.Id));
        Assert.False(await db.ModuleRatings.AnyAsync(r => r.Comment == "Remove me with my account."));
        Assert.False(await db.StuckFlags.AnyAsync(f => f.Note == "My stuck note goes too."));
        Assert.False(await db.ModuleProgress.AnyAsync(p => p.UserId == learner.Id));
    }

    [Fact]
    public async Task Delete_TwoLearnersWhoRatedTheSameRevision_BothStayCounted()
    {
        // The rating and progress rows keep a NULL user; the unique (user, revision) indexes must let two of them live.
        var (first, firstClient) = await site.LearnerAsync();
        await TakeAsync(firstClient, "", "");
        var (second, secondClient) = await site.LearnerAsync();
        await TakeAsync(secondClient, "", "");
        var before = await CountsAsync();

        await DeleteAsync(first.Id);
        await DeleteAsync(second.Id);

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Delete_ALearnerWithAnOpenRequest_WithdrawsItAndTellsTheAuthor()
    {
        var (learner, client) = await site.LearnerAsync();
        var id = await site.AskAsync(client);

        await DeleteAsync(learner.Id);

        var request = await site.RequestAsync(id);
        Assert.Equal(MentoringState.Withdrawn, request.State);
        Assert.Null(request.LearnerId);
        Assert.Equal("", request.Message);
        var notice = Assert.Single(await site.NotificationsAsync(site.AuthorAccount.Id), n => n.Link == $"/mentoring/{id}" && n.Text.Contains("no longer on SkillBridge", StringComparison.Ordinal));
        Assert.Contains("is withdrawn", notice.Text, StringComparison.Ordinal);
        var page = await site.AuthorClient.GetPageAsync($"/mentoring/{id}");
        Assert.Equal("Withdrawn", page.Text("#mentoring-state"));
    }

    [Fact]
    public async Task Delete_ALearnerWhoAsked_TheAuthorsEarlierNotificationNoLongerNamesThem()
    {
        var (learner, client) = await site.LearnerAsync();
        var id = await site.AskAsync(client);
        var asked = Assert.Single(await site.NotificationsAsync(site.AuthorAccount.Id), n => n.Link == $"/mentoring/{id}");
        Assert.Contains(learner.UserName!, asked.Text, StringComparison.Ordinal);

        await DeleteAsync(learner.Id);

        var earlier = Assert.Single(await site.NotificationsAsync(site.AuthorAccount.Id), n => n.Id == asked.Id);
        Assert.DoesNotContain(learner.UserName!, earlier.Text, StringComparison.Ordinal);
        Assert.Contains("A former colleague", earlier.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_ALearnerWithABookedSession_CancelsItAndMailsTheAuthorTheCalendarCancellation()
    {
        var (learner, client) = await site.LearnerAsync();
        var id = await site.AskAsync(client);
        (await MentoringSite.AcceptFirstAsync(site.AuthorClient, id)).Dispose();

        await DeleteAsync(learner.Id);

        var request = await site.RequestAsync(id);
        Assert.Equal(MentoringState.Cancelled, request.State);
        Assert.Equal(MentoringParty.Learner, request.CancelledBy);
        Assert.Equal(1, request.Sequence);
        Assert.Contains(await site.NotificationsAsync(site.AuthorAccount.Id), n => n.Link == $"/mentoring/{id}" && n.Text.Contains("is cancelled", StringComparison.Ordinal));
        Assert.Single(await site.MailForAsync(site.AuthorAccount.Email!), m => m.Subject.StartsWith("Session cancelled", StringComparison.Ordinal) && m.Raw.Contains("method=CANCEL", StringComparison.OrdinalIgnoreCase) && MentoringMailTests.IsAbout(m, request.CalendarUid));
    }

    [Fact]
    public async Task Delete_AfterAHeldSession_KeepsTheSessionCountAndRemovesTheirFeedback()
    {
        var (learner, client) = await site.LearnerAsync();
        var id = await site.AskAsync(client, site.LocalInput(TimeSpan.FromHours(1)));
        (await MentoringSite.AcceptFirstAsync(site.AuthorClient, id)).Dispose();
        site.Clock.Advance(TimeSpan.FromHours(2));
        (await MentoringSite.ActAsync(site.AuthorClient, id, "Held")).Dispose();
        (await MentoringSite.ActAsync(client, id, "Feedback", ("Feedback", "Thank you, very useful."))).Dispose();
        var heldBefore = await HeldCountAsync();

        await DeleteAsync(learner.Id);

        var request = await site.RequestAsync(id);
        Assert.Equal(MentoringState.Held, request.State);
        Assert.Empty(request.Feedback);
        Assert.Equal(heldBefore, await HeldCountAsync());
    }

    /// <summary>Completes the module (its quiz answered right), rates it 4 with the comment, and flags step 2 with the note.</summary>
    private static async Task TakeAsync(HttpClient client, string comment, string note)
    {
        await client.CompleteAsync(Module);
        var finish = await client.GetPageAsync($"/modules/{Module}/finish");
        using (var rated = await client.SubmitAsync((IHtmlFormElement)finish.QuerySelector("#rating form")!, [new("stars", "4"), new("comment", comment)]))
        {
            Assert.True(rated.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK);
        }

        var step = await client.GetPageAsync($"/modules/{Module}/steps/2");
        using var flagged = await client.SubmitAsync((IHtmlFormElement)step.QuerySelector("#stuck form")!, [new("note", note)]);
        Assert.Equal(HttpStatusCode.Redirect, flagged.StatusCode);
    }

    private static async Task<string> DownloadAsync(HttpClient client)
    {
        var page = await client.GetPageAsync("/account/data");
        using var response = await client.SubmitAsync((IHtmlFormElement)page.QuerySelector("main form.account-form")!, []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task DeleteAsync(string userId)
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountDeletion>().DeleteForAsync(userId, "test.admin");
        Assert.True(result.Succeeded);
    }

    private async Task<(int Progress, int Completions, int Ratings, double Stars, int Flags)> CountsAsync()
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
        return (
            await db.ModuleProgress.CountAsync(),
            await db.ModuleProgress.CountAsync(p => p.CompletedAt != null),
            await db.ModuleRatings.CountAsync(),
            await db.ModuleRatings.SumAsync(r => (double)r.Stars),
            await db.StuckFlags.CountAsync());
    }

    private async Task<int> HeldCountAsync()
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<MentoringService>().SessionsAsync(MentoringSite.Author, null, viewerIsAdmin: false)).Given.Count;
    }
}
