using SkillBridge.Core.Mentoring;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Progress;

namespace SkillBridge.Core.Authoring;

/// <summary>One of the author's modules with what its learners did and the mentoring it led to.</summary>
/// <param name="HasBeenPublished">False for a module that never reached learners (its figures are all zero).</param>
public sealed record DashboardModule(AuthoredModule Module, bool HasBeenPublished, ModuleFeedbackSummary Figures, AuthorMentoringCounts Mentoring);

/// <summary>The figures over all the author's modules. A learner who took two of them counts in both.</summary>
public sealed record DashboardTotals(int LearnersReached, int Completions, double? AverageRating, int RatingCount, int StuckFlags, int OpenRequests, int SessionsHeld);

/// <param name="UpcomingSessions">Booked sessions that have not ended, soonest first.</param>
public sealed record AuthorDashboard(IReadOnlyList<DashboardModule> Modules, DashboardTotals Totals, IReadOnlyList<UpcomingSession> UpcomingSessions);

/// <summary>
/// An author's dashboard: the modules they are credited on (published ones and their drafts) with learners reached,
/// completions, average rating, stuck flags, open mentoring requests and sessions held. Counts only, never names; the
/// figures come from the same queries as the feedback page and the mentoring pages, a fixed number whatever the number
/// of modules.
/// </summary>
public sealed class AuthorDashboardService(DraftEditor drafts, FeedbackService feedback, MentoringService mentoring)
{
    public async Task<AuthorDashboard> ForAuthorAsync(string username, string userId, CancellationToken cancellationToken = default)
    {
        var modules = await drafts.ListForAuthorAsync(username, cancellationToken);
        var ids = modules.Select(m => m.ModuleId).ToList();
        var figures = await feedback.SummariesAsync(ids, cancellationToken);
        var mentoringCounts = await mentoring.CountsForAuthorAsync(userId, ids, cancellationToken);

        var rows = modules
            .Select(m => new DashboardModule(m, m.Status != ModuleStatus.Draft, figures[m.ModuleId], mentoringCounts[m.ModuleId]))
            .ToList();
        var ratingCount = rows.Sum(r => r.Figures.RatingCount);
        var totals = new DashboardTotals(
            rows.Sum(r => r.Figures.LearnersReached),
            rows.Sum(r => r.Figures.Completions),
            ratingCount == 0 ? null : rows.Sum(r => (r.Figures.AverageRating ?? 0) * r.Figures.RatingCount) / ratingCount,
            ratingCount,
            rows.Sum(r => r.Figures.StuckFlags),
            rows.Sum(r => r.Mentoring.OpenRequests),
            rows.Sum(r => r.Mentoring.SessionsHeld));
        var upcoming = await mentoring.UpcomingForAuthorAsync(userId, cancellationToken: cancellationToken);
        return new AuthorDashboard(rows, totals, upcoming);
    }
}
