using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Data;
using SkillBridge.Core.Mail;
using SkillBridge.Core.Notifications;

namespace SkillBridge.Core.Assignments;

/// <summary>What one reminders pass did.</summary>
public sealed record ReminderPassOutcome(int Sent, int Stopped, int Digests);

/// <summary>
/// Sends reminders that are due, then the daily mail digests. Safe with several runners (web nodes): each reminder is
/// claimed with a conditional update before its in-site notification is written, in the same save that marks it sent;
/// each digest is a row whose unique key (account, local date) only one runner can insert, and the mail goes into the
/// outbox in that same transaction. Reminders that fell due while the site was down go out at the next pass, once: of
/// several reminders of one share due at the same pass only the latest is sent.
/// </summary>
public sealed class AssignmentReminders(SkillBridgeDbContext db, NotificationService notifications, MailOutbox mail, MailStatus mailStatus, TimeProvider clock)
{
    /// <summary>A claim older than this belongs to a runner that stopped mid-send.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The local time of day the digest goes out.</summary>
    public static readonly TimeOnly DigestTime = new(8, 0);

    /// <summary>At most this many reminders per pass; the next pass carries on.</summary>
    public const int BatchSize = 500;

    public async Task<ReminderPassOutcome> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var staleClaim = now - ClaimTimeout;
        var due = await db.AssignmentReminders.AsNoTracking()
            .Where(r => r.SendAt <= now && r.SentAt == null && r.CancelledAt == null && (r.ClaimedAt == null || r.ClaimedAt < staleClaim))
            .OrderBy(r => r.SendAt)
            .Select(r => r.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var (sent, stopped) = (0, 0);
        foreach (var id in due)
        {
            var claimed = await db.AssignmentReminders
                .Where(r => r.Id == id && r.SentAt == null && r.CancelledAt == null && (r.ClaimedAt == null || r.ClaimedAt < staleClaim))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedAt, now), cancellationToken);
            if (claimed != 1)
            {
                continue;
            }

