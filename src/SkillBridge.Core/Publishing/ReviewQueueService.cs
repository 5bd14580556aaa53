using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Publishing;

public sealed record ReviewQueueItem(
    string Slug,
    string Title,
    IReadOnlyList<string> Authors,
    DraftState State,
    DateTime? SubmittedAt,
    DateTime? ScheduledFor,
    string? ScheduleProblem,
    bool IsUpdate)
{
    public TimeSpan Waiting(DateTime now) => SubmittedAt is { } submitted ? now - submitted : TimeSpan.Zero;
}

/// <summary>What waits for a curator, oldest first, and what is scheduled.</summary>
public sealed class ReviewQueueService(SkillBridgeDbContext db)
{
    public Task<List<ReviewQueueItem>> ListAsync(CancellationToken cancellationToken = default) =>
        db.ModuleDrafts.AsNoTracking()
            .Where(d => d.State == DraftState.InReview || d.State == DraftState.Scheduled)
            .OrderBy(d => d.SubmittedAt)
            .Select(d => new ReviewQueueItem(d.Module.Slug, d.Title, d.Authors, d.State, d.SubmittedAt, d.ScheduledFor, d.ScheduleProblem, d.Module.PublishedRevisionId != null))
            .ToListAsync(cancellationToken);
}
