using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Content;
using SkillBridge.Core.Data;
using SkillBridge.Core.Mail;
using SkillBridge.Core.Mentoring.Availability;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Notifications;

namespace SkillBridge.Core.Mentoring;

/// <summary>
/// Follow-up mentoring between a learner and a module's author. The learner asks with up to three times; the author
/// accepts one, proposes others or declines; the learner accepts one of the author's times, proposes again or
/// withdraws. An accepted session can be cancelled by either person, or marked held once it has started; then each
/// gives feedback once. Every step notifies the other person in the same save as the change.
/// </summary>
public sealed partial class MentoringService(SkillBridgeDbContext db, NotificationService notifications, AvailabilityService availability, TimeProvider clock)
{
    public static readonly IReadOnlyList<int> Durations = [30, 45, 60];

    public const int MaxProposedTimes = 3;

    public static readonly TimeSpan FurthestAhead = TimeSpan.FromDays(365);

    /// <summary>The module's authors, whether each has an account to ask, and which of them is the viewer.</summary>
    public async Task<IReadOnlyList<AskableAuthor>> AuthorsToAskAsync(IReadOnlyList<(string Username, string Name)> authors, string? viewerUserId, CancellationToken cancellationToken = default)
    {
        var usernames = authors.Select(a => a.Username).ToList();
        var accounts = await db.People.AsNoTracking()
            .Where(p => usernames.Contains(p.Username))
            .Select(p => new { p.Username, UserId = db.Users.Where(u => u.PersonId == p.Id).Select(u => u.Id).FirstOrDefault() })
            .ToDictionaryAsync(x => x.Username, x => x.UserId, StringComparer.Ordinal, cancellationToken);
        return authors.Select(a =>
        {
            var userId = accounts.GetValueOrDefault(a.Username);
            return new AskableAuthor(a.Username, a.Name, userId is not null, userId is not null && userId == viewerUserId);
        }).ToList();
    }

    public async Task<MentoringResult<AskForm>> PrepareAsync(string moduleSlug, string authorUsername, MentoringActor actor, CancellationToken cancellationToken = default)
    {
        var target = await FindTargetAsync(moduleSlug, authorUsername, cancellationToken);
        if (target is null)
        {
            return MentoringResult<AskForm>.Fail(MentoringFailure.NotFound, "There is no such module or author.");
        }

        if (target.Author.UserId is null)
        {
            return MentoringResult<AskForm>.Fail(MentoringFailure.NotAllowed, $"{target.Author.Name} has not joined SkillBridge yet, so they cannot be asked for a session here.");
        }

        if (target.Author.UserId == actor.UserId)
        {
            return MentoringResult<AskForm>.Fail(MentoringFailure.NotAllowed, "You wrote this module, so you cannot ask yourself for a session.");
        }

        var slots = await availability.FreeSlotsAsync(target.Author.UserId, cancellationToken: cancellationToken);
        return MentoringResult<AskForm>.Ok(new AskForm(moduleSlug, target.Title, target.Author, slots));
    }

