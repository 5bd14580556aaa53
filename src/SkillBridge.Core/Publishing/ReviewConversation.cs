using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Data;
using SkillBridge.Core.Notifications;

namespace SkillBridge.Core.Publishing;

/// <summary>A module's review conversation, oldest first, and whether the viewer may reply.</summary>
public sealed record ReviewThread(string Slug, string Title, IReadOnlyList<ReviewComment> Comments, bool IsCurator);

/// <summary>
/// The review conversation of a module with a draft: the curators' requests for changes and the replies of curators
/// and authors, in order. A reply tells the other side (<see cref="WorkflowNotifications.RepliedAsync"/>).
/// </summary>
public sealed class ReviewConversation(SkillBridgeDbContext db, DraftEditor drafts, WorkflowNotifications notify, TimeProvider clock)
{
    public async Task<AuthoringResult<ReviewThread>> ThreadAsync(string slug, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var draft = await db.ModuleDrafts.AsNoTracking().Where(d => d.Module.Slug == slug)
            .Select(d => new { d.ModuleId, d.Title, d.Authors })
            .FirstOrDefaultAsync(cancellationToken);
        if (!actor.IsCurator && (draft is null || !actor.MayEdit(draft.Authors)))
        {
            return AuthoringResult<ReviewThread>.Fail(AuthoringFailure.Forbidden, "Only the module's authors and curators take part in its review.");
        }

        if (draft is null)
        {
            return AuthoringResult<ReviewThread>.Fail(AuthoringFailure.NotFound, "This module has no draft in review.");
        }

        var comments = await drafts.CommentsAsync(draft.ModuleId, cancellationToken);
        return AuthoringResult<ReviewThread>.Ok(new ReviewThread(slug, draft.Title, comments, actor.IsCurator));
    }

    public async Task<AuthoringResult<ReviewComment>> ReplyAsync(string slug, Actor actor, string? text, CancellationToken cancellationToken = default)
    {
        var thread = await ThreadAsync(slug, actor, cancellationToken);
        if (thread.Value is not { } found)
        {
            return thread.As<ReviewComment>();
        }

        var reply = text?.Trim() ?? "";
        if (reply.Length == 0)
        {
            return AuthoringResult<ReviewComment>.Invalid([new("Reply", "Write your reply.")]);
        }

        if (reply.Length > ReviewComment.TextMaxLength)
        {
            return AuthoringResult<ReviewComment>.Invalid([new("Reply", $"Keep the reply to {ReviewComment.TextMaxLength:N0} characters; it has {reply.Length:N0}.")]);
        }

        var draft = await db.ModuleDrafts.AsNoTracking().Where(d => d.Module.Slug == slug).Select(d => new { d.ModuleId, d.Authors }).FirstAsync(cancellationToken);
        var comment = new ReviewComment { ModuleId = draft.ModuleId, Author = actor.Username, Text = reply, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.ReviewComments.Add(comment);

        // A curator who also wrote the module speaks as an author here.
        var asCurator = actor.IsCurator && !draft.Authors.Contains(actor.Username, StringComparer.Ordinal);
        await notify.RepliedAsync(slug, found.Title, draft.Authors, actor.Username, asCurator, reply, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return AuthoringResult<ReviewComment>.Ok(comment);
    }
}
