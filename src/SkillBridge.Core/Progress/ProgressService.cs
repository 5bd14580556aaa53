using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Assignments;
using SkillBridge.Core.Content;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Paths;
using SkillBridge.Core.Player;

namespace SkillBridge.Core.Progress;

/// <summary>
/// Signed-in learners' progress through modules: steps reached, quiz answers, completion, resuming, and "My learning".
/// Progress belongs to the revision being shown when a step is recorded (the published one). Every write is an
/// insert-or-ignore or an upsert on a unique key inside one short transaction, so a double click, a retry or two tabs
/// never make a duplicate row or lose a step, and a success response means the write is committed.
/// </summary>
public sealed class ProgressService(SkillBridgeDbContext db, AssignmentProgress assignments, TimeProvider clock)
{
    /// <summary>Records that the learner reached <paramref name="step"/> of the module's shown revision, starting their progress if this is the first step they see.</summary>
    public async Task RecordStepAsync(string userId, PublishedModule module, RenderedModule rendered, int step, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(step, rendered.Steps.Count);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ReachStepAsync(userId, module, rendered, step, now, cancellationToken);
        await CompleteIfDoneAsync(userId, module.RevisionId, now, cancellationToken);
        await assignments.LearnerProgressedAsync(userId, module.ModuleId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Records an answer (right or wrong) to a quiz; a later answer replaces an earlier one and counts as a retry.
    /// Answering also counts as reaching the step. Returns the answer as stored.
    /// </summary>
    public async Task<StoredQuizAnswer> RecordAnswerAsync(string userId, PublishedModule module, RenderedModule rendered, int step, int quiz, QuizFeedback feedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rendered);
        ArgumentNullException.ThrowIfNull(feedback);
        if (rendered.Step(step) is not { } shown || quiz < 0 || quiz >= shown.Quizzes.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(quiz), $"Step {step} has no quiz {quiz}.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var selected = string.Join(",", feedback.Selected);
        var revisionId = module.RevisionId;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ReachStepAsync(userId, module, rendered, step, now, cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "QuizAnswers" ("ProgressId", "StepNumber", "QuizIndex", "Selected", "IsCorrect", "AnsweredAt", "Retries", "AnswerShown")
            SELECT "Id", {step}, {quiz}, {selected}, {feedback.IsCorrect}, {now}, 0, {false} FROM "ModuleProgress" WHERE "UserId" = {userId} AND "RevisionId" = {revisionId}
            ON CONFLICT ("ProgressId", "StepNumber", "QuizIndex") DO UPDATE SET "Selected" = excluded."Selected", "IsCorrect" = excluded."IsCorrect", "AnsweredAt" = excluded."AnsweredAt",
                "Retries" = "QuizAnswers"."Retries" + 1
            """, cancellationToken);
        var stored = await StoredAnswersQuery(userId, revisionId, step).SingleAsync(a => a.QuizIndex == quiz, cancellationToken);
        await CompleteIfDoneAsync(userId, revisionId, now, cancellationToken);
        await assignments.LearnerProgressedAsync(userId, module.ModuleId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StoredQuizAnswer.From(stored);
    }

    /// <summary>Records that the learner chose "Show the answer" on a quiz they answered; null when they have not answered it.</summary>
    public async Task<StoredQuizAnswer?> RecordAnswerShownAsync(string userId, int revisionId, int step, int quiz, CancellationToken cancellationToken = default)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE "QuizAnswers" SET "AnswerShown" = {true}
            WHERE "StepNumber" = {step} AND "QuizIndex" = {quiz}
              AND "ProgressId" IN (SELECT "Id" FROM "ModuleProgress" WHERE "UserId" = {userId} AND "RevisionId" = {revisionId})
            """, cancellationToken);
        var stored = await StoredAnswersQuery(userId, revisionId, step).SingleOrDefaultAsync(a => a.QuizIndex == quiz, cancellationToken);
        return stored is null ? null : StoredQuizAnswer.From(stored);
    }

    /// <summary>The learner's stored answers to the quizzes on one step of a revision.</summary>
    public async Task<IReadOnlyList<StoredQuizAnswer>> StoredAnswersAsync(string userId, int revisionId, int step, CancellationToken cancellationToken = default) =>
        [.. (await StoredAnswersQuery(userId, revisionId, step).ToListAsync(cancellationToken)).Select(StoredQuizAnswer.From)];

    private IQueryable<QuizAnswer> StoredAnswersQuery(string userId, int revisionId, int step) =>
        from a in db.QuizAnswers.AsNoTracking()
        join p in db.ModuleProgress on a.ProgressId equals p.Id
        where p.UserId == userId && p.RevisionId == revisionId && a.StepNumber == step
        select a;

    /// <summary>
    /// The finish page: completes the shown revision if every step was seen and every quiz answered (the completion
    /// date is set once and never cleared), and otherwise says what is left.
    /// </summary>
    public async Task<FinishOutcome> FinishAsync(string userId, PublishedModule module, RenderedModule rendered, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(rendered);
        var now = clock.GetUtcNow().UtcDateTime;
        if (await CompleteIfDoneAsync(userId, module.RevisionId, now, cancellationToken) > 0)
        {
            await assignments.LearnerProgressedAsync(userId, module.ModuleId, cancellationToken);
        }

        var progress = await db.ModuleProgress.AsNoTracking()
            .Where(p => p.UserId == userId && p.RevisionId == module.RevisionId)
            .Select(p => new { p.Id, p.CompletedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (progress?.CompletedAt is { } completedAt)
        {
            // Also when the module was completed earlier: a path whose completion did not happen then is closed now.
            await PathCompletion.CompleteFinishedPathsAsync(db, userId, now, cancellationToken);
            return new FinishOutcome(completedAt, [], []);
        }

        var progressId = progress?.Id ?? 0;
        var seen = (await db.StepVisits.AsNoTracking().Where(v => v.ProgressId == progressId).Select(v => v.StepNumber).ToListAsync(cancellationToken)).ToHashSet();
        var answered = (await db.QuizAnswers.AsNoTracking().Where(a => a.ProgressId == progressId).Select(a => new { a.StepNumber, a.QuizIndex }).ToListAsync(cancellationToken))
            .Select(a => (a.StepNumber, a.QuizIndex))
            .ToHashSet();
        var missingSteps = rendered.Steps.Where(s => !seen.Contains(s.Number)).Select(s => new MissingStep(s.Number, s.Title)).ToList();
        var unanswered = rendered.Steps
            .SelectMany(s => s.Quizzes.Where(q => !answered.Contains((s.Number, q.Index))).Select(q => new UnansweredQuiz(s.Number, s.Title, q.Question)))
            .ToList();
        return new FinishOutcome(null, missingSteps, unanswered);
    }

    /// <summary>Resume step and completion for the module page.</summary>
    public async Task<ModuleState> StateAsync(string userId, int moduleId, int revisionId, int stepCount, CancellationToken cancellationToken = default)
    {
        var rows = await db.ModuleProgress.AsNoTracking()
            .Where(p => p.UserId == userId && p.ModuleId == moduleId)
            .Select(p => new { p.RevisionId, p.LastStep, p.UpdatedAt, p.CompletedAt })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return ModuleState.NotStarted;
        }

        var current = rows.FirstOrDefault(r => r.RevisionId == revisionId);
        var resume = current?.LastStep ?? Math.Min(rows.MaxBy(r => r.UpdatedAt)!.LastStep, stepCount);
        var completedEarlier = current?.CompletedAt is null ? rows.Max(r => r.CompletedAt) : null;
        return new ModuleState(Math.Max(1, resume), current?.CompletedAt, completedEarlier);
    }

    /// <summary>"My learning": modules in progress (how far) and completed (when, rating, and whether updated since).</summary>
    public async Task<MyLearning> MyLearningAsync(string userId, CancellationToken cancellationToken = default)
    {
        var rows = await (
                from p in db.ModuleProgress.AsNoTracking()
                where p.UserId == userId
                join r in db.ModuleRevisions on p.RevisionId equals r.Id
                join m in db.Modules on p.ModuleId equals m.Id
                select new
                {
                    p.ModuleId,
                    p.RevisionId,
                    RevisionNumber = r.Number,
                    r.Title,
                    m.Slug,
                    IsPublished = m.Status == ModuleStatus.Published && m.PublishedRevisionId != null,
                    m.PublishedRevisionId,
                    PublishedNumber = (int?)m.PublishedRevision!.Number,
                    p.LastStep,
                    p.StepCount,
                    p.UpdatedAt,
                    p.CompletedAt,
                })
            .ToListAsync(cancellationToken);
        var stars = await db.ModuleRatings.AsNoTracking()
            .Where(r => r.UserId == userId)
            .ToDictionaryAsync(r => r.RevisionId, r => r.Stars, cancellationToken);

        var inProgress = new List<InProgressModule>();
        var completed = new List<CompletedModule>();
        foreach (var module in rows.GroupBy(r => r.ModuleId))
        {
            var latest = module.MaxBy(r => r.UpdatedAt)!;
            if (latest.CompletedAt is null && latest.IsPublished)
            {
                inProgress.Add(new InProgressModule(latest.Slug, latest.Title, latest.LastStep, latest.StepCount, latest.UpdatedAt, latest.RevisionId == latest.PublishedRevisionId));
            }

            if (module.Where(r => r.CompletedAt is not null).MaxBy(r => r.RevisionNumber) is { } done)
            {
                var updatedSince = done.IsPublished && done.PublishedNumber > done.RevisionNumber;
                completed.Add(new CompletedModule(done.Slug, done.Title, done.CompletedAt!.Value, stars.TryGetValue(done.RevisionId, out var s) ? s : null, updatedSince, done.IsPublished));
            }
        }

        return new MyLearning(
            [.. inProgress.OrderByDescending(m => m.UpdatedAt)],
            [.. completed.OrderByDescending(m => m.CompletedAt)]);
    }

    /// <summary>Starts the learner's progress on the revision (or keeps it), moves their last step, and records the visit.</summary>
    private async Task ReachStepAsync(string userId, PublishedModule module, RenderedModule rendered, int step, DateTime now, CancellationToken cancellationToken)
    {
        var (moduleId, revisionId) = (module.ModuleId, module.RevisionId);
        var stepCount = rendered.Steps.Count;
        var quizCount = rendered.Steps.Sum(s => s.Quizzes.Count);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "ModuleProgress" ("UserId", "PersonId", "DepartmentId", "ModuleId", "RevisionId", "StepCount", "QuizCount", "StartedAt", "UpdatedAt", "LastStep")
            SELECT u."Id", u."PersonId", pe."DepartmentId", {moduleId}, {revisionId}, {stepCount}, {quizCount}, {now}, {now}, {step}
            FROM "AspNetUsers" u LEFT JOIN "People" pe ON pe."Id" = u."PersonId"
            WHERE u."Id" = {userId}
            ON CONFLICT ("UserId", "RevisionId") DO UPDATE SET "LastStep" = excluded."LastStep", "UpdatedAt" = excluded."UpdatedAt"
            """, cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "StepVisits" ("ProgressId", "StepNumber", "VisitedAt")
            SELECT "Id", {step}, {now} FROM "ModuleProgress" WHERE "UserId" = {userId} AND "RevisionId" = {revisionId}
            ON CONFLICT DO NOTHING
            """, cancellationToken);
    }

    /// <summary>
    /// The completion rule in one conditional update: every step seen and every quiz answered, and not completed before.
    /// A module completed here may complete paths the learner is on, in the same transaction when the caller has one.
    /// </summary>
    private async Task<int> CompleteIfDoneAsync(string userId, int revisionId, DateTime now, CancellationToken cancellationToken)
    {
        var completed = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE "ModuleProgress" SET "CompletedAt" = {now}
            WHERE "UserId" = {userId} AND "RevisionId" = {revisionId} AND "CompletedAt" IS NULL
              AND (SELECT COUNT(*) FROM "StepVisits" v WHERE v."ProgressId" = "ModuleProgress"."Id") >= "StepCount"
              AND (SELECT COUNT(*) FROM "QuizAnswers" a WHERE a."ProgressId" = "ModuleProgress"."Id") >= "QuizCount"
            """, cancellationToken);
        if (completed > 0)
        {
            await PathCompletion.CompleteFinishedPathsAsync(db, userId, now, cancellationToken);
        }

        return completed;
    }
}
