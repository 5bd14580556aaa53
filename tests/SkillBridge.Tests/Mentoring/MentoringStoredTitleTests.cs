using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.Core.Data;
using SkillBridge.Core.Mentoring;

namespace SkillBridge.Tests.Mentoring;

/// <summary>
/// A module title stored with a line break and a control character (as forms and import let in before) still books
/// a session: the mail subjects and the calendar file carry it on one line (before, the accept returned 500 after saving).
/// </summary>
public sealed class MentoringStoredTitleTests(MentoringSite site) : IClassFixture<MentoringSite>
{
    [Fact]
    public async Task Accept_ModuleTitleWithALineBreak_BooksTheSessionAndMailsAndServesItOnOneLine()
    {
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().ModuleRevisions
                .Where(r => r.Module.Slug == MentoringSite.Module)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Title, "Share one window\r\nin a call\u0007"));
        }

        var (learnerAccount, learner) = await site.LearnerAsync();
        var id = await site.AskAsync(learner);

        using var accepted = await MentoringSite.AcceptFirstAsync(site.AuthorClient, id);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(MentoringState.Accepted, (await site.RequestAsync(id)).State);
        var booked = (await site.MailForAsync(learnerAccount.Email!)).Single(m => m.Subject.StartsWith("Follow-up session booked", StringComparison.Ordinal));
        Assert.Equal("Follow-up session booked: Share one window  in a call", booked.Subject.TrimEnd());
        using var download = await learner.GetAsync($"/mentoring/{id}/invitation.ics");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var summary = IcsReader.Read(await download.Content.ReadAsStringAsync()).Only("SUMMARY").Value;
        Assert.DoesNotContain(summary, char.IsControl);
        Assert.Contains("Share one window  in a call", summary, StringComparison.Ordinal);
    }
}
