using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Mentoring.Availability;

/// <summary>One weekly range, e.g. Monday 09:00–12:00, in the author's own time zone.</summary>
public sealed record AvailabilityRangeRecord(string Day, string From, string To);

public sealed record AvailabilityData(IReadOnlyList<AvailabilityRangeRecord> Weekly, IReadOnlyList<DateOnly> WeeksNotAvailable);

/// <summary>The mentoring availability an author published: their weekly ranges and the weeks they marked "not this week".</summary>
public sealed class AvailabilityDataSection(SkillBridgeDbContext db) : IPersonalDataSection
{
    public string Name => "mentoringAvailability";

    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var ranges = await db.AvailabilityRanges.AsNoTracking().Where(r => r.UserId == subject.UserId).ToListAsync(cancellationToken);
        var skipped = await db.AvailabilitySkippedWeeks.AsNoTracking().Where(w => w.UserId == subject.UserId)
            .OrderBy(w => w.WeekStart).Select(w => w.WeekStart).ToListAsync(cancellationToken);
        var weekly = ranges
            .OrderBy(r => ((int)r.Day + 6) % 7).ThenBy(r => r.StartMinute)
            .Select(r => new AvailabilityRangeRecord(r.Day.ToString(), AvailabilityRules.FormatTime(r.StartMinute), AvailabilityRules.FormatTime(r.EndMinute)))
            .ToList();
        return new AvailabilityData(weekly, skipped);
    }

    /// <summary>The rows also go with the account (ON DELETE CASCADE); removing them here keeps erasure explicit.</summary>
    public async Task EraseAsync(PersonalDataErasure erasure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erasure);
        var userId = erasure.Subject.UserId;
        await db.AvailabilityRanges.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.AvailabilitySkippedWeeks.Where(w => w.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}