    public async Task<MentoringResult<MentoringRequest>> RequestAsync(NewMentoringRequest input, MentoringActor actor, CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareAsync(input.ModuleSlug, input.AuthorUsername, actor, cancellationToken);
        if (prepared.Value is not { } form)
        {
            return prepared.As<MentoringRequest>();
        }

        var message = input.Message?.Trim() ?? "";
        if (message.Length == 0)
        {
            return MentoringResult<MentoringRequest>.Fail(MentoringFailure.Invalid, $"Write a message: what would you like to talk about with {form.Author.FirstName}?");
        }

        if (message.Length > MentoringRequest.MessageMaxLength)
        {
            return MentoringResult<MentoringRequest>.Fail(MentoringFailure.Invalid, $"Keep the message under {MentoringRequest.MessageMaxLength:N0} characters.");
        }

        if (!Durations.Contains(input.DurationMinutes))
        {
            return MentoringResult<MentoringRequest>.Fail(MentoringFailure.Invalid, "Choose a length of 30, 45 or 60 minutes.");
        }

        var proposed = input.SlotUtc is { } slot ? [DateTime.SpecifyKind(slot, DateTimeKind.Utc)] : input.ProposedTimesUtc;
        if (CheckTimes(proposed) is { } problem)
        {
            return MentoringResult<MentoringRequest>.Fail(MentoringFailure.InvalidTimes, problem);
        }

        var moduleId = await db.Modules.Where(m => m.Slug == input.ModuleSlug).Select(m => m.Id).FirstAsync(cancellationToken);
        var now = Now;
        var request = new MentoringRequest
        {
            ModuleId = moduleId,
            LearnerId = actor.UserId,
            AuthorId = form.Author.UserId,
            Message = message,
            DurationMinutes = input.DurationMinutes,
            State = MentoringState.Requested,
            CalendarUid = $"{Guid.NewGuid():N}@skillbridge",
            Round = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        request.ProposedTimes.AddRange(Distinct(proposed).Select(t => new ProposedTime { StartsAt = t, ProposedBy = MentoringParty.Learner, Round = 1 }));

        // The notification links to the request, so the request is saved first; one transaction keeps the two together.
        // A free time picked from the author's availability is checked again inside it: someone may have taken it
        // since the form was shown.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (input.SlotUtc is { } picked && await SlotProblemAsync(form.Author, picked, input.DurationMinutes, cancellationToken) is { } taken)
        {
            return MentoringResult<MentoringRequest>.Fail(MentoringFailure.SlotTaken, taken);
        }

        db.MentoringRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);

        var learner = await PersonAsync(actor.UserId, cancellationToken);
        var link = Link(request.Id);
        var author = form.Author;
        var times = string.Join(", ", request.ProposedTimes.Select(t => FormatFor(author, t.StartsAt)));
        notifications.Notify(
            author.UserId!,
            $"{learner.Name} asked you for a follow-up session on “{form.ModuleTitle}”.",
            link,
            MailTo(author, $"{learner.Name} asks for a follow-up session",
                $"{learner.Name} would like a {request.DurationMinutes}-minute follow-up session about your module “{form.ModuleTitle}”.\n\n" +
                $"Their message:\n{message}\n\nTimes they proposed ({author.TimeZoneId}): {times}\n\nAccept a time, propose others or decline: {actor.SiteUrl}{link}"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return MentoringResult<MentoringRequest>.Ok(request);
    }

    /// <summary>The author accepts one of the learner's times, or the learner one of the author's.</summary>
    public async Task<MentoringResult<MentoringRequest>> AcceptAsync(int id, int proposedTimeId, MentoringActor actor, string? place = null, CancellationToken cancellationToken = default)
    {
        var (checkedPlace, placeProblem) = SessionPlace.Check(place);
        if (placeProblem is not null)
        {
            return MentoringResult<MentoringRequest>.Fail(MentoringFailure.InvalidPlace, placeProblem);
        }

        var loaded = await LoadAsync(id, actor, cancellationToken);
        if (loaded.Value is not { } session)
        {
            return loaded.As<MentoringRequest>();
        }

        if (!Allowed(session).Propose)
        {
            return Refuse<MentoringRequest>(session, "accept a time", notTheirs: IsOpen(session.Request));
        }

        var request = session.Request;
        var time = request.ProposedTimes.FirstOrDefault(t => t.Id == proposedTimeId);
        if (time is null || time.Round != request.Round || time.ProposedBy == session.ViewerParty)
        {
            return MentoringResult<MentoringRequest>.Fail(MentoringFailure.WrongState, "That time is no longer on offer. Here are the times that are.");
        }

        if (time.StartsAt <= Now)
        {
            return MentoringResult<MentoringRequest>.Fail(MentoringFailure.InvalidTimes, "That time has already passed. Propose other times instead.");
        }

        request.State = MentoringState.Accepted;
        NoteAuthorAnswer(session);

        // Only the author sets the place; a learner accepting the author's time keeps what the author may add later.
        if (session.ViewerParty == MentoringParty.Author && checkedPlace is not null)
        {
            request.Place = checkedPlace;
        }

        request.StartsAt = time.StartsAt;
        request.EndsAt = time.StartsAt.AddMinutes(request.DurationMinutes);
        request.Sequence = 0;
        Touch(request);

        var actorPerson = session.Viewer;
        var other = session.Other;
        var link = Link(request.Id);
        var invitation = Invitation(session, actor.SiteUrl);
        if (other.UserId is not null)
        {
            notifications.Notify(
                other.UserId,
                $"{actorPerson.Name} accepted a follow-up session on “{session.ModuleTitle}” at {FormatFor(other, time.StartsAt)}.",
                link,
                MailTo(other, $"Follow-up session booked: {session.ModuleTitle}", AcceptedBody(session, other, actorPerson, actor.SiteUrl), invitation));
        }

        if (MailTo(actorPerson, $"Follow-up session booked: {session.ModuleTitle}", AcceptedBody(session, actorPerson, other, actor.SiteUrl), invitation) is { } own)
        {
            notifications.QueueMail(own, actorPerson.UserId);
        }

        return await SaveAsync(request, cancellationToken);
    }

    /// <summary>The author proposes other times for the learner to choose from, or the learner for the author.</summary>
    public async Task<MentoringResult<MentoringRequest>> ProposeAsync(int id, IReadOnlyList<DateTime> timesUtc, MentoringActor actor, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadAsync(id, actor, cancellationToken);
        if (loaded.Value is not { } session)
        {
            return loaded.As<MentoringRequest>();
        }

        if (!Allowed(session).Propose)
        {
            return Refuse<MentoringRequest>(session, "propose other times", notTheirs: IsOpen(session.Request));
        }

        if (CheckTimes(timesUtc) is { } problem)
        {
            return MentoringResult<MentoringRequest>.Fail(MentoringFailure.InvalidTimes, problem);
        }

        var request = session.Request;
        var by = session.ViewerParty!.Value;
        request.Round++;
        request.ProposedTimes.AddRange(Distinct(timesUtc).Select(t => new ProposedTime { StartsAt = t, ProposedBy = by, Round = request.Round }));
        request.State = by == MentoringParty.Author ? MentoringState.AlternativesProposed : MentoringState.Requested;
        NoteAuthorAnswer(session);
        Touch(request);

        var other = session.Other;
        if (other.UserId is not null)
        {
            var times = string.Join(", ", Distinct(timesUtc).Select(t => FormatFor(other, t)));
            notifications.Notify(
                other.UserId,
                $"{session.Viewer.Name} proposed other times for the session on “{session.ModuleTitle}”.",
                Link(id),
                MailTo(other, $"Other times proposed: {session.ModuleTitle}",
                    $"{session.Viewer.Name} proposed other times for the follow-up session on “{session.ModuleTitle}”.\n\n" +
                    $"Times ({other.TimeZoneId}): {times}\n\nChoose one or propose others: {actor.SiteUrl}{Link(id)}"));
        }

        return await SaveAsync(request, cancellationToken);
    }

    public async Task<MentoringResult<MentoringRequest>> DeclineAsync(int id, string? note, MentoringActor actor, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadAsync(id, actor, cancellationToken);
        if (loaded.Value is not { } session)
        {
            return loaded.As<MentoringRequest>();
        }

        if (!Allowed(session).Decline)
        {
            return Refuse<MentoringRequest>(session, "decline this request", notTheirs: session.ViewerParty == MentoringParty.Learner);
        }

        var text = note?.Trim() ?? "";
        if (text.Length == 0)
        {
            return MentoringResult<MentoringRequest>.Fail(MentoringFailure.Invalid, $"Add a short note for {session.Learner.FirstName}: why not, or who could help instead.");
        }

        if (text.Length > MentoringRequest.NoteMaxLength)
        {
            return MentoringResult<MentoringRequest>.Fail(MentoringFailure.Invalid, $"Keep the note under {MentoringRequest.NoteMaxLength:N0} characters.");
        }

        var request = session.Request;
        request.State = MentoringState.Declined;
        NoteAuthorAnswer(session);
        request.DeclineNote = text;
        Touch(request);
        if (session.Learner.UserId is not null)
        {
            notifications.Notify(
                session.Learner.UserId,
                $"{session.Author.Name} declined your request for a session on “{session.ModuleTitle}”.",
                Link(id),
                MailTo(session.Learner, $"Request declined: {session.ModuleTitle}",
                    $"{session.Author.Name} declined your request for a follow-up session on “{session.ModuleTitle}”.\n\nTheir note:\n{text}\n\n{actor.SiteUrl}{Link(id)}"));
        }

        return await SaveAsync(request, cancellationToken);
    }

    /// <summary>The learner takes back a request that has not been accepted.</summary>
    public async Task<MentoringResult<MentoringRequest>> WithdrawAsync(int id, MentoringActor actor, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadAsync(id, actor, cancellationToken);
        if (loaded.Value is not { } session)
        {
            return loaded.As<MentoringRequest>();
        }

        if (!Allowed(session).Withdraw)
        {
            return Refuse<MentoringRequest>(session, "withdraw this request", notTheirs: session.ViewerParty == MentoringParty.Author);
        }

        var request = session.Request;
        request.State = MentoringState.Withdrawn;
        Touch(request);
        if (session.Author.UserId is not null)
        {
            notifications.Notify(
                session.Author.UserId,
                $"{session.Learner.Name} withdrew their request for a session on “{session.ModuleTitle}”.",
                Link(id),
                MailTo(session.Author, $"Request withdrawn: {session.ModuleTitle}",
                    $"{session.Learner.Name} withdrew their request for a follow-up session on “{session.ModuleTitle}”. Nothing else is needed from you.\n\n{actor.SiteUrl}{Link(id)}"));
        }

        return await SaveAsync(request, cancellationToken);
    }

    /// <summary>Either person cancels an accepted session; both get the calendar cancellation.</summary>
    public async Task<MentoringResult<MentoringRequest>> CancelAsync(int id, string? note, MentoringActor actor, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadAsync(id, actor, cancellationToken);
        if (loaded.Value is not { } session)
        {
            return loaded.As<MentoringRequest>();
        }

        if (!Allowed(session).Cancel)
        {
            return Refuse<MentoringRequest>(session, "cancel this session", notTheirs: false);
        }

        var text = note?.Trim() ?? "";
        if (text.Length > MentoringRequest.NoteMaxLength)
        {
            return MentoringResult<MentoringRequest>.Fail(MentoringFailure.Invalid, $"Keep the note under {MentoringRequest.NoteMaxLength:N0} characters.");
        }

        var request = session.Request;
        request.State = MentoringState.Cancelled;
        request.CancelNote = text.Length == 0 ? null : text;
        request.CancelledBy = session.ViewerParty;
        request.Sequence++;
        Touch(request);

        var cancellation = Invitation(session, actor.SiteUrl);
        var other = session.Other;
        var reason = text.Length == 0 ? "" : $"\n\nTheir note:\n{text}";
        if (other.UserId is not null)
        {
            notifications.Notify(
                other.UserId,
                $"{session.Viewer.Name} cancelled the session on “{session.ModuleTitle}” at {FormatFor(other, request.StartsAt!.Value)}.",
                Link(id),
                MailTo(other, $"Session cancelled: {session.ModuleTitle}",
                    $"{session.Viewer.Name} cancelled the follow-up session on “{session.ModuleTitle}” at {FormatFor(other, request.StartsAt!.Value)}.{reason}\n\n" +
                    $"The attached cancellation removes it from your calendar.\n\n{actor.SiteUrl}{Link(id)}",
                    cancellation));
        }

        if (MailTo(session.Viewer, $"Session cancelled: {session.ModuleTitle}",
                $"You cancelled the follow-up session on “{session.ModuleTitle}” at {FormatFor(session.Viewer, request.StartsAt!.Value)}. " +
                $"The attached cancellation removes it from your calendar.\n\n{actor.SiteUrl}{Link(id)}",
                cancellation) is { } own)
        {
            notifications.QueueMail(own, session.Viewer.UserId);
        }

        return await SaveAsync(request, cancellationToken);
    }

    /// <summary>Either person says the session took place; possible once it has started.</summary>
    public async Task<MentoringResult<MentoringRequest>> MarkHeldAsync(int id, MentoringActor actor, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadAsync(id, actor, cancellationToken);
        if (loaded.Value is not { } session)
        {
            return loaded.As<MentoringRequest>();
        }

        if (!Allowed(session).MarkHeld)
        {
            if (session.ViewerParty is not null && session.Request.State == MentoringState.Accepted)
            {
                return MentoringResult<MentoringRequest>.Fail(MentoringFailure.WrongState, "The session has not started yet. Mark it as held once it has taken place.");
            }

            return Refuse<MentoringRequest>(session, "mark this session as held", notTheirs: false);
        }

        var request = session.Request;
        request.State = MentoringState.Held;
        Touch(request);
        var other = session.Other;
        if (other.UserId is not null)
        {
            notifications.Notify(
                other.UserId,
                $"{session.Viewer.Name} marked the session on “{session.ModuleTitle}” as held. How did it go? Leave short feedback.",
                Link(id),
                MailTo(other, $"Session held: {session.ModuleTitle}",
                    $"{session.Viewer.Name} marked your follow-up session on “{session.ModuleTitle}” as held.\n\nHow did it go? Leave short feedback: {actor.SiteUrl}{Link(id)}"));
        }

        return await SaveAsync(request, cancellationToken);
    }

    public async Task<MentoringResult<MentoringRequest>> GiveFeedbackAsync(int id, string? text, MentoringActor actor, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadAsync(id, actor, cancellationToken);
        if (loaded.Value is not { } session)
        {
            return loaded.As<MentoringRequest>();
        }

        if (!Allowed(session).GiveFeedback)
        {
            return session.Request.State == MentoringState.Held && session.ViewerParty is not null
                ? MentoringResult<MentoringRequest>.Fail(MentoringFailure.WrongState, "You have already given feedback on this session.")
                : Refuse<MentoringRequest>(session, "give feedback on this session", notTheirs: false);
        }

        var feedback = text?.Trim() ?? "";
        if (feedback.Length == 0)
        {
            return MentoringResult<MentoringRequest>.Fail(MentoringFailure.Invalid, "Write a sentence or two about the session.");
        }

        if (feedback.Length > SessionFeedback.TextMaxLength)
        {
            return MentoringResult<MentoringRequest>.Fail(MentoringFailure.Invalid, $"Keep the feedback under {SessionFeedback.TextMaxLength:N0} characters.");
        }

        var request = session.Request;
        request.Feedback.Add(new SessionFeedback { UserId = actor.UserId, Text = feedback, CreatedAt = Now });
        Touch(request);
        var other = session.Other;
        if (other.UserId is not null)
        {
            notifications.Notify(
                other.UserId,
                $"{session.Viewer.Name} left feedback on your session about “{session.ModuleTitle}”.",
                Link(id),
                MailTo(other, $"Feedback on your session: {session.ModuleTitle}",
                    $"{session.Viewer.Name} left feedback on your follow-up session about “{session.ModuleTitle}”:\n\n{feedback}\n\n{actor.SiteUrl}{Link(id)}"));
        }

        return await SaveAsync(request, cancellationToken);
    }

    /// <summary>A request as its learner, its author or an admin sees it; NotFound for anyone else.</summary>
    public async Task<MentoringResult<MentoringRequestView>> FindAsync(int id, MentoringActor actor, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadAsync(id, actor, cancellationToken, tracking: false);
        if (loaded.Value is not { } session)
        {
            return loaded.As<MentoringRequestView>();
        }

        var request = session.Request;
        var actions = Allowed(session);
        return MentoringResult<MentoringRequestView>.Ok(new MentoringRequestView(
            request.Id,
            session.ModuleSlug,
            session.ModuleTitle,
            session.Learner,
            session.Author,
            session.ViewerParty,
            request.State,
            request.Message,
            request.DurationMinutes,
            request.StartsAt,
            request.EndsAt,
            request.Round,
            request.ProposedTimes.OrderBy(t => t.Round).ThenBy(t => t.StartsAt).Select(t => new ProposedTimeView(t.Id, t.StartsAt, t.ProposedBy, t.Round)).ToList(),
            request.DeclineNote,
            request.CancelNote,
            request.CancelledBy,
            request.Feedback.OrderBy(f => f.CreatedAt)
                .Select(f => new FeedbackView(f.UserId is not null && f.UserId == request.LearnerId ? MentoringParty.Learner : MentoringParty.Author, f.Text, f.CreatedAt))
                .ToList(),
            request.CreatedAt,
            actions,
            request.Place));
    }

    /// <summary>Requests to the user as an author and the user's own requests as a learner, latest activity first.</summary>
    public async Task<MentoringInbox> InboxAsync(string userId, CancellationToken cancellationToken = default)
    {
        var rows = await db.MentoringRequests.AsNoTracking()
            .Where(r => r.AuthorId == userId || r.LearnerId == userId)
            .OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id)
            .Select(r => new
            {
                r.Id,
                r.AuthorId,
                r.LearnerId,
                Title = r.Module.PublishedRevision != null ? r.Module.PublishedRevision.Title : r.Module.Revisions.OrderByDescending(v => v.Number).Select(v => v.Title).FirstOrDefault(),
                AuthorName = db.Users.Where(u => u.Id == r.AuthorId).Select(u => db.People.Where(p => p.Id == u.PersonId).Select(p => p.Name).FirstOrDefault() ?? u.UserName).FirstOrDefault(),
                LearnerName = db.Users.Where(u => u.Id == r.LearnerId).Select(u => db.People.Where(p => p.Id == u.PersonId).Select(p => p.Name).FirstOrDefault() ?? u.UserName).FirstOrDefault(),
                r.State,
                r.StartsAt,
                Times = r.ProposedTimes.Where(t => t.Round == r.Round).OrderBy(t => t.StartsAt).Select(t => t.StartsAt).ToList(),
                r.UpdatedAt,
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var toYou = rows.Where(r => r.AuthorId == userId)
            .Select(r => new InboxEntry(r.Id, r.Title ?? "", r.LearnerName ?? MentoringPerson.Gone.Name, r.State, r.StartsAt, r.Times, r.UpdatedAt))
            .ToList();
        var yours = rows.Where(r => r.LearnerId == userId)
            .Select(r => new InboxEntry(r.Id, r.Title ?? "", r.AuthorName ?? MentoringPerson.Gone.Name, r.State, r.StartsAt, r.Times, r.UpdatedAt))
            .ToList();
        return new MentoringInbox(toYou, yours);
    }

    /// <summary>The invitation for an accepted (or held) session, or its cancellation; only for the two people in it.</summary>
    public async Task<MentoringResult<CalendarFile>> CalendarFileAsync(int id, MentoringActor actor, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadAsync(id, actor with { IsAdmin = false }, cancellationToken, tracking: false);
        if (loaded.Value is not { } session)
        {
            return loaded.As<CalendarFile>();
        }

        if (session.Request.StartsAt is null || session.Request.State is not (MentoringState.Accepted or MentoringState.Held or MentoringState.Cancelled))
        {
            return MentoringResult<CalendarFile>.Fail(MentoringFailure.NotFound, "This request has no session in the calendar yet.");
        }

        var attachment = Invitation(session, actor.SiteUrl);
        return attachment is null
            ? MentoringResult<CalendarFile>.Fail(MentoringFailure.NotFound, "One of the two accounts no longer exists.")
            : MentoringResult<CalendarFile>.Ok(new CalendarFile(attachment.FileName, attachment.MediaType, attachment.Content));
    }

    /// <summary>
    /// Held sessions a person gave (as author) and received (as learner). Who each was with is shown only to the two
    /// people in it and to admins.
    /// </summary>
    public async Task<SessionCounts> SessionsAsync(string personUsername, string? viewerUserId, bool viewerIsAdmin, CancellationToken cancellationToken = default)
    {
        var userId = await db.Users.AsNoTracking()
            .Where(u => db.People.Any(p => p.Id == u.PersonId && p.Username == personUsername))
            .Select(u => u.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (userId is null)
        {
            return new SessionCounts([], []);
        }

        var rows = await db.MentoringRequests.AsNoTracking()
            .Where(r => r.State == MentoringState.Held && (r.AuthorId == userId || r.LearnerId == userId))
            .OrderByDescending(r => r.StartsAt)
            .Select(r => new
            {
                r.Id,
                r.AuthorId,
                r.LearnerId,
                r.Module.Slug,
                Title = r.Module.PublishedRevision != null ? r.Module.PublishedRevision.Title : r.Module.Revisions.OrderByDescending(v => v.Number).Select(v => v.Title).FirstOrDefault(),
                StartsAt = r.StartsAt!.Value,
                AuthorName = db.Users.Where(u => u.Id == r.AuthorId).Select(u => db.People.Where(p => p.Id == u.PersonId).Select(p => p.Name).FirstOrDefault() ?? u.UserName).FirstOrDefault(),
                LearnerName = db.Users.Where(u => u.Id == r.LearnerId).Select(u => db.People.Where(p => p.Id == u.PersonId).Select(p => p.Name).FirstOrDefault() ?? u.UserName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        bool MaySee(string? authorId, string? learnerId) =>
            viewerIsAdmin || (viewerUserId is not null && (viewerUserId == authorId || viewerUserId == learnerId));

        var given = rows.Where(r => r.AuthorId == userId)
            .Select(r => new SessionRecord(r.Id, r.Slug, r.Title ?? r.Slug, r.StartsAt, MaySee(r.AuthorId, r.LearnerId) ? r.LearnerName ?? MentoringPerson.Gone.Name : null))
            .ToList();
        var received = rows.Where(r => r.LearnerId == userId)
            .Select(r => new SessionRecord(r.Id, r.Slug, r.Title ?? r.Slug, r.StartsAt, MaySee(r.AuthorId, r.LearnerId) ? r.AuthorName ?? MentoringPerson.Gone.Name : null))
            .ToList();
        return new SessionCounts(given, received);
    }

    /// <summary>
    /// Per module, the author's open requests (waiting for either person) and the sessions they held, in one query
    /// whatever the number of modules. The same states the mentoring inbox and the profile count.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, AuthorMentoringCounts>> CountsForAuthorAsync(string authorUserId, IReadOnlyCollection<int> moduleIds, CancellationToken cancellationToken = default)
    {
        var counts = await db.MentoringRequests.AsNoTracking()
            .Where(r => r.AuthorId == authorUserId && moduleIds.Contains(r.ModuleId))
            .GroupBy(r => r.ModuleId)
            .Select(g => new
            {
                ModuleId = g.Key,
                Open = g.Count(r => r.State == MentoringState.Requested || r.State == MentoringState.AlternativesProposed),
                Held = g.Count(r => r.State == MentoringState.Held),
            })
            .ToDictionaryAsync(x => x.ModuleId, cancellationToken);
        return moduleIds.Distinct().ToDictionary(
            id => id,
            id => counts.TryGetValue(id, out var c) ? new AuthorMentoringCounts(c.Open, c.Held) : AuthorMentoringCounts.None);
    }

    /// <summary>What the viewer may do now. The one place the rules live: pages show these, actions check them.</summary>
    private MentoringActions Allowed(LoadedRequest session)
    {
        var request = session.Request;
        var party = session.ViewerParty;
        if (party is null)
        {
            return MentoringActions.None;
        }

        var isAuthor = party == MentoringParty.Author;
        var answering = (request.State == MentoringState.Requested && isAuthor) || (request.State == MentoringState.AlternativesProposed && !isAuthor);
        var open = request.State is MentoringState.Requested or MentoringState.AlternativesProposed;
        var accepted = request.State == MentoringState.Accepted;
        var gaveFeedback = request.Feedback.Any(f => f.UserId == session.ViewerUserId);
        return new MentoringActions(
            Accept: answering && request.ProposedTimes.Any(t => t.Round == request.Round && t.ProposedBy != party && t.StartsAt > Now),
            Propose: answering,
            Decline: open && isAuthor,
            Withdraw: open && !isAuthor,
            Cancel: accepted,
            MarkHeld: accepted && request.StartsAt <= Now,
            GiveFeedback: request.State == MentoringState.Held && !gaveFeedback,
            SetPlace: accepted && isAuthor);
    }

    private static bool IsOpen(MentoringRequest request) => request.State is MentoringState.Requested or MentoringState.AlternativesProposed;

    /// <summary>
    /// NotAllowed when the step is never this person's to take here (someone outside the request, the learner
    /// declining, either person answering their own times); WrongState when the request has moved on, often in another tab.
    /// </summary>
    private static MentoringResult<T> Refuse<T>(LoadedRequest session, string what, bool notTheirs)
    {
        if (session.ViewerParty is null)
        {
            return MentoringResult<T>.Fail(MentoringFailure.NotAllowed, $"Only the two people in this request can {what}.");
        }

        // The neutral words: "waiting for you to answer" would contradict "it is the other person's turn".
        var state = MentoringStates.Describe(session.Request.State, viewer: null).ToLower(CultureInfo.InvariantCulture);
        return notTheirs
            ? MentoringResult<T>.Fail(MentoringFailure.NotAllowed, $"You cannot {what} now: this request is “{state}” and it is the other person's turn.")
            : MentoringResult<T>.Fail(MentoringFailure.WrongState, $"You cannot {what} now: this request is “{state}”. It may have changed since you opened the page; here it is as it is now.");
    }

    private string? CheckTimes(IReadOnlyList<DateTime> timesUtc)
    {
        if (timesUtc.Count == 0)
        {
            return "Propose at least one time.";
        }

        if (timesUtc.Count > MaxProposedTimes)
        {
            return $"Propose at most {MaxProposedTimes} times.";
        }

        if (Distinct(timesUtc).Count != timesUtc.Count)
        {
            return "Each proposed time must be different.";
        }

        var now = Now;
        if (timesUtc.Any(t => t <= now))
        {
            return "Proposed times must be in the future.";
        }

        if (timesUtc.Any(t => t > now + FurthestAhead))
        {
            return "Proposed times must be within a year from now.";
        }

        return null;
    }

    private static List<DateTime> Distinct(IEnumerable<DateTime> times) =>
        times.Select(t => DateTime.SpecifyKind(t, DateTimeKind.Utc)).Distinct().OrderBy(t => t).ToList();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private void NoteAuthorAnswer(LoadedRequest session)
    {
        if (session.ViewerParty == MentoringParty.Author)
        {
            session.Request.AuthorAnsweredAt ??= Now;
        }
    }

    private void Touch(MentoringRequest request)
    {
        request.UpdatedAt = Now;
        request.Version++;
    }

    private async Task<MentoringResult<MentoringRequest>> SaveAsync(MentoringRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return MentoringResult<MentoringRequest>.Fail(MentoringFailure.WrongState, "Someone changed this request at the same moment. Here it is as it is now; try again if it still applies.");
        }

        return MentoringResult<MentoringRequest>.Ok(request);
    }

    private static string Link(int id) => $"/mentoring/{id}";

    private static string FormatFor(MentoringPerson person, DateTime utc)
    {
        var zone = FindZone(person.TimeZoneId);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return local.ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " " + zone.Id;
    }

    private static TimeZoneInfo FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    private static OutgoingMail? MailTo(MentoringPerson person, string subject, string body, EmailAttachment? attachment = null) =>
        string.IsNullOrWhiteSpace(person.Email) ? null : new OutgoingMail(person.Email, SingleLineText.Clean(subject), body, attachment);

    private static string AcceptedBody(LoadedRequest session, MentoringPerson to, MentoringPerson with, string siteUrl) =>
        $"Your follow-up session with {with.Name} on “{session.ModuleTitle}” is booked for {FormatFor(to, session.Request.StartsAt!.Value)} " +
        $"({session.Request.DurationMinutes} minutes).{PlaceLine(session.Request.Place)}\n\nThe calendar invitation is attached.\n\n{siteUrl}{Link(session.Request.Id)}";

    private static string PlaceLine(string? place) =>
        place is null ? "" : SessionPlace.IsLink(place) ? $"\n\nMeeting link: {place}" : $"\n\nRoom: {place}";

    /// <summary>The calendar file for the session as it stands: an invitation, or a cancellation once cancelled.</summary>
    private static EmailAttachment? Invitation(LoadedRequest session, string siteUrl)
    {
        var request = session.Request;
        if (request.StartsAt is not { } start || session.Author.Email is null || session.Learner.Email is null)
        {
            return null;
        }

        var cancelled = request.State == MentoringState.Cancelled;
        var joinLine = SessionPlace.IsLink(request.Place) ? $"Meeting link: {request.Place}\n\n" : "";
        var description = $"{joinLine}{session.Learner.Name} asked:\n{request.Message}\n\n{siteUrl}{Link(request.Id)}";
        var content = CalendarInvitation.Write(new CalendarEvent(
            request.CalendarUid,
            request.Sequence,
            request.UpdatedAt,
            start,
            request.EndsAt ?? start.AddMinutes(request.DurationMinutes),
            session.ModuleTitle,
            description,
            session.Author.Name,
            session.Author.Email,
            session.Learner.Name,
            session.Learner.Email,
            cancelled,
            request.Place));
        return new EmailAttachment(cancelled ? "cancellation.ics" : "invitation.ics", CalendarInvitation.MediaType(cancelled), content);
    }

    private sealed record Target(string Title, MentoringPerson Author);

    private async Task<Target?> FindTargetAsync(string moduleSlug, string authorUsername, CancellationToken cancellationToken)
    {
        var module = await db.Modules.AsNoTracking()
            .Where(m => m.Slug == moduleSlug && m.Status == ModuleStatus.Published && m.PublishedRevision != null)
            .Select(m => new
            {
                m.PublishedRevision!.Title,
                Author = m.PublishedRevision.Authors.Where(a => a.Person.Username == authorUsername).Select(a => a.Person).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (module?.Author is not { } person)
        {
            return null;
        }

        var user = await db.Users.AsNoTracking().Where(u => u.PersonId == person.Id).Select(u => new { u.Id, u.Email, u.TimeZoneId }).FirstOrDefaultAsync(cancellationToken);
        return new Target(module.Title, new MentoringPerson(user?.Id, person.Username, person.Name, user?.Email ?? person.Email, user?.TimeZoneId ?? "UTC"));
    }

    private async Task<MentoringPerson> PersonAsync(string? userId, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            return MentoringPerson.Gone;
        }

        var person = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.Email,
                u.TimeZoneId,
                Name = db.People.Where(p => p.Id == u.PersonId).Select(p => p.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return person is null
            ? MentoringPerson.Gone
            : new MentoringPerson(person.Id, person.UserName ?? "", person.Name ?? person.UserName ?? "", person.Email, person.TimeZoneId);
    }

    private sealed record LoadedRequest(MentoringRequest Request, string ModuleSlug, string ModuleTitle, MentoringPerson Learner, MentoringPerson Author, string ViewerUserId, MentoringParty? ViewerParty)
    {
        public MentoringPerson Viewer => ViewerParty == MentoringParty.Author ? Author : Learner;

        public MentoringPerson Other => ViewerParty == MentoringParty.Author ? Learner : Author;
    }

    private async Task<MentoringResult<LoadedRequest>> LoadAsync(int id, MentoringActor actor, CancellationToken cancellationToken, bool tracking = true)
    {
        var query = db.MentoringRequests.Include(r => r.ProposedTimes).Include(r => r.Feedback).AsSplitQuery();
        var request = await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        MentoringParty? party = request is null ? null
            : request.LearnerId == actor.UserId ? MentoringParty.Learner
            : request.AuthorId == actor.UserId ? MentoringParty.Author
            : null;

        // Someone else's request is not found, not forbidden: its existence is private to the two people (and admins).
        if (request is null || (party is null && !actor.IsAdmin))
        {
            return MentoringResult<LoadedRequest>.Fail(MentoringFailure.NotFound, "There is no such mentoring request.");
        }

        var module = await db.Modules.AsNoTracking()
            .Where(m => m.Id == request.ModuleId)
            .Select(m => new
            {
                m.Slug,
                Title = m.PublishedRevision != null ? m.PublishedRevision.Title : m.Revisions.OrderByDescending(v => v.Number).Select(v => v.Title).FirstOrDefault(),
            })
            .FirstAsync(cancellationToken);
        var learner = await PersonAsync(request.LearnerId, cancellationToken);
        var author = await PersonAsync(request.AuthorId, cancellationToken);
        return MentoringResult<LoadedRequest>.Ok(new LoadedRequest(request, module.Slug, module.Title ?? module.Slug, learner, author, actor.UserId, party));
    }
}
