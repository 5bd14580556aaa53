using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Notifications;

/// <summary>A message to send by mail once the change it describes is saved.</summary>
public sealed record OutgoingMail(string To, string Subject, string Body, EmailAttachment? Attachment = null);

/// <summary>
/// In-app notifications, and mail when SMTP is configured. <see cref="Notify"/> adds the notification to the caller's
/// unit of work, so it is saved with the change it describes; <see cref="SendQueuedMailAsync"/> sends the mail after
/// that save, and a mail that cannot be sent never undoes or fails the action.
/// </summary>
public sealed class NotificationService(SkillBridgeDbContext db, EmailSender email, TimeProvider clock)
{
    public const int ListLimit = 100;

    private readonly List<OutgoingMail> _queued = [];

    public void Notify(string userId, string text, string link, OutgoingMail? mail = null)
    {
        db.Notifications.Add(new Notification
        {
            UserId = userId,
            Text = text.Length > Notification.TextMaxLength ? text[..(Notification.TextMaxLength - 1)] + "…" : text,
            Link = link,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        if (mail is not null)
        {
            QueueMail(mail);
        }
    }

    /// <summary>Mail without an in-app notification (e.g. the invitation for the person who accepted).</summary>
    public void QueueMail(OutgoingMail mail) => _queued.Add(mail);

    /// <summary>Sends what was queued; false results are logged by the sender and otherwise ignored.</summary>
    public async Task SendQueuedMailAsync()
    {
        var mails = _queued.ToList();
        _queued.Clear();
        if (!email.IsConfigured)
        {
            return;
        }

        // The action is already saved: a browser that goes away now must not stop the other person hearing of it.
        foreach (var mail in mails)
        {
            await email.SendAsync(mail.To, mail.Subject, mail.Body, mail.Attachment, CancellationToken.None);
        }
    }

    public void DiscardQueuedMail() => _queued.Clear();

    public Task<int> CountUnreadAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);

    /// <summary>The newest notifications first.</summary>
    public Task<List<Notification>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(ListLimit)
            .ToListAsync(cancellationToken);

    /// <summary>Marks one of the user's notifications read and returns its link; null when it is not theirs.</summary>
    public async Task<string?> OpenAsync(string userId, int id, CancellationToken cancellationToken = default)
    {
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
        if (notification is null)
        {
            return null;
        }

        if (notification.ReadAt is null)
        {
            notification.ReadAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        return notification.Link;
    }

    public Task<int> MarkAllReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
