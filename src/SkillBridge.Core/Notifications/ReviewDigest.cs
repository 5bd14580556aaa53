using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Assignments;
using SkillBridge.Core.Data;
using SkillBridge.Core.Mail;

namespace SkillBridge.Core.Notifications;

/// <summary>
/// The daily mail for curators who chose a digest instead of one mail per submitted module: at 08:00 in the curator's
/// time zone, one mail listing the submissions they were told about in the site since the last digest and have not
/// opened yet. Safe with several runners: the day is claimed on the account with a conditional update, and the mail is
/// written to the outbox in the same transaction that takes the notifications out of the queue.
/// </summary>
public sealed class ReviewDigest(SkillBridgeDbContext db, MailOutbox mail, MailStatus mailStatus, TimeProvider clock)
{
    /// <summary>The local time of day the digest goes out.</summary>
    public static readonly TimeOnly DigestTime = new(8, 0);

    /// <summary>Sends the digests that are due; returns how many mails were queued.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var waiting = await db.Users.AsNoTracking()
            .Where(u => db.Notifications.Any(n => n.UserId == u.Id && n.MailDigestPending))
            .Select(u => new { u.Id, u.Email, u.TimeZoneId, u.ReviewDigestSentOn })
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var account in waiting)
        {
            if (!mail.IsOn || string.IsNullOrWhiteSpace(account.Email))
            {
                // Mail was turned off, or the address removed, since: the notifications stay in the site.
                await db.Notifications.Where(n => n.UserId == account.Id && n.MailDigestPending)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.MailDigestPending, false), cancellationToken);
                continue;
            }

            var local = DueDates.ToLocal(now, DueDates.Zone(account.TimeZoneId));
            var date = DateOnly.FromDateTime(local);
            if (TimeOnly.FromDateTime(local) < DigestTime || account.ReviewDigestSentOn >= date)
            {
                continue;
            }

            if (await SendAsync(account.Id, account.Email, date, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendAsync(string userId, string email, DateOnly date, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Users
            .Where(u => u.Id == userId && (u.ReviewDigestSentOn == null || u.ReviewDigestSentOn < date))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.ReviewDigestSentOn, date), cancellationToken);
        if (claimed != 1)
        {
            // Another runner took today's digest for this account.
            return false;
        }

        var items = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId && n.MailDigestPending)
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .ToListAsync(cancellationToken);
        var ids = items.Select(n => n.Id).ToList();
        await db.Notifications.Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.MailDigestPending, false), cancellationToken);

        // What the curator already opened (or another curator acted on) needs no mail.
        var open = items.Where(n => n.ReadAt is null).ToList();
        if (open.Count > 0)
        {
            var body = new StringBuilder();
            body.AppendLine(open.Count == 1 ? "A module is waiting for review:" : $"{open.Count} modules are waiting for review:");
            body.AppendLine();
            foreach (var item in open)
            {
                body.AppendLine(CultureInfo.InvariantCulture, $"- {item.Text}");
                body.AppendLine(CultureInfo.InvariantCulture, $"  {mailStatus.Link(item.Link)}");
            }

            body.AppendLine();
            body.AppendLine(CultureInfo.InvariantCulture, $"The review queue: {mailStatus.Link("/review")}");
            body.AppendLine(CultureInfo.InvariantCulture, $"You get this mail at most once a day because you chose a daily digest. To get one mail per module instead, change your settings: {mailStatus.Link("/account/settings")}");
            var subject = open.Count == 1 ? "1 module waiting for review" : $"{open.Count} modules waiting for review";
            mail.Enqueue(new OutgoingMail(email, subject, body.ToString()), userId);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return open.Count > 0;
    }
}
