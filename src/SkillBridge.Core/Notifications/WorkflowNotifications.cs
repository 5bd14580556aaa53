using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Assignments;
using SkillBridge.Core.Content;
using SkillBridge.Core.Data;
using SkillBridge.Core.Mail;
using SkillBridge.Core.Progress;

namespace SkillBridge.Core.Notifications;

/// <summary>
/// Tells people about the publishing workflow: curators when a module is submitted (by mail at once, or in a daily
/// digest if they chose it), authors when changes are requested, when their module is published or scheduled, and when
/// a learner rates it or gets stuck on a step, and both sides of a review conversation about replies. Each notification
/// links to the page it is about, and opening that page clears it. Learners are named only if they let authors see
/// that they took their modules. Everything is added to the caller's unit of work, saved with the change or not at all.
/// </summary>
public sealed class WorkflowNotifications(SkillBridgeDbContext db, NotificationService notifications, MailStatus mail)
{
    public static string ReviewLink(string slug) => $"/review/{slug}";

    public static string EditorLink(string slug) => $"/authoring/{slug}";

    public static string ModuleLink(string slug) => $"/modules/{slug}";

    public static string FeedbackLink(string slug) => $"/modules/{slug}/feedback";

    public async Task SubmittedAsync(string slug, string title, string submittedBy, CancellationToken cancellationToken = default)
    {
        var who = await NameOfAsync(submittedBy, cancellationToken);
        var text = $"{who} submitted “{title}” for review.";
        foreach (var curator in (await CuratorsAsync(cancellationToken)).Where(c => c.Username != submittedBy))
        {
            if (curator.ReviewMailDigest)
            {
                notifications.Notify(curator.UserId, text, ReviewLink(slug), outgoing: null, mailInDigest: !string.IsNullOrWhiteSpace(curator.Email));
            }
            else
            {
                notifications.Notify(curator.UserId, text, ReviewLink(slug), MailTo(curator, $"Waiting for review: {title}", $"{text}\n\nReview it: {mail.Link(ReviewLink(slug))}"));
            }
        }
    }

    public async Task ChangesRequestedAsync(string slug, string title, IReadOnlyList<string> authors, string curator, string comment, CancellationToken cancellationToken = default)
    {
        var who = await NameOfAsync(curator, cancellationToken);
        var text = $"{who} asked for changes to “{title}”.";
        foreach (var author in await AccountsAsync(authors.Where(a => a != curator), cancellationToken))
        {
            notifications.Notify(author.UserId, text, EditorLink(slug), MailTo(author, $"Changes requested: {title}", $"{text}\n\nTheir comment:\n{comment}\n\nOpen the module: {mail.Link(EditorLink(slug))}"));
        }
    }

    public async Task PublishedAsync(string slug, string title, IReadOnlyList<string> authors, string publishedBy, CancellationToken cancellationToken = default)
    {
        var text = $"“{title}” is published: learners can take it now.";
        foreach (var author in await AccountsAsync(authors.Where(a => a != publishedBy), cancellationToken))
        {
            notifications.Notify(author.UserId, text, ModuleLink(slug), MailTo(author, $"Published: {title}", $"{text}\n\n{mail.Link(ModuleLink(slug))}"));
        }
    }

    public async Task ScheduledAsync(string slug, string title, IReadOnlyList<string> authors, string scheduledBy, DateTime publishAtUtc, CancellationToken cancellationToken = default)
    {
        foreach (var author in await AccountsAsync(authors.Where(a => a != scheduledBy), cancellationToken))
        {
            var text = $"“{title}” is scheduled to be published on {AssignmentReminders.Format(publishAtUtc, DueDates.Zone(author.TimeZoneId))}.";
            notifications.Notify(author.UserId, text, EditorLink(slug), MailTo(author, $"Scheduled: {title}", $"{text}\n\n{mail.Link(EditorLink(slug))}"));
        }
    }

    /// <summary>A reply in the review conversation: a curator's reaches the authors, an author's the curators.</summary>
    public async Task RepliedAsync(string slug, string title, IReadOnlyList<string> authors, string by, bool byCurator, string reply, CancellationToken cancellationToken = default)
    {
        var who = await NameOfAsync(by, cancellationToken);
        var text = $"{who} replied about “{title}”.";
        if (byCurator)
        {
            foreach (var author in await AccountsAsync(authors.Where(a => a != by), cancellationToken))
            {
                notifications.Notify(author.UserId, text, EditorLink(slug), MailTo(author, $"Reply about {title}", $"{text}\n\n{reply}\n\nAnswer it: {mail.Link(EditorLink(slug))}"));
            }

            return;
        }

        // The curators who took part in the conversation hear of it; if none has yet, every curator does.
        var moduleId = await db.Modules.Where(m => m.Slug == slug).Select(m => m.Id).FirstAsync(cancellationToken);
        var talking = await db.ReviewComments.Where(c => c.ModuleId == moduleId).Select(c => c.Author).Distinct().ToListAsync(cancellationToken);
        var curators = (await CuratorsAsync(cancellationToken)).Where(c => c.Username != by && !authors.Contains(c.Username)).ToList();
        var inConversation = curators.Where(c => talking.Contains(c.Username)).ToList();
        foreach (var curator in inConversation.Count > 0 ? inConversation : curators)
        {
            notifications.Notify(curator.UserId, text, ReviewLink(slug), MailTo(curator, $"Reply about {title}", $"{text}\n\n{reply}\n\nAnswer it: {mail.Link(ReviewLink(slug))}"));
        }
    }

