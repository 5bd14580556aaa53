using Microsoft.EntityFrameworkCore;

namespace SkillBridge.Core.Mentoring;

/// <summary>What happens to mentoring when a person leaves: their account is deleted, or a curator hands their modules over.</summary>
public sealed partial class MentoringService
{
    /// <summary>
    /// For an account being deleted, inside the deletion's transaction (the caller saves, then sends the queued mail):
    /// requests still open are withdrawn (their own, as the learner) or cancelled (those waiting for them, as the
    /// author), and sessions booked for later are cancelled with the calendar cancellation. The other person is told
    /// the account is gone. Held sessions, and booked ones that have already started, stay as they are.
    /// </summary>
    /// <returns>How many requests and sessions were ended.</returns>
    public async Task<int> EndForLeavingAccountAsync(string userId, string siteUrl, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var ids = await db.MentoringRequests
            .Where(r => r.LearnerId == userId || r.AuthorId == userId)
            .Where(r => r.State == MentoringState.Requested || r.State == MentoringState.AlternativesProposed || (r.State == MentoringState.Accepted && r.StartsAt > now))
            .OrderBy(r => r.Id)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        var actor = new MentoringActor(userId, IsAdmin: false, siteUrl);
        foreach (var id in ids)
        {
            var session = (await LoadAsync(id, actor, cancellationToken)).Value!;
            var request = session.Request;
            var leaving = session.Viewer;
            var other = session.Other;
            var booked = request.State == MentoringState.Accepted;
            if (booked)
            {
                request.State = MentoringState.Cancelled;
                request.CancelledBy = session.ViewerParty;
                request.Sequence++;
            }
            else if (session.ViewerParty == MentoringParty.Learner)
            {
                request.State = MentoringState.Withdrawn;
            }
            else
            {
                request.State = MentoringState.Cancelled;
                request.CancelledBy = MentoringParty.Author;
            }

            Touch(request);
            if (other.UserId is null)
            {
                continue;
            }

            var link = Link(id);
            var (text, subject) = booked
                ? ($"{leaving.Name} is no longer on SkillBridge, so the session on “{session.ModuleTitle}” at {FormatFor(other, request.StartsAt!.Value)} is cancelled.", $"Session cancelled: {session.ModuleTitle}")
                : session.ViewerParty == MentoringParty.Learner
                    ? ($"{leaving.Name} is no longer on SkillBridge, so their request for a session on “{session.ModuleTitle}” is withdrawn.", $"Request withdrawn: {session.ModuleTitle}")
                    : ($"{leaving.Name} is no longer on SkillBridge, so your request for a session on “{session.ModuleTitle}” is closed. Another author of the module may be able to help.", $"Request closed: {session.ModuleTitle}");
            var body = booked
                ? $"{text}\n\nThe attached cancellation removes it from your calendar.\n\n{siteUrl}{link}"
                : $"{text}\n\n{siteUrl}{link}";
            notifications.Notify(other.UserId, text, link, MailTo(other, subject, body, booked ? Invitation(session, siteUrl) : null));
        }

        return ids.Count;
    }

    /// <summary>
    /// A curator's hand-over, inside its transaction (the caller saves, then sends the queued mail): open requests to
    /// the leaving author go to the new author, and the learner and the new author are told. Where the leaving author
    /// had proposed other times, those no longer stand: the learner's latest times that are still ahead are on offer
    /// again and it is the new author's turn. Booked sessions stay with the leaving author. A request the new author
    /// made themselves stays where it is (nobody asks themselves).
    /// </summary>
    /// <returns>How many requests moved.</returns>
    public async Task<int> HandOverOpenRequestsAsync(string fromUserId, string toUserId, string siteUrl, CancellationToken cancellationToken = default)
    {
        var ids = await db.MentoringRequests
            .Where(r => r.AuthorId == fromUserId && r.LearnerId != toUserId)
            .Where(r => r.State == MentoringState.Requested || r.State == MentoringState.AlternativesProposed)
            .OrderBy(r => r.Id)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        var now = Now;
        var actor = new MentoringActor(fromUserId, IsAdmin: false, siteUrl);
        var newAuthor = await PersonAsync(toUserId, cancellationToken);
        foreach (var id in ids)
        {
            var session = (await LoadAsync(id, actor, cancellationToken)).Value!;
            var request = session.Request;
            if (request.State == MentoringState.AlternativesProposed)
            {
                var learnersLatest = request.ProposedTimes.Where(t => t.ProposedBy == MentoringParty.Learner).Select(t => t.Round).DefaultIfEmpty(0).Max();
                request.Round++;
                request.ProposedTimes.AddRange(request.ProposedTimes
                    .Where(t => t.ProposedBy == MentoringParty.Learner && t.Round == learnersLatest && t.StartsAt > now)
                    .Select(t => new ProposedTime { StartsAt = t.StartsAt, ProposedBy = MentoringParty.Learner, Round = request.Round })
                    .ToList());
                request.State = MentoringState.Requested;
            }

            request.AuthorId = toUserId;
            Touch(request);

            var link = Link(id);
            var learner = session.Learner;
            if (learner.UserId is not null)
            {
                var text = $"{newAuthor.Name} now looks after “{session.ModuleTitle}”, so your request for a session goes to them instead of {session.Author.Name}.";
                notifications.Notify(learner.UserId, text, link, MailTo(learner, $"Your request now goes to {newAuthor.Name}", $"{text}\n\n{siteUrl}{link}"));
            }

            var forAuthor = $"{learner.Name} asked {session.Author.Name} for a follow-up session on “{session.ModuleTitle}”. You look after the module now, so the request is yours to answer.";
            notifications.Notify(toUserId, forAuthor, link, MailTo(newAuthor, $"A mentoring request handed over to you: {session.ModuleTitle}",
                $"{forAuthor}\n\nTheir message:\n{request.Message}\n\nAccept a time, propose others or decline: {siteUrl}{link}"));
        }

        return ids.Count;
    }
}
