using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Mentoring.Availability;

namespace SkillBridge.Core.Mentoring;

/// <summary>Booked sessions: where they happen, the free times they leave, and the author's list of upcoming ones.</summary>
public sealed partial class MentoringService
{
    /// <summary>The author sets or changes where an accepted session happens; the learner gets the updated invitation.</summary>
    public async Task<MentoringResult<MentoringRequest>> SetPlaceAsync(int id, string? place, MentoringActor actor, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadAsync(id, actor, cancellationToken);
        if (loaded.Value is not { } session)
        {
            return loaded.As<MentoringRequest>();
        }

        if (!Allowed(session).SetPlace)
        {
            return Refuse<MentoringRequest>(session, "set the place", notTheirs: session.ViewerParty == MentoringParty.Learner && session.Request.State == MentoringState.Accepted);
        }

        var (checkedPlace, problem) = SessionPlace.Check(place);
        if (problem is not null)
        {
            return MentoringResult<MentoringRequest>.Fail(MentoringFailure.InvalidPlace, problem);
        }

        var request = session.Request;
        if (checkedPlace == request.Place)
        {
            return MentoringResult<MentoringRequest>.Ok(request);
        }

        request.Place = checkedPlace;
        request.Sequence++;
        Touch(request);
        var invitation = Invitation(session, actor.SiteUrl);
        var where = checkedPlace is null ? "removed the place" : $"set the place to {checkedPlace}";
        if (session.Learner.UserId is not null)
        {
            notifications.Notify(
                session.Learner.UserId,
                $"{session.Author.Name} {where} for the session on “{session.ModuleTitle}”.",
                Link(id),
                MailTo(session.Learner, $"Session updated: {session.ModuleTitle}",
                    $"{session.Author.Name} {where} for your follow-up session on “{session.ModuleTitle}” at {FormatFor(session.Learner, request.StartsAt!.Value)}." +
                    $"\n\nThe attached invitation updates your calendar.\n\n{actor.SiteUrl}{Link(id)}",
                    invitation));
        }

        return await SaveAsync(request, cancellationToken);
    }

    /// <summary>The author's accepted sessions that have not ended yet, soonest first.</summary>
    public async Task<IReadOnlyList<UpcomingSession>> UpcomingForAuthorAsync(string authorUserId, int limit = 20, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var rows = await db.MentoringRequests.AsNoTracking()
            .Where(r => r.AuthorId == authorUserId && r.State == MentoringState.Accepted && r.EndsAt > now)
            .OrderBy(r => r.StartsAt).ThenBy(r => r.Id)
            .Take(limit)
            .Select(r => new
            {
                r.Id,
                Title = r.Module.PublishedRevision != null ? r.Module.PublishedRevision.Title : r.Module.Revisions.OrderByDescending(v => v.Number).Select(v => v.Title).FirstOrDefault(),
                LearnerName = db.Users.Where(u => u.Id == r.LearnerId).Select(u => db.People.Where(p => p.Id == u.PersonId).Select(p => p.Name).FirstOrDefault() ?? u.UserName).FirstOrDefault(),
                StartsAt = r.StartsAt!.Value,
                EndsAt = r.EndsAt!.Value,
                r.Place,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new UpcomingSession(r.Id, r.Title ?? "", r.LearnerName ?? MentoringPerson.Gone.Name, r.StartsAt, r.EndsAt, r.Place)).ToList();
    }

    /// <summary>Why a picked free time cannot be booked any more, or null when it still can.</summary>
    private async Task<string?> SlotProblemAsync(MentoringPerson author, DateTime picked, int minutes, CancellationToken cancellationToken)
    {
        picked = DateTime.SpecifyKind(picked, DateTimeKind.Utc);
        if (!(await availability.FreeSlotsAsync(author.UserId!, cancellationToken: cancellationToken)).Contains(picked))
        {
            return $"That time has just been taken, or {author.FirstName} is no longer free then. Nothing was sent: choose another of the free times, or propose your own.";
        }

        if (minutes > AvailabilityRules.ShortestMinutes && !(await availability.FreeSlotsAsync(author.UserId!, minutes, cancellationToken)).Contains(picked))
        {
            return $"{author.FirstName} is free for less than {minutes} minutes from that time. Nothing was sent: choose a shorter session or another time.";
        }

        return null;
    }
}
