using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Mentoring.Availability;

/// <summary>An author's weekly availability as the edit page shows it: ranges, and the coming weeks they skip.</summary>
public sealed record WeeklyAvailability(string TimeZoneId, DateOnly ThisWeek, IReadOnlyList<WeeklyRange> Ranges, IReadOnlyList<DateOnly> SkippedWeeks)
{
    public bool IsPublished => Ranges.Count > 0;
}

public enum AvailabilityStatus
{
    Saved,
    Invalid,
}

/// <summary>The outcome of saving availability: saved, or the problems by the typed range they belong to.</summary>
public sealed record AvailabilityResult(AvailabilityStatus Status, IReadOnlyList<RangeProblem> Problems, string? WeeksProblem = null);

/// <summary>
/// Authors publish when they are generally free for sessions; the ask form offers the free times in it. Free means
/// inside a weekly range, not in a skipped week, and not overlapping a session booked with them (accepted) or a time
/// held for an open request to or from them. No calendars are read.
/// </summary>
public sealed class AvailabilityService(SkillBridgeDbContext db, TimeProvider clock)
{
    /// <summary>How many weeks ahead the edit page offers to skip, this one included.</summary>
    public const int SkippableWeeks = 8;

    public async Task<WeeklyAvailability> ForUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        var zoneId = await ZoneIdAsync(userId, cancellationToken);
        var thisWeek = ThisWeek(zoneId);
        var ranges = await db.AvailabilityRanges.AsNoTracking().Where(r => r.UserId == userId)
            .Select(r => new WeeklyRange(r.Day, r.StartMinute, r.EndMinute)).ToListAsync(cancellationToken);
        var skipped = await db.AvailabilitySkippedWeeks.AsNoTracking().Where(w => w.UserId == userId && w.WeekStart >= thisWeek)
            .OrderBy(w => w.WeekStart).Select(w => w.WeekStart).ToListAsync(cancellationToken);
        return new WeeklyAvailability(zoneId, thisWeek, [.. ranges.OrderBy(r => (((int)r.Day) + 6) % 7).ThenBy(r => r.StartMinute)], skipped);
    }

    /// <summary>Replaces the author's ranges and skipped weeks, or changes nothing when any range is wrong.</summary>
    public async Task<AvailabilityResult> SaveAsync(string userId, IReadOnlyList<RangeInput> rows, IReadOnlyCollection<DateOnly> skipWeeks, CancellationToken cancellationToken = default)
    {
        var (ranges, problems) = AvailabilityRules.Check(rows);
        var thisWeek = ThisWeek(await ZoneIdAsync(userId, cancellationToken));
        var weeks = skipWeeks.Distinct().ToList();
        string? weeksProblem = weeks.Any(w => w != AvailabilityRules.WeekStart(w) || w < thisWeek || w >= thisWeek.AddDays(7 * SkippableWeeks))
            ? "Choose weeks from the list."
            : null;
        if (problems.Count > 0 || weeksProblem is not null)
        {
            return new AvailabilityResult(AvailabilityStatus.Invalid, problems, weeksProblem);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.AvailabilityRanges.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.AvailabilitySkippedWeeks.Where(w => w.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        db.AvailabilityRanges.AddRange(ranges.Select(r => new AvailabilityRange { UserId = userId, Day = r.Day, StartMinute = r.StartMinute, EndMinute = r.EndMinute }));
        db.AvailabilitySkippedWeeks.AddRange(weeks.Select(w => new AvailabilitySkippedWeek { UserId = userId, WeekStart = w }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AvailabilityResult(AvailabilityStatus.Saved, []);
    }

    /// <summary>The author's free start times for a session of <paramref name="minutes"/>, over the offered weeks.</summary>
    public async Task<IReadOnlyList<DateTime>> FreeSlotsAsync(string authorUserId, int minutes = AvailabilityRules.ShortestMinutes, CancellationToken cancellationToken = default)
    {
        var ranges = await db.AvailabilityRanges.AsNoTracking().Where(r => r.UserId == authorUserId)
            .Select(r => new WeeklyRange(r.Day, r.StartMinute, r.EndMinute)).ToListAsync(cancellationToken);
        if (ranges.Count == 0)
        {
            return [];
        }

        var zone = FindZone(await ZoneIdAsync(authorUserId, cancellationToken));
        var skipped = await db.AvailabilitySkippedWeeks.AsNoTracking().Where(w => w.UserId == authorUserId).Select(w => w.WeekStart).ToListAsync(cancellationToken);
        var now = Now;
        var busy = await BusyAsync(authorUserId, now, cancellationToken);
        return AvailabilityRules.FreeSlots(ranges, skipped, zone, busy, now, AvailabilityRules.OfferedAhead, minutes);
    }

    /// <summary>Sessions booked with the person and times held for their open requests, from a day before now.</summary>
    private async Task<List<BusyTime>> BusyAsync(string userId, DateTime now, CancellationToken cancellationToken)
    {
        var since = now.AddDays(-1);
        var booked = await db.MentoringRequests.AsNoTracking()
            .Where(r => (r.AuthorId == userId || r.LearnerId == userId) && r.State == MentoringState.Accepted && r.StartsAt != null && r.EndsAt > since)
            .Select(r => new { Start = r.StartsAt!.Value, End = r.EndsAt!.Value })
            .ToListAsync(cancellationToken);
        var held = await db.ProposedTimes.AsNoTracking()
            .Where(t => t.StartsAt > since)
            .Join(
                db.MentoringRequests.Where(r => (r.AuthorId == userId || r.LearnerId == userId) && (r.State == MentoringState.Requested || r.State == MentoringState.AlternativesProposed)),
                t => t.RequestId,
                r => r.Id,
                (t, r) => new { t.StartsAt, t.Round, RequestRound = r.Round, r.DurationMinutes })
            .Where(x => x.Round == x.RequestRound)
            .ToListAsync(cancellationToken);
        return [
            .. booked.Select(b => new BusyTime(DateTime.SpecifyKind(b.Start, DateTimeKind.Utc), DateTime.SpecifyKind(b.End, DateTimeKind.Utc))),
            .. held.Select(h => new BusyTime(DateTime.SpecifyKind(h.StartsAt, DateTimeKind.Utc), DateTime.SpecifyKind(h.StartsAt, DateTimeKind.Utc).AddMinutes(h.DurationMinutes))),
        ];
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly ThisWeek(string zoneId) =>
        AvailabilityRules.WeekStart(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Now, FindZone(zoneId))));

    private async Task<string> ZoneIdAsync(string userId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.TimeZoneId).FirstOrDefaultAsync(cancellationToken) ?? "UTC";

    private static TimeZoneInfo FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
