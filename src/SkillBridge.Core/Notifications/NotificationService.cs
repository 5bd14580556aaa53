using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Mail;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Notifications;

/// <summary>
/// In-app notifications, and mail when mail is on. <see cref="Notify"/> adds the notification, and its mail as an
/// outbox row, to the caller's unit of work, so both are saved with the change they describe, or neither is.
/// </summary>
public sealed class NotificationService(SkillBridgeDbContext db, MailOutbox mail, TimeProvider clock)
{
    /// <summary>Notifications per page of the list.</summary>
    public const int PageSize = 25;

    /// <param name="mailInDigest">Mail it later in the recipient's daily digest instead (when mail is on).</param>
    public void Notify(string userId, string text, string link, OutgoingMail? outgoing = null, bool mailInDigest = false)
    {
        db.Notifications.Add(new Notification
        {
            UserId = userId,
            Text = text.Length > Notification.TextMaxLength ? text[..(Notification.TextMaxLength - 1)] + "…" : text,
            Link = link,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            MailDigestPending = mailInDigest && mail.IsOn,
        });
        if (outgoing is not null)
        {
            QueueMail(outgoing, userId);
        }
    }

    /// <summary>Mail without an in-app notification (e.g. the invitation for the person who accepted), saved with the caller's change.</summary>
    public void QueueMail(OutgoingMail outgoing, string? userId = null) => mail.Enqueue(outgoing, userId);

    public Task<int> CountUnreadAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);

    /// <summary>One page of the user's notifications, newest first (pages count from 1).</summary>
    public async Task<NotificationPage> ListAsync(string userId, int page = 1, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        var unread = await CountUnreadAsync(userId, cancellationToken);
        return new NotificationPage(rows.Take(PageSize).ToList(), page, HasOlder: rows.Count > PageSize, unread);
    }

    /// <summary>
    /// Marks read the user's unread notifications that link to <paramref name="path"/>: opening the request or page a
    /// notification is about clears it, however the person got there. Returns how many it cleared.
    /// </summary>
    public Task<int> MarkReadForPageAsync(string userId, string path, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null && n.Link == path)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    /// <summary>
    /// Marks read everyone's unread notifications that link to <paramref name="path"/>: once one curator acted on a
    /// module in review, the other curators' notifications about it are done too.
    /// </summary>
    public Task<int> MarkReadForEveryoneAsync(string path, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Notifications.Where(n => n.ReadAt == null && n.Link == path)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

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

/// <summary>A page of notifications; <see cref="Unread"/> counts every unread one, on any page.</summary>
public sealed record NotificationPage(IReadOnlyList<Notification> Items, int Page, bool HasOlder, int Unread);
