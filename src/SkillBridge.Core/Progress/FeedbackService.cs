using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Content;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Notifications;

namespace SkillBridge.Core.Progress;

/// <summary>
/// Learners' feedback on modules (ratings after completing, "I got stuck on this step" flags) and the authors' view
/// of it per revision. Learners' names reach authors only when the learner allows it; counts always do.
/// </summary>
public sealed class FeedbackService(SkillBridgeDbContext db, RenderedModuleCache renderedModules, TimeProvider clock, WorkflowNotifications notify)
{
    public const string AnonymousLearner = "A learner";

    public Task<MyRating?> MyRatingAsync(string userId, int revisionId, CancellationToken cancellationToken = default) =>
        db.ModuleRatings.AsNoTracking()
            .Where(r => r.UserId == userId && r.RevisionId == revisionId)
            .Select(r => new MyRating(r.Stars, r.Comment))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Rates the shown revision (1 to 5, optional comment up to 1,000 characters) once the learner completed it; rating again replaces the rating.</summary>
    public async Task<ProgressResult<MyRating>> RateAsync(string userId, PublishedModule module, int stars, string? comment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (stars is < 1 or > 5)
        {
            return ProgressResult<MyRating>.Fail(ProgressFailure.Invalid, "Choose a rating from 1 to 5 stars.");
        }

        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (text is { Length: > ModuleRating.MaxCommentLength })
        {
            return ProgressResult<MyRating>.Fail(ProgressFailure.Invalid, $"Keep the comment to {ModuleRating.MaxCommentLength:N0} characters; it has {text.Length:N0}.");
        }

        var revisionId = module.RevisionId;
        if (!await db.ModuleProgress.AnyAsync(p => p.UserId == userId && p.RevisionId == revisionId && p.CompletedAt != null, cancellationToken))
        {
            return ProgressResult<MyRating>.Fail(ProgressFailure.NotCompleted, "Complete the module before rating it.");
        }

        var (moduleId, now) = (module.ModuleId, clock.GetUtcNow().UtcDateTime);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "ModuleRatings" ("UserId", "PersonId", "DepartmentId", "ModuleId", "RevisionId", "Stars", "Comment", "RatedAt")
            SELECT u."Id", u."PersonId", pe."DepartmentId", {moduleId}, {revisionId}, {stars}, {text}, {now}
            FROM "AspNetUsers" u LEFT JOIN "People" pe ON pe."Id" = u."PersonId"
            WHERE u."Id" = {userId}
            ON CONFLICT ("UserId", "RevisionId") DO UPDATE SET "Stars" = excluded."Stars", "Comment" = excluded."Comment", "RatedAt" = excluded."RatedAt"
            """, cancellationToken);
        await notify.RatedAsync(moduleId, userId, stars, text, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ProgressResult<MyRating>.Ok(new MyRating(stars, text));
    }

    public Task<MyStuckFlag?> MyStuckFlagAsync(string userId, int revisionId, int step, CancellationToken cancellationToken = default) =>
        db.StuckFlags.AsNoTracking()
            .Where(f => f.UserId == userId && f.RevisionId == revisionId && f.StepNumber == step)
            .Select(f => new MyStuckFlag(f.Note))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>"I got stuck on this step", with an optional note up to 300 characters; flagging again replaces the note.</summary>
    public async Task<ProgressResult<MyStuckFlag>> FlagStuckAsync(string userId, PublishedModule module, RenderedModule rendered, int step, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(rendered);
        if (rendered.Step(step) is null)
        {
            return ProgressResult<MyStuckFlag>.Fail(ProgressFailure.NotFound, "That step does not exist.");
        }

        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is { Length: > StuckFlag.MaxNoteLength })
        {
            return ProgressResult<MyStuckFlag>.Fail(ProgressFailure.Invalid, $"Keep the note to {StuckFlag.MaxNoteLength} characters; it has {text.Length:N0}.");
        }

        var (moduleId, revisionId, now) = (module.ModuleId, module.RevisionId, clock.GetUtcNow().UtcDateTime);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "StuckFlags" ("UserId", "PersonId", "DepartmentId", "ModuleId", "RevisionId", "StepNumber", "Note", "FlaggedAt")
            SELECT u."Id", u."PersonId", pe."DepartmentId", {moduleId}, {revisionId}, {step}, {text}, {now}
            FROM "AspNetUsers" u LEFT JOIN "People" pe ON pe."Id" = u."PersonId"
            WHERE u."Id" = {userId}
            ON CONFLICT ("UserId", "RevisionId", "StepNumber") DO UPDATE SET "Note" = excluded."Note", "FlaggedAt" = excluded."FlaggedAt"
            """, cancellationToken);
        await notify.FlaggedAsync(moduleId, userId, step, rendered.Step(step)!.Title, text, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ProgressResult<MyStuckFlag>.Ok(new MyStuckFlag(text));
    }

