using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Progress;

public sealed record QuizAnswerRecord(int Step, int Quiz, string Selected, bool Correct, DateTime AnsweredAtUtc, int Retries, bool AnswerShown);

public sealed record ModuleProgressRecord(
    string Module,
    string Title,
    int Revision,
    DateTime StartedAtUtc,
    DateTime UpdatedAtUtc,
    int LastStep,
    int StepCount,
    DateTime? CompletedAtUtc,
    IReadOnlyList<int> StepsSeen,
    IReadOnlyList<QuizAnswerRecord> QuizAnswers);

public sealed record RatingRecord(string Module, int Revision, int Stars, string? Comment, DateTime RatedAtUtc);

public sealed record StuckFlagRecord(string Module, int Revision, int Step, string? Note, DateTime FlaggedAtUtc);

public sealed record ProgressData(bool LetAuthorsSeeMyProgress, IReadOnlyList<ModuleProgressRecord> Modules, IReadOnlyList<RatingRecord> Ratings, IReadOnlyList<StuckFlagRecord> StuckFlags);

/// <summary>
/// A learner's progress, ratings and stuck flags. Deleting the account removes the words the person wrote (rating
/// comments, stuck notes); the rows themselves stay without a name (their user reference is ON DELETE SET NULL), so
/// authors keep the learners reached, completions, average rating and stuck counts.
/// </summary>
public sealed class ProgressDataSection(SkillBridgeDbContext db) : IPersonalDataSection
{
    public string Name => "progress";

    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var userId = subject.UserId;
        var shares = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SharesProgressWithAuthors).FirstOrDefaultAsync(cancellationToken);
        var progress = await (
                from p in db.ModuleProgress.AsNoTracking()
                where p.UserId == userId
                join r in db.ModuleRevisions on p.RevisionId equals r.Id
                orderby p.StartedAt, p.Id
                select new { p.Id, r.Module.Slug, r.Title, r.Number, p.StartedAt, p.UpdatedAt, p.LastStep, p.StepCount, p.CompletedAt })
            .ToListAsync(cancellationToken);
        var progressIds = progress.Select(p => p.Id).ToList();
        var visits = (await db.StepVisits.AsNoTracking().Where(v => progressIds.Contains(v.ProgressId)).ToListAsync(cancellationToken)).ToLookup(v => v.ProgressId);
        var answers = (await db.QuizAnswers.AsNoTracking().Where(a => progressIds.Contains(a.ProgressId)).ToListAsync(cancellationToken)).ToLookup(a => a.ProgressId);

        var ratings = await (
                from r in db.ModuleRatings.AsNoTracking()
                where r.UserId == userId
                join v in db.ModuleRevisions on r.RevisionId equals v.Id
                orderby r.RatedAt, r.Id
                select new RatingRecord(v.Module.Slug, v.Number, r.Stars, r.Comment, r.RatedAt))
            .ToListAsync(cancellationToken);
        var flags = await (
                from f in db.StuckFlags.AsNoTracking()
                where f.UserId == userId
                join v in db.ModuleRevisions on f.RevisionId equals v.Id
                orderby f.FlaggedAt, f.Id
                select new StuckFlagRecord(v.Module.Slug, v.Number, f.StepNumber, f.Note, f.FlaggedAt))
            .ToListAsync(cancellationToken);

        return new ProgressData(
            shares,
            [.. progress.Select(p => new ModuleProgressRecord(
                p.Slug,
                p.Title,
                p.Number,
                p.StartedAt,
                p.UpdatedAt,
                p.LastStep,
                p.StepCount,
                p.CompletedAt,
                [.. visits[p.Id].Select(v => v.StepNumber).Order()],
                [.. answers[p.Id].OrderBy(a => a.StepNumber).ThenBy(a => a.QuizIndex).Select(a => new QuizAnswerRecord(a.StepNumber, a.QuizIndex, a.Selected, a.IsCorrect, a.AnsweredAt, a.Retries, a.AnswerShown))]))],
            ratings,
            flags);
    }

    public async Task EraseAsync(PersonalDataErasure erasure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erasure);
        var userId = erasure.Subject.UserId;
        await db.ModuleRatings.Where(r => r.UserId == userId && r.Comment != null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Comment, (string?)null), cancellationToken);
        await db.StuckFlags.Where(f => f.UserId == userId && f.Note != null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Note, (string?)null), cancellationToken);
    }
}