            if (await SendClaimedAsync(id, now, cancellationToken))
            {
                sent++;
            }
            else
            {
                stopped++;
            }
        }

        var digests = await SendDigestsAsync(now, cancellationToken);
        return new ReminderPassOutcome(sent, stopped, digests);
    }

    /// <summary>Writes the notification and marks the reminder sent in one save; false when the reminder was stopped instead.</summary>
    private async Task<bool> SendClaimedAsync(long id, DateTime now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var reminder = await db.AssignmentReminders.Include(r => r.Share).ThenInclude(s => s!.Assignment).FirstAsync(r => r.Id == id, cancellationToken);
        var share = reminder.Share!;
        var assignment = share.Assignment!;
        var account = await db.Users.AsNoTracking().Where(u => u.PersonId == share.PersonId)
            .Select(u => new { u.Id, u.TimeZoneId, u.ReminderMailOff })
            .FirstOrDefaultAsync(cancellationToken);
        var superseded = await db.AssignmentReminders.AnyAsync(
            r => r.LearnerAssignmentId == share.Id && r.Id != id && r.SentAt == null && r.CancelledAt == null && r.SendAt <= now && r.SendAt > reminder.SendAt,
            cancellationToken);

        // A person reached through two targets hears once: the share with the lowest id speaks for the others.
        var duplicate = await db.LearnerAssignments.AnyAsync(
            l => l.AssignmentId == share.AssignmentId && l.PersonId == share.PersonId && l.EndedAt == null && l.Id < share.Id,
            cancellationToken);
        if (share.EndedAt is not null || share.CompletedAt is not null || assignment.RemovedAt is not null || superseded || duplicate || account is null)
        {
            reminder.CancelledAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }

        var zone = DueDates.Zone(account.TimeZoneId);
        var (title, link) = await TitleAndLinkAsync(assignment, cancellationToken);
        notifications.Notify(account.Id, Text(reminder.Kind, title, share.DueAt, zone), link);
        reminder.SentAt = now;
        reminder.MailPending = mailStatus.IsOn && !account.ReminderMailOff;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// For each account with reminders waiting for mail whose local time is past 08:00 and that has no digest for its
    /// local date yet: one digest row, the reminders claimed for it and the mail in the outbox, in one transaction.
    /// </summary>
    private async Task<int> SendDigestsAsync(DateTime now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var waiting = await (
                from r in db.AssignmentReminders.AsNoTracking()
                where r.MailPending && r.DigestId == null
                join l in db.LearnerAssignments on r.LearnerAssignmentId equals l.Id
                join u in db.Users on l.PersonId equals u.PersonId
                select new { l.PersonId, UserId = u.Id, u.TimeZoneId, u.ReminderMailOff, u.Email })
            .Distinct()
            .ToListAsync(cancellationToken);

        var digests = 0;
        foreach (var account in waiting)
        {
            var local = DueDates.ToLocal(now, DueDates.Zone(account.TimeZoneId));
            if (TimeOnly.FromDateTime(local) < DigestTime)
            {
                continue;
            }

            var date = DateOnly.FromDateTime(local);
            if (account.ReminderMailOff || string.IsNullOrWhiteSpace(account.Email) || !mail.IsOn)
            {
                // Turned off since the reminder went out in the site: nothing to mail.
                await db.AssignmentReminders
                    .Where(r => r.MailPending && r.DigestId == null && db.LearnerAssignments.Any(l => l.Id == r.LearnerAssignmentId && l.PersonId == account.PersonId))
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.MailPending, false), cancellationToken);
                continue;
            }

            if (await db.ReminderDigests.AnyAsync(d => d.UserId == account.UserId && d.Date == date, cancellationToken))
            {
                continue;
            }

            if (await SendDigestAsync(account.UserId, account.PersonId, account.Email!, account.TimeZoneId, date, now, cancellationToken))
            {
                digests++;
            }
        }

        return digests;
    }

    private async Task<bool> SendDigestAsync(string userId, int personId, string email, string timeZoneId, DateOnly date, DateTime now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var digest = new ReminderDigest { UserId = userId, Date = date, CreatedAt = now };
        db.ReminderDigests.Add(digest);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another runner inserted this account's digest for the day first: it sends it.
            db.ChangeTracker.Clear();
            return false;
        }

        var claimed = await db.AssignmentReminders
            .Where(r => r.MailPending && r.DigestId == null && db.LearnerAssignments.Any(l => l.Id == r.LearnerAssignmentId && l.PersonId == personId))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.DigestId, digest.Id).SetProperty(r => r.MailPending, false), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        // The digest lists everything due now, once per assignment: what the claimed reminders were about, still open.
        var items = await (
                from r in db.AssignmentReminders.AsNoTracking()
                where r.DigestId == digest.Id
                join l in db.LearnerAssignments on r.LearnerAssignmentId equals l.Id
                where l.EndedAt == null && l.CompletedAt == null
                join a in db.Assignments on l.AssignmentId equals a.Id
                where a.RemovedAt == null
                select new { Assignment = a, l.DueAt, r.Kind })
            .ToListAsync(cancellationToken);
        var grouped = items.GroupBy(i => i.Assignment.Id).ToList();
        if (grouped.Count == 0)
        {
            // Everything was completed or removed meanwhile; the day's digest row stays, with nothing to send.
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        var zone = DueDates.Zone(timeZoneId);
        var body = new StringBuilder();
        body.AppendLine(grouped.Count == 1 ? "This assigned learning needs your attention:" : $"These {grouped.Count} pieces of assigned learning need your attention:");
        body.AppendLine();
        foreach (var group in grouped.OrderBy(g => g.Min(i => i.DueAt) ?? DateTime.MaxValue))
        {
            var (title, link) = await TitleAndLinkAsync(group.First().Assignment, cancellationToken);
            var dueAt = group.Min(i => i.DueAt);
            body.AppendLine(CultureInfo.InvariantCulture, $"- {title}: {DueLine(dueAt, zone, now)}");
            body.AppendLine(CultureInfo.InvariantCulture, $"  {mailStatus.Link(link)}");
        }

        body.AppendLine();
        body.AppendLine(CultureInfo.InvariantCulture, $"Everything assigned to you: {mailStatus.Link("/learning")}");
        body.AppendLine(CultureInfo.InvariantCulture, $"You get this mail at most once a day. To stop reminder mail (reminders stay in the site), change your settings: {mailStatus.Link("/account/settings")}");
        var subject = grouped.Count == 1 ? "Reminder: 1 piece of assigned learning" : $"Reminder: {grouped.Count} pieces of assigned learning";
        mail.Enqueue(new OutgoingMail(email, subject, body.ToString()), userId);
        digest.Items = grouped.Count;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<(string Title, string Link)> TitleAndLinkAsync(Assignment assignment, CancellationToken cancellationToken)
    {
        if (assignment.ModuleId is { } moduleId)
        {
            var module = await db.Modules.AsNoTracking().Where(m => m.Id == moduleId)
                .Select(m => new { m.Slug, Title = m.PublishedRevision != null ? m.PublishedRevision.Title : m.Slug })
                .FirstAsync(cancellationToken);
            return (module.Title, $"/modules/{module.Slug}");
        }

        var path = await db.LearningPaths.AsNoTracking().Where(p => p.Id == assignment.LearningPathId).Select(p => new { p.Slug, p.Title }).FirstAsync(cancellationToken);
        return (path.Title, $"/paths/{path.Slug}");
    }

    private static string Text(ReminderKind kind, string title, DateTime? dueAt, TimeZoneInfo zone) => kind switch
    {
        ReminderKind.Assigned => dueAt is { } due
            ? $"You were assigned “{title}”. It is due on {Format(due, zone)}."
            : $"You were assigned “{title}”.",
        ReminderKind.BeforeDue => $"Reminder: “{title}” is due on {Format(dueAt!.Value, zone)}.",
        _ => $"“{title}” was due on {Format(dueAt!.Value, zone)} and is not completed yet.",
    };

    private static string DueLine(DateTime? dueAt, TimeZoneInfo zone, DateTime now) => dueAt switch
    {
        null => "no due date",
        { } due when due < now => $"overdue since {Format(due, zone)}",
        { } due => $"due {Format(due, zone)}",
    };

    /// <summary>An instant in the learner's zone, e.g. "3 December 2026, 23:59 (Europe/London)".</summary>
    public static string Format(DateTime utc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DueDates.ToLocal(utc, zone).ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" ({zone.Id})";
    }
}
