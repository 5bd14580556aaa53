using Microsoft.Extensions.DependencyInjection;
using SkillBridge.BrowserTests.Infrastructure;
using SkillBridge.Core.Data;

namespace SkillBridge.BrowserTests.Mentoring;

/// <summary>
/// The follow-up-session journey on a site whose database is PostgreSQL: sign-in, settings, progress through every step,
/// quizzes, rating, the mentoring request, the author's answer and the calendar invitation, through a real browser.
/// </summary>
[Collection(SiteInBrowserOnPostgreSql.Name)]
public sealed class FollowUpSessionJourneyOnPostgreSqlTests(PostgreSqlBrowserFixture fixture)
{
    [Fact]
    public async Task Learner_CompletesRatesAndAsks_AuthorAccepts_LearnerDownloadsTheInvitation_OnPostgreSql()
    {
        await using (var scope = fixture.Site.Services.CreateAsyncScope())
        {
            Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>().Database.ProviderName);
        }

        await FollowUpSessionJourneyTests.RunAsync(fixture.Site, "normal.standard", "daniel.nowak", "calendar-hygiene-and-focus-time");
    }
}