    public Task<int> RemoveStuckFlagAsync(string userId, int revisionId, int step, CancellationToken cancellationToken = default) =>
        db.StuckFlags.Where(f => f.UserId == userId && f.RevisionId == revisionId && f.StepNumber == step).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Whether the viewer may see a module's feedback: curators and admins, and anyone credited as an author of any of its revisions.</summary>
    public async Task<bool> MayViewAsync(string slug, Actor viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.IsCurator || await db.ModuleRevisions
            .Where(r => r.Module.Slug == slug)
            .AnyAsync(r => r.Authors.Any(a => a.Person.Username == viewer.Username), cancellationToken);
    }

    /// <summary>The author's view: per revision, learners reached, completions, ratings with comments, and stuck flags per step.</summary>
    public async Task<ProgressResult<ModuleFeedback>> FeedbackForModuleAsync(string slug, Actor viewer, CancellationToken cancellationToken = default)
    {
        var module = await db.Modules.AsNoTracking()
            .Where(m => m.Slug == slug)
            .Select(m => new { m.Id, m.Slug, m.Status, m.PublishedRevisionId })
            .FirstOrDefaultAsync(cancellationToken);
        if (module is null)
        {
            return ProgressResult<ModuleFeedback>.Fail(ProgressFailure.NotFound, "There is no such module.");
        }

        if (!await MayViewAsync(slug, viewer, cancellationToken))
        {
            return ProgressResult<ModuleFeedback>.Fail(ProgressFailure.Forbidden, "Only the module's authors and curators see its feedback.");
        }

        var revisions = await db.ModuleRevisions.AsNoTracking()
            .Where(r => r.ModuleId == module.Id)
            .OrderByDescending(r => r.Number)
            .Select(r => new { r.Id, r.Number, r.Title })
            .ToListAsync(cancellationToken);
        var counts = await db.ModuleProgress.AsNoTracking()
            .Where(p => p.ModuleId == module.Id)
            .GroupBy(p => p.RevisionId)
            .Select(g => new { RevisionId = g.Key, Reached = g.Count(), Completions = g.Count(p => p.CompletedAt != null) })
            .ToDictionaryAsync(x => x.RevisionId, cancellationToken);

        var named = await (
                from p in db.ModuleProgress.AsNoTracking()
                where p.ModuleId == module.Id
                join u in db.Users on p.UserId equals u.Id
                where u.SharesProgressWithAuthors
                select new { p.RevisionId, Name = db.People.Where(x => x.Id == u.PersonId).Select(x => x.Name).FirstOrDefault() ?? u.UserName, Completed = p.CompletedAt != null })
            .ToListAsync(cancellationToken);

        var ratings = await (
                from r in db.ModuleRatings.AsNoTracking()
                where r.ModuleId == module.Id
                join u in db.Users on r.UserId equals u.Id into users
                from u in users.DefaultIfEmpty()
                select new { r.RevisionId, r.Stars, r.Comment, r.RatedAt, Name = u != null && u.SharesProgressWithAuthors ? db.People.Where(x => x.Id == u.PersonId).Select(x => x.Name).FirstOrDefault() ?? u.UserName : null })
            .ToListAsync(cancellationToken);

        var flags = await (
                from f in db.StuckFlags.AsNoTracking()
                where f.ModuleId == module.Id
                join u in db.Users on f.UserId equals u.Id into users
                from u in users.DefaultIfEmpty()
                select new { f.RevisionId, f.StepNumber, f.Note, f.FlaggedAt, Name = u != null && u.SharesProgressWithAuthors ? db.People.Where(x => x.Id == u.PersonId).Select(x => x.Name).FirstOrDefault() ?? u.UserName : null })
            .ToListAsync(cancellationToken);

        var shown = new List<RevisionFeedback>();
        foreach (var revision in revisions)
        {
            var isPublished = module.Status == ModuleStatus.Published && module.PublishedRevisionId == revision.Id;
            var count = counts.GetValueOrDefault(revision.Id);
            var revisionRatings = ratings.Where(r => r.RevisionId == revision.Id).ToList();
            var revisionFlags = flags.Where(f => f.RevisionId == revision.Id).ToList();
            if (!isPublished && count is null && revisionRatings.Count == 0 && revisionFlags.Count == 0)
            {
                continue;
            }

            var stuckSteps = new List<StuckStep>();
            if (revisionFlags.Count > 0)
            {
                var rendered = await renderedModules.GetAsync(revision.Id, cancellationToken);
                stuckSteps.AddRange(revisionFlags
                    .GroupBy(f => f.StepNumber)
                    .OrderBy(g => g.Key)
                    .Select(g => new StuckStep(
                        g.Key,
                        rendered.Step(g.Key)?.Title ?? $"Step {g.Key}",
                        g.Count(),
                        [.. g.Where(f => f.Note is not null).OrderBy(f => f.FlaggedAt).Select(f => new StuckNote(f.Name, f.Note!))])));
            }

            shown.Add(new RevisionFeedback(
                revision.Number,
                revision.Title,
                isPublished,
                count?.Reached ?? 0,
                count?.Completions ?? 0,
                revisionRatings.Count == 0 ? null : revisionRatings.Average(r => r.Stars),
                revisionRatings.Count,
                [.. named.Where(n => n.RevisionId == revision.Id).OrderBy(n => n.Name, StringComparer.CurrentCultureIgnoreCase).Select(n => new NamedLearner(n.Name!, n.Completed))],
                [.. revisionRatings.Where(r => r.Comment is not null).OrderByDescending(r => r.RatedAt).Select(r => new LearnerComment(r.Name, r.Stars, r.Comment!, r.RatedAt))],
                stuckSteps));
        }

        var title = revisions.FirstOrDefault(r => r.Id == module.PublishedRevisionId)?.Title ?? revisions.FirstOrDefault()?.Title ?? module.Slug;
        return ProgressResult<ModuleFeedback>.Ok(new ModuleFeedback(module.Slug, title, shown));
    }