    public async Task RatedAsync(int moduleId, string learnerUserId, int stars, string? comment, CancellationToken cancellationToken = default)
    {
        var (slug, title, authors) = await PublishedModuleAsync(moduleId, cancellationToken);
        var who = await LearnerNameAsync(learnerUserId, cancellationToken);
        var text = $"{who} rated “{title}” {stars.ToString(CultureInfo.InvariantCulture)} out of 5.";
        var body = comment is null ? text : $"{text}\n\nTheir comment:\n{comment}";
        foreach (var author in (await AccountsAsync(authors, cancellationToken)).Where(a => a.UserId != learnerUserId))
        {
            notifications.Notify(author.UserId, text, FeedbackLink(slug), MailTo(author, $"New rating: {title}", $"{body}\n\nAll feedback: {mail.Link(FeedbackLink(slug))}"));
        }
    }

    public async Task FlaggedAsync(int moduleId, string learnerUserId, int step, string stepTitle, string? note, CancellationToken cancellationToken = default)
    {
        var (slug, title, authors) = await PublishedModuleAsync(moduleId, cancellationToken);
        var who = await LearnerNameAsync(learnerUserId, cancellationToken);
        var text = $"{who} got stuck on step {step.ToString(CultureInfo.InvariantCulture)} (“{stepTitle}”) of “{title}”.";
        var body = note is null ? text : $"{text}\n\nTheir note:\n{note}";
        foreach (var author in (await AccountsAsync(authors, cancellationToken)).Where(a => a.UserId != learnerUserId))
        {
            notifications.Notify(author.UserId, text, FeedbackLink(slug), MailTo(author, $"A learner got stuck: {title}", $"{body}\n\nAll feedback: {mail.Link(FeedbackLink(slug))}"));
        }
    }

    private sealed record Account(string UserId, string Username, string? Email, string TimeZoneId, bool ReviewMailDigest);

    private OutgoingMail? MailTo(Account account, string subject, string body) =>
        string.IsNullOrWhiteSpace(account.Email) || !mail.IsOn ? null : new OutgoingMail(account.Email, SingleLineText.Clean(subject), body);

    private Task<List<Account>> AccountsAsync(IEnumerable<string> usernames, CancellationToken cancellationToken)
    {
        var names = usernames.Distinct().ToList();
        return (from u in db.Users.AsNoTracking()
                join p in db.People on u.PersonId equals p.Id
                where names.Contains(p.Username)
                select new Account(u.Id, p.Username, u.Email, u.TimeZoneId, u.ReviewMailDigest))
            .ToListAsync(cancellationToken);
    }

    private Task<List<Account>> CuratorsAsync(CancellationToken cancellationToken) =>
        db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Curator)))
            .Select(u => new Account(u.Id, u.UserName ?? "", u.Email, u.TimeZoneId, u.ReviewMailDigest))
            .ToListAsync(cancellationToken);

    private async Task<string> NameOfAsync(string username, CancellationToken cancellationToken) =>
        await db.People.Where(p => p.Username == username).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken) ?? username;

    /// <summary>The learner's name if they let authors see that they took their modules, else "A learner".</summary>
    private async Task<string> LearnerNameAsync(string userId, CancellationToken cancellationToken)
    {
        var learner = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SharesProgressWithAuthors, Name = db.People.Where(p => p.Id == u.PersonId).Select(p => p.Name).FirstOrDefault() ?? u.UserName })
            .FirstOrDefaultAsync(cancellationToken);
        return learner is { SharesProgressWithAuthors: true, Name: { } name } ? name : FeedbackService.AnonymousLearner;
    }

    private async Task<(string Slug, string Title, List<string> Authors)> PublishedModuleAsync(int moduleId, CancellationToken cancellationToken)
    {
        var module = await db.Modules.AsNoTracking().Where(m => m.Id == moduleId)
            .Select(m => new
            {
                m.Slug,
                Title = m.PublishedRevision != null ? m.PublishedRevision.Title : m.Slug,
                Authors = m.PublishedRevision != null ? m.PublishedRevision.Authors.Select(a => a.Person.Username).ToList() : new List<string>(),
            })
            .FirstAsync(cancellationToken);
        return (module.Slug, module.Title, module.Authors);
    }
}
