using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Content;
using SkillBridge.Core.Content.Markdown;
using SkillBridge.Core.Data;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Notifications;

namespace SkillBridge.Core.Publishing;

/// <summary>
/// Moves a module through review: Editing → In review → Published, or Changes requested with a curator's comment.
/// Publishing turns the draft into an immutable revision; unpublishing and archiving take the module out of the catalogue.
/// </summary>
public sealed class PublishingWorkflow(
    SkillBridgeDbContext db,
    DraftEditor drafts,
    AuditLog audit,
    TimeProvider clock,
    IOptions<SkillBridgeOptions> options,
    WorkflowNotifications notify,
    NotificationService notifications)
{
    public const string OwnModuleMessage = "You wrote this module; another curator must publish it.";

    /// <summary>Whether this curator may publish or schedule the draft: not their own module unless the site allows it.</summary>
    public bool MayPublish(ModuleDraft draft, Actor actor) => actor.IsCurator && MayPublishAs(draft, actor.Username);

    /// <summary>False when the person is one of the draft's authors and AllowSelfPublish is off (the scheduler checks it again at publish time).</summary>
    public bool MayPublishAs(ModuleDraft draft, string username) =>
        options.Value.Publishing.AllowSelfPublish || !draft.Authors.Contains(username, StringComparer.Ordinal);

    public async Task<AuthoringResult<ModuleDraft>> SubmitAsync(string slug, Actor actor, CancellationToken cancellationToken = default)
    {
        var opened = await drafts.OpenAsync(slug, actor, cancellationToken);
        if (opened.Value is not { } draft)
        {
            return opened;
        }

        if (draft.State is not (DraftState.Editing or DraftState.ChangesRequested))
        {
            return AuthoringResult<ModuleDraft>.Fail(AuthoringFailure.WrongState, "This module is already waiting for a curator.");
        }

        var problems = await CheckForSubmitAsync(draft, cancellationToken);
        if (problems.Count > 0)
        {
            return AuthoringResult<ModuleDraft>.Invalid(problems);
        }

        draft.State = DraftState.InReview;
        draft.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        draft.ScheduleProblem = null;
        await notify.SubmittedAsync(slug, draft.Title, actor.Username, cancellationToken);
        await audit.RecordAsync(AuditAction.Submitted, actor.Username, slug, draft.Title, cancellationToken);
        return AuthoringResult<ModuleDraft>.Ok(draft);
    }

    public async Task<AuthoringResult<ModuleDraft>> RequestChangesAsync(string slug, Actor actor, string comment, CancellationToken cancellationToken = default)
    {
        var reviewed = await ReviewableDraftAsync(slug, actor, cancellationToken);
        if (reviewed.Value is not { } draft)
        {
            return reviewed;
        }

        if (string.IsNullOrWhiteSpace(comment))
        {
            return AuthoringResult<ModuleDraft>.Invalid([new("Comment", "Tell the author what to change.")]);
        }

        if (comment.Trim().Length > ReviewComment.TextMaxLength)
        {
            return AuthoringResult<ModuleDraft>.Invalid([new("Comment", $"Keep the comment to {ReviewComment.TextMaxLength:N0} characters; it has {comment.Trim().Length:N0}.")]);
        }

        draft.State = DraftState.ChangesRequested;
        draft.ScheduledFor = null;
        draft.ScheduleClaimedAt = null;

        // What the curator saw is kept, so the resubmission can be compared with it ("changes since your last review").
        var categoryKey = await db.Categories.Where(c => c.Id == draft.CategoryId).Select(c => c.Key).FirstOrDefaultAsync(cancellationToken) ?? "";
        db.ReviewComments.Add(new ReviewComment
        {
            ModuleId = draft.ModuleId,
            Author = actor.Username,
            Text = comment.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            ReviewedContent = ReviewedContent.Of(draft, categoryKey).ToJson(),
        });
        await notify.ChangesRequestedAsync(slug, draft.Title, draft.Authors, actor.Username, comment.Trim(), cancellationToken);
        await audit.RecordAsync(AuditAction.ChangesRequested, actor.Username, slug, comment.Trim(), cancellationToken);
        await notifications.MarkReadForEveryoneAsync(WorkflowNotifications.ReviewLink(slug), cancellationToken);
        return AuthoringResult<ModuleDraft>.Ok(draft);
    }

    public async Task<AuthoringResult<ModuleRevision>> PublishAsync(string slug, Actor actor, CancellationToken cancellationToken = default)
    {
        var reviewed = await ReviewableDraftAsync(slug, actor, cancellationToken);
        if (reviewed.Value is not { } draft)
        {
            return reviewed.As<ModuleRevision>();
        }

        if (!MayPublish(draft, actor))
        {
            return AuthoringResult<ModuleRevision>.Fail(AuthoringFailure.OwnModule, OwnModuleMessage);
        }

        return await PublishDraftAsync(draft, actor.Username, note: null, cancellationToken);
    }

    /// <summary>Schedules a reviewed draft for publishing at <paramref name="publishAtUtc"/>; the scheduler publishes it then.</summary>
    public async Task<AuthoringResult<ModuleDraft>> ScheduleAsync(string slug, Actor actor, DateTime publishAtUtc, CancellationToken cancellationToken = default)
    {
        var reviewed = await ReviewableDraftAsync(slug, actor, cancellationToken);
        if (reviewed.Value is not { } draft)
        {
            return reviewed;
        }

        if (!MayPublish(draft, actor))
        {
            return AuthoringResult<ModuleDraft>.Fail(AuthoringFailure.OwnModule, OwnModuleMessage);
        }

        if (publishAtUtc <= clock.GetUtcNow().UtcDateTime)
        {
            return AuthoringResult<ModuleDraft>.Invalid([new("PublishAt", "Choose a time in the future, or publish now.")]);
        }

        draft.State = DraftState.Scheduled;
        draft.ScheduledBy = actor.Username;
        draft.ScheduledFor = DateTime.SpecifyKind(publishAtUtc, DateTimeKind.Utc);
        draft.ScheduleClaimedAt = null;
        draft.ScheduleProblem = null;
        await notify.ScheduledAsync(slug, draft.Title, draft.Authors, actor.Username, draft.ScheduledFor.Value, cancellationToken);
        await audit.RecordAsync(AuditAction.Scheduled, actor.Username, slug, $"for {draft.ScheduledFor:u}", cancellationToken);
        await notifications.MarkReadForEveryoneAsync(WorkflowNotifications.ReviewLink(slug), cancellationToken);
        return AuthoringResult<ModuleDraft>.Ok(draft);
    }

    public async Task<AuthoringResult<Module>> UnpublishAsync(string slug, Actor actor, CancellationToken cancellationToken = default) =>
        await ChangeStatusAsync(slug, actor, ModuleStatus.Unpublished, [ModuleStatus.Published], "Only a published module can be unpublished.", cancellationToken);

    public async Task<AuthoringResult<Module>> RepublishAsync(string slug, Actor actor, CancellationToken cancellationToken = default) =>
        await ChangeStatusAsync(slug, actor, ModuleStatus.Published, [ModuleStatus.Unpublished], "Only an unpublished module can be put back.", cancellationToken);

    public async Task<AuthoringResult<Module>> ArchiveAsync(string slug, Actor actor, CancellationToken cancellationToken = default) =>
        await ChangeStatusAsync(slug, actor, ModuleStatus.Archived, [ModuleStatus.Draft, ModuleStatus.Published, ModuleStatus.Unpublished], "This module is already archived.", cancellationToken);

    /// <summary>Turns the draft into the module's next published revision and removes the draft, in one save.</summary>
    internal async Task<AuthoringResult<ModuleRevision>> PublishDraftAsync(ModuleDraft draft, string publishedBy, string? note, CancellationToken cancellationToken)
    {
        var problems = await CheckForSubmitAsync(draft, cancellationToken);
        if (problems.Count > 0)
        {
            return AuthoringResult<ModuleRevision>.Invalid(problems);
        }

        var module = draft.Module;
        var now = clock.GetUtcNow().UtcDateTime;
        var number = 1 + (await db.ModuleRevisions.Where(r => r.ModuleId == module.Id).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0);
        var people = await db.People.Where(p => draft.Authors.Contains(p.Username)).ToDictionaryAsync(p => p.Username, StringComparer.Ordinal, cancellationToken);
        var category = await db.Categories.FirstAsync(c => c.Id == draft.CategoryId, cancellationToken);
        var revision = new ModuleRevision
        {
            Module = module,
            Number = number,
            Title = draft.Title,
            Summary = draft.Summary,
            Category = category,
            Level = draft.Level,
            Minutes = draft.Minutes,
            Cover = draft.Cover,
            Body = draft.Body,
            UpdatedOn = DateOnly.FromDateTime(now),
            CreatedAt = now,
            CreatedBy = publishedBy,
            PublishNote = note,
            Source = RevisionSource.Editor,
            ContentHash = "",
        };
        revision.Tags.AddRange(draft.Tags.Select(t => new RevisionTag { Tag = t }));
        revision.Authors.AddRange(draft.Authors.Select((username, position) => RevisionAuthor.Credit(people[username], position)));
        var used = UsedImages(draft);
        revision.Images.AddRange(draft.Images.Where(i => used.Contains(i.Path)).Select(i => new RevisionImage { Path = i.Path, MediaFileId = i.MediaFileId }));
        revision.ContentHash = ContentExporter.ToCanonical(revision).Hash(draft.Images.Where(i => used.Contains(i.Path)).Select(i => KeyValuePair.Create(i.Path, i.MediaFile.Sha256)));

        db.ModuleRevisions.Add(revision);
        module.PublishedRevision = revision;
        module.PublishedAt = now;
        module.Status = ModuleStatus.Published;
        db.ModuleDrafts.Remove(draft);
        await notify.PublishedAsync(module.Slug, draft.Title, draft.Authors, publishedBy, cancellationToken);
        await audit.RecordAsync(AuditAction.Published, publishedBy, module.Slug, note is null ? $"revision {number}" : $"revision {number}; {note}", cancellationToken);
        await notifications.MarkReadForEveryoneAsync(WorkflowNotifications.ReviewLink(module.Slug), cancellationToken);
        return AuthoringResult<ModuleRevision>.Ok(revision);
    }

    private static HashSet<string> UsedImages(ModuleDraft draft)
    {
        var used = DraftValidator.Images(draft.Body).Select(i => i.Url).ToHashSet(StringComparer.Ordinal);
        if (draft.Cover is not null)
        {
            used.Add(draft.Cover);
        }

        return used;
    }

    private async Task<List<DraftProblem>> CheckForSubmitAsync(ModuleDraft draft, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.Select(c => new { c.Id, c.Key }).ToListAsync(cancellationToken);
        var people = (await db.People.Where(p => draft.Authors.Contains(p.Username)).Select(p => p.Username).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var content = new DraftContent(
            draft.Title,
            draft.Summary,
            categories.FirstOrDefault(c => c.Id == draft.CategoryId)?.Key,
            draft.Tags,
            draft.Level,
            draft.Minutes,
            draft.Cover,
            draft.Body,
            draft.Authors);
        var problems = DraftValidator.CheckForSubmit(content, categories.Select(c => c.Key).ToHashSet(StringComparer.Ordinal), people, draft.Images.Select(i => i.Path).ToHashSet(StringComparer.Ordinal));
        problems.AddRange(ExternalImages.FindRefused(draft.Body, 1, options.Value.Content.ImageHosts())
            .Select(image => new DraftProblem("Body", $"Line {image.Line}: {ExternalImages.Problem(image.Url)}")));
        return problems;
    }

    private async Task<AuthoringResult<ModuleDraft>> ReviewableDraftAsync(string slug, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsCurator)
        {
            return AuthoringResult<ModuleDraft>.Fail(AuthoringFailure.Forbidden, "Only curators review and publish modules.");
        }

        var draft = await db.ModuleDrafts.Include(d => d.Module).Include(d => d.Images).ThenInclude(i => i.MediaFile)
            .AsSplitQuery()
            .FirstOrDefaultAsync(d => d.Module.Slug == slug, cancellationToken);
        if (draft is null)
        {
            return AuthoringResult<ModuleDraft>.Fail(AuthoringFailure.NotFound, "This module has nothing waiting for review.");
        }

        return draft.State is DraftState.InReview or DraftState.Scheduled
            ? AuthoringResult<ModuleDraft>.Ok(draft)
            : AuthoringResult<ModuleDraft>.Fail(AuthoringFailure.WrongState, "This module has not been submitted for review.");
    }

    private async Task<AuthoringResult<Module>> ChangeStatusAsync(string slug, Actor actor, ModuleStatus to, ModuleStatus[] from, string wrongState, CancellationToken cancellationToken)
    {
        if (!actor.IsCurator)
        {
            return AuthoringResult<Module>.Fail(AuthoringFailure.Forbidden, "Only curators can publish, unpublish or archive modules.");
        }

        var module = await db.Modules.FirstOrDefaultAsync(m => m.Slug == slug, cancellationToken);
        if (module is null)
        {
            return AuthoringResult<Module>.Fail(AuthoringFailure.NotFound, "There is no such module.");
        }

        if (!from.Contains(module.Status) || (to == ModuleStatus.Published && module.PublishedRevisionId is null))
        {
            return AuthoringResult<Module>.Fail(AuthoringFailure.WrongState, wrongState);
        }

        module.Status = to;
        var action = to switch
        {
            ModuleStatus.Unpublished => AuditAction.Unpublished,
            ModuleStatus.Archived => AuditAction.Archived,
            _ => AuditAction.Published,
        };
        await audit.RecordAsync(action, actor.Username, slug, null, cancellationToken);
        return AuthoringResult<Module>.Ok(module);
    }
}
