using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkillBridge.BrowserTests.Authoring;
using SkillBridge.BrowserTests.Infrastructure;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Data;
using SkillBridge.Core.Mentoring;
using SkillBridge.Core.Mentoring.Availability;
using SkillBridge.Core.Publishing;

namespace SkillBridge.BrowserTests.Mentoring;

/// <summary>How far a mentoring request has gone; each stage shows the request page with different forms.</summary>
public enum MentoringStage
{
    /// <summary>The learner asked; the author has Accept, Propose and Decline.</summary>
    Requested,

    /// <summary>The author proposed another time; the learner has Accept, Propose and Withdraw.</summary>
    AlternativesProposed,

    /// <summary>A time in the future was accepted: the invitation and Cancel.</summary>
    Accepted,

    /// <summary>An accepted session whose start has passed: Mark held and Cancel.</summary>
    Started,

    /// <summary>Held, the learner gave feedback: the feedback and, for the author, the feedback form.</summary>
    Held,
}

/// <summary>A published module by a new author, a new learner, and a request between them arranged through the site's own services.</summary>
public sealed record ArrangedRequest(string Slug, string Author, string Learner, int Id)
{
    public string Url => $"/mentoring/{Id}";
}

public static class MentoringRequests
{
    /// <summary>A new module in the Tools category by <paramref name="author"/>, submitted and published; returns its slug. Archive it afterwards.</summary>
    public static async Task<string> PublishedModuleAsync(BrowserFixture site, string author)
    {
        var slug = await Drafts.CreateSubmittedAsync(site, author, "Mentored " + Guid.NewGuid().ToString("N")[..6]);
        await using var scope = site.Services.CreateAsyncScope();
        var published = await scope.ServiceProvider.GetRequiredService<PublishingWorkflow>().PublishAsync(slug, new Actor("browser-tests", IsAuthor: false, IsCurator: true));
        Assert.True(published.Succeeded, published.Message);
        return slug;
    }

    /// <summary>New accounts for both people, a published module, and a request taken to <paramref name="stage"/>. Archive the module afterwards.</summary>
    public static async Task<ArrangedRequest> ArrangeAsync(BrowserFixture site, MentoringStage stage)
    {
        var author = await site.CreateAccountAsync(BrowserFixture.UniqueName("mentor"), Roles.Author);
        var learner = await site.CreateAccountAsync(BrowserFixture.UniqueName("learner"));
        var slug = await PublishedModuleAsync(site, author);

        await using var scope = site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<SkillBridgeDbContext>();
        var mentoring = services.GetRequiredService<MentoringService>();
        var learnerActor = await ActorAsync(site, db, learner);
        var authorActor = await ActorAsync(site, db, author);

        // Every day 08:00-20:00, so the ask form shows free times.
        var availability = services.GetRequiredService<AvailabilityService>();
        var saved = await availability.SaveAsync(authorActor.UserId, [.. AvailabilityRules.Week.Select(d => new RangeInput(d, "08:00", "20:00"))], []);
        Assert.Equal(AvailabilityStatus.Saved, saved.Status);
        var now = DateTime.UtcNow;
        var soon = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);

        var asked = await mentoring.RequestAsync(
            new NewMentoringRequest(slug, author, "I set up the report, but the chart shows last month. How do I choose the period?", 45, [soon.AddDays(3), soon.AddDays(4).AddHours(2)]),
            learnerActor);
        var id = Ok(asked).Id;
        if (stage == MentoringStage.AlternativesProposed)
        {
            Ok(await mentoring.ProposeAsync(id, [soon.AddDays(5)], authorActor));
        }

        if (stage >= MentoringStage.Accepted)
        {
            var first = await db.ProposedTimes.Where(t => t.RequestId == id).OrderBy(t => t.StartsAt).Select(t => t.Id).FirstAsync();
            Ok(await mentoring.AcceptAsync(id, first, authorActor, "https://meet.example.com/chart-periods"));
        }

        if (stage >= MentoringStage.Started)
        {
            // The site runs on the real clock: move the booked session into the past, as if its time had come.
            var start = soon.AddHours(-2);
            await db.MentoringRequests.Where(r => r.Id == id).ExecuteUpdateAsync(set => set.SetProperty(r => r.StartsAt, start).SetProperty(r => r.EndsAt, start.AddMinutes(45)));
            db.ChangeTracker.Clear();
        }

        if (stage == MentoringStage.Held)
        {
            Ok(await mentoring.MarkHeldAsync(id, learnerActor));
            Ok(await mentoring.GiveFeedbackAsync(id, "Thank you: the period picker was hidden under the chart's menu, and now I use it every week.", learnerActor));
        }

        return new ArrangedRequest(slug, author, learner, id);
    }

    private static async Task<MentoringActor> ActorAsync(BrowserFixture site, SkillBridgeDbContext db, string username)
    {
        var id = await db.Users.Where(u => u.UserName == username).Select(u => u.Id).SingleAsync();
        return new MentoringActor(id, IsAdmin: false, site.BaseAddress.ToString().TrimEnd('/'));
    }

    private static T Ok<T>(MentoringResult<T> result)
    {
        Assert.True(result.Succeeded, result.Message);
        return result.Value ?? throw new InvalidOperationException("A successful result without a value.");
    }
}