    /// <summary>Figures per module over all revisions (learners reached, completions, average rating, stuck flags), in a fixed number of queries.</summary>
    public async Task<IReadOnlyDictionary<int, ModuleFeedbackSummary>> SummariesAsync(IReadOnlyCollection<int> moduleIds, CancellationToken cancellationToken = default)
    {
        var progress = await db.ModuleProgress.AsNoTracking()
            .Where(p => moduleIds.Contains(p.ModuleId))
            .GroupBy(p => p.ModuleId)
            .Select(g => new
            {
                ModuleId = g.Key,
                Learners = g.Where(p => p.UserId != null).Select(p => p.UserId).Distinct().Count() + g.Count(p => p.UserId == null),
                Completions = g.Count(p => p.CompletedAt != null),
            })
            .ToDictionaryAsync(x => x.ModuleId, cancellationToken);
        var ratings = await db.ModuleRatings.AsNoTracking()
            .Where(r => moduleIds.Contains(r.ModuleId))
            .GroupBy(r => r.ModuleId)
            .Select(g => new { ModuleId = g.Key, Count = g.Count(), Average = g.Average(r => (double)r.Stars) })
            .ToDictionaryAsync(x => x.ModuleId, cancellationToken);
        var stuck = await db.StuckFlags.AsNoTracking()
            .Where(f => moduleIds.Contains(f.ModuleId))
            .GroupBy(f => f.ModuleId)
            .Select(g => new { ModuleId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.ModuleId, x => x.Count, cancellationToken);

        return moduleIds.Distinct().ToDictionary(id => id, id => new ModuleFeedbackSummary(
            id,
            progress.GetValueOrDefault(id)?.Learners ?? 0,
            progress.GetValueOrDefault(id)?.Completions ?? 0,
            ratings.GetValueOrDefault(id)?.Average,
            ratings.GetValueOrDefault(id)?.Count ?? 0,
            stuck.GetValueOrDefault(id)));
    }
}
