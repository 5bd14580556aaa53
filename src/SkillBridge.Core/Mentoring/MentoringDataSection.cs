using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Mail;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;
using SkillBridge.Core.People;

namespace SkillBridge.Core.Mentoring;

public sealed record MentoringTimeRecord(DateTime StartsAtUtc, string ProposedBy, int Round);

/// <param name="Role">"learner" for requests the person made, "author" for requests they received.</param>
/// <param name="With">The other person's name as the person saw it in their inbox.</param>
public sealed record MentoringRequestRecord(
    string Role,
    string Module,
    string ModuleTitle,
    string With,
    string Message,
    int DurationMinutes,
    string State,
    IReadOnlyList<MentoringTimeRecord> ProposedTimes,
    DateTime? StartsAtUtc,
    DateTime? EndsAtUtc,
    string? DeclineNote,
    string? CancelNote,
    string? FeedbackGiven,
    DateTime CreatedAtUtc,
    DateTime UpdatedAtUtc);

public sealed record NotificationRecord(string Text, string Link, DateTime CreatedAtUtc, DateTime? ReadAtUtc);

public sealed record MentoringData(IReadOnlyList<MentoringRequestRecord> Requests, IReadOnlyList<NotificationRecord> Notifications);

/// <summary>
/// Mentoring requests the person made and received, and their notifications. Deleting the account ends what is still
/// open or booked for later (telling the other person), removes the words the person wrote (their message, notes and
/// session feedback) and keeps the rows, so the other person's history and everyone's session counts stay.
/// Notifications go with the account.
/// </summary>
public sealed class MentoringDataSection(SkillBridgeDbContext db, MentoringService mentoring, MailStatus mailStatus) : IPersonalDataSection
{
    public string Name => "mentoring";

    public async Task<object?> ExportAsync(PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        var userId = subject.UserId;
        var rows = await db.MentoringRequests.AsNoTracking()
            .Where(r => r.LearnerId == userId || r.AuthorId == userId)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new
            {
                IsLearner = r.LearnerId == userId,
                r.Module.Slug,
                Title = r.Module.PublishedRevision != null ? r.Module.PublishedRevision.Title : r.Module.Revisions.OrderByDescending(v => v.Number).Select(v => v.Title).FirstOrDefault(),
                AuthorName = db.Users.Where(u => u.Id == r.AuthorId).Select(u => db.People.Where(p => p.Id == u.PersonId).Select(p => p.Name).FirstOrDefault() ?? u.UserName).FirstOrDefault(),
                LearnerName = db.Users.Where(u => u.Id == r.LearnerId).Select(u => db.People.Where(p => p.Id == u.PersonId).Select(p => p.Name).FirstOrDefault() ?? u.UserName).FirstOrDefault(),
                r.Message,
                r.DurationMinutes,
                r.State,
                Times = r.ProposedTimes.OrderBy(t => t.Round).ThenBy(t => t.StartsAt).Select(t => new MentoringTimeRecord(t.StartsAt, t.ProposedBy.ToString(), t.Round)).ToList(),
                r.StartsAt,
                r.EndsAt,
                r.DeclineNote,
                r.CancelNote,
                r.CancelledBy,
                Feedback = r.Feedback.Where(f => f.UserId == userId).Select(f => f.Text).FirstOrDefault(),
                r.CreatedAt,
                r.UpdatedAt,
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var requests = rows.Select(r =>
        {
            var party = r.IsLearner ? MentoringParty.Learner : MentoringParty.Author;
            return new MentoringRequestRecord(
                r.IsLearner ? "learner" : "author",
                r.Slug,
                r.Title ?? r.Slug,
                (r.IsLearner ? r.AuthorName : r.LearnerName) ?? MentoringPerson.Gone.Name,
                r.Message,
                r.DurationMinutes,
                r.State.ToString(),
                r.Times,
                r.StartsAt,
                r.EndsAt,
                party == MentoringParty.Author ? r.DeclineNote : null,
                r.CancelledBy == party ? r.CancelNote : null,
                r.Feedback,
                r.CreatedAt,
                r.UpdatedAt);
        }).ToList();

        var notifications = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .Select(n => new NotificationRecord(n.Text, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(cancellationToken);
        return new MentoringData(requests, notifications);
    }

    public async Task EraseAsync(PersonalDataErasure erasure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erasure);
        var userId = erasure.Subject.UserId;
        await mentoring.EndForLeavingAccountAsync(userId, mailStatus.SiteUrl ?? "", cancellationToken);

        // Tracked, like the requests just ended above: the deletion saves them all at once.
        var requests = await db.MentoringRequests.Include(r => r.Feedback)
            .Where(r => r.LearnerId == userId || r.AuthorId == userId)
            .ToListAsync(cancellationToken);
        foreach (var request in requests)
        {
            var party = request.LearnerId == userId ? MentoringParty.Learner : MentoringParty.Author;
            if (party == MentoringParty.Learner)
            {
                request.Message = "";
            }
            else
            {
                request.DeclineNote = null;
            }

            if (request.CancelledBy == party)
            {
                request.CancelNote = null;
            }

            db.SessionFeedback.RemoveRange(request.Feedback.Where(f => f.UserId == userId));
        }

        // The other people's earlier notifications about these requests name this person ("Alice Smith asked you …").
        var names = new List<string> { erasure.Subject.Username };
        if (erasure.Subject.PersonId is { } personId
            && await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken) is { Length: > 0 } name)
        {
            names.Insert(0, name);
        }

        var links = requests.Select(r => $"/mentoring/{r.Id.ToString(CultureInfo.InvariantCulture)}").ToList();
        var notifications = await db.Notifications.Where(n => n.UserId != userId && links.Contains(n.Link)).ToListAsync(cancellationToken);
        foreach (var notification in notifications)
        {
            notification.Text = names.Aggregate(notification.Text, (text, n) => text.Replace(n, Person.FormerColleagueName, StringComparison.Ordinal));
        }
    }
}
