using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Publishing;

/// <summary>What happened to one due schedule.</summary>
public sealed record ScheduledPublishOutcome(string Slug, DateTime ScheduledFor, TimeSpan Late, string? Problem)
{
    public bool Published => Problem is null;
}

/// <summary>
/// Publishes scheduled drafts that are due. Each one is claimed with a conditional update first, so when several web
/// nodes run this at once exactly one of them publishes it; a claim left by a node that died is taken over after a while.
/// Schedules that fell due while the site was down are published at the next run, with how late they were.
/// </summary>
public sealed class ScheduledPublishing(SkillBridgeDbContext db, PublishingWorkflow workflow, TimeProvider clock)
{
    /// <summary>A claim older than this belongs to a node that stopped mid-publish.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Lateness below this is the scheduler's normal delay, not worth a note.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(2);

    public async Task<IReadOnlyList<ScheduledPublishOutcome>> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var staleClaim = now - ClaimTimeout;
        var due = await db.ModuleDrafts
            .Where(d => d.State == DraftState.Scheduled && d.ScheduledFor <= now && (d.ScheduleClaimedAt == null || d.ScheduleClaimedAt < staleClaim))
            .OrderBy(d => d.ScheduledFor)
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);

        var outcomes = new List<ScheduledPublishOutcome>();
        foreach (var id in due)
        {
            var claimed = await db.ModuleDrafts
                .Where(d => d.Id == id && d.State == DraftState.Scheduled && (d.ScheduleClaimedAt == null || d.ScheduleClaimedAt < staleClaim))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ScheduleClaimedAt, now), cancellationToken);
            if (claimed != 1)
            {
                continue;
            }

            outcomes.Add(await PublishClaimedAsync(id, now, cancellationToken));
        }

        return outcomes;
    }

    private async Task<ScheduledPublishOutcome> PublishClaimedAsync(int draftId, DateTime now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var draft = await db.ModuleDrafts.Include(d => d.Module).Include(d => d.Images).ThenInclude(i => i.MediaFile)
            .AsSplitQuery()
            .FirstAsync(d => d.Id == draftId, cancellationToken);
        var scheduledFor = draft.ScheduledFor!.Value;
        var late = now - scheduledFor;
        var note = late > Tolerance
            ? $"Scheduled for {scheduledFor.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC; published {Describe(late)} late because the site was not running."
            : null;

        AuthoringResult<Modules.ModuleRevision> result;
        try
        {
            // A schedule set before the second-pair-of-eyes rule, or by a curator since made an author, is refused here too.
            result = draft.ScheduledBy is { } curator && !workflow.MayPublishAs(draft, curator)
                ? AuthoringResult<Modules.ModuleRevision>.Fail(AuthoringFailure.OwnModule, PublishingWorkflow.OwnModuleMessage)
                : await workflow.PublishDraftAsync(draft, draft.ScheduledBy ?? "scheduler", note, cancellationToken);
        }
        catch (DbUpdateException e)
        {
            result = AuthoringResult<Modules.ModuleRevision>.Fail(AuthoringFailure.Invalid, e.GetBaseException().Message);
        }

        if (result.Succeeded)
        {
            return new ScheduledPublishOutcome(draft.Module.Slug, scheduledFor, late, null);
        }

        // Never skipped silently: the draft goes back to the review queue with the reason, and the caller logs it.
        var problem = result.Problems.Count > 0 ? string.Join(" ", result.Problems.Select(p => p.Message)) : result.Message ?? "Publishing failed.";
        db.ChangeTracker.Clear();
        await db.ModuleDrafts.Where(d => d.Id == draftId).ExecuteUpdateAsync(
            s => s.SetProperty(d => d.State, DraftState.InReview)
                .SetProperty(d => d.ScheduleClaimedAt, (DateTime?)null)
                .SetProperty(d => d.ScheduleProblem, $"The schedule for {scheduledFor.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC failed: {problem}"),
            cancellationToken);
        return new ScheduledPublishOutcome(draft.Module.Slug, scheduledFor, late, problem);
    }

    public static string Describe(TimeSpan late) =>
        late.TotalDays >= 1 ? $"{(int)late.TotalDays} d {late.Hours} h"
        : late.TotalHours >= 1 ? $"{(int)late.TotalHours} h {late.Minutes} min"
        : $"{Math.Max(1, (int)late.TotalMinutes)} min";
}
