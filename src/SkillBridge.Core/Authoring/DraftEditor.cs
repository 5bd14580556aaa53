using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkillBridge.Core.Content.Markdown;
using SkillBridge.Core.Data;
using SkillBridge.Core.Media;
using SkillBridge.Core.Modules;

namespace SkillBridge.Core.Authoring;

/// <summary>
/// Creates modules and keeps their drafts: starting a draft from the published revision, saving with a version check so
/// that of two people editing at once the second is told instead of overwriting the first, and adding uploaded images.
/// </summary>
public sealed class DraftEditor(SkillBridgeDbContext db, TimeProvider clock, IOptions<SkillBridgeOptions> options)
{
    /// <summary>The light rules of every save, plus no image from a site the settings do not allow.</summary>
    private static List<DraftProblem> CheckForSave(DraftContent content, IReadOnlyCollection<string> allowedImageHosts)
    {
        var problems = DraftValidator.CheckForSave(content);
        problems.AddRange(ExternalImages.FindRefused(content.Body, 1, allowedImageHosts)
            .Select(image => new DraftProblem("Body", $"Line {image.Line}: {ExternalImages.Problem(image.Url)}")));
        return problems;
    }

    public async Task<AuthoringResult<ModuleDraft>> CreateAsync(Actor actor, DraftContent content, CancellationToken cancellationToken = default)
    {
        if (!actor.IsAuthor && !actor.IsCurator)
        {
            return AuthoringResult<ModuleDraft>.Fail(AuthoringFailure.Forbidden, "Only authors and curators can write modules.");
        }

        var problems = CheckForSave(content, options.Value.Content.ImageHosts());
        if (problems.Count > 0)
        {
            return AuthoringResult<ModuleDraft>.Invalid(problems);
        }

        var slug = await UniqueSlugAsync(Slug.FromTitle(content.Title), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var module = new Module { Slug = slug, CreatedAt = now, Status = ModuleStatus.Draft };
        var draft = new ModuleDraft { Module = module, UpdatedAt = now, UpdatedBy = actor.Username };
        await ApplyAsync(draft, content with { Authors = content.Authors.Count > 0 ? content.Authors : [actor.Username] }, cancellationToken);
        db.ModuleDrafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return AuthoringResult<ModuleDraft>.Ok(draft);
    }

    /// <summary>The module's draft, started (and stored) from its published revision when it has none yet.</summary>
    public async Task<AuthoringResult<ModuleDraft>> OpenAsync(string slug, Actor actor, CancellationToken cancellationToken = default) =>
        (await OpenOrStartAsync(slug, actor, store: true, cancellationToken)).Result;

    /// <summary>
    /// The module's draft for reading (a GET): an existing one, or an unsaved one holding the published revision with
    /// version 0, which the first save stores. Nothing is written.
    /// </summary>
    public async Task<AuthoringResult<ModuleDraft>> PeekAsync(string slug, Actor actor, CancellationToken cancellationToken = default) =>
        (await OpenOrStartAsync(slug, actor, store: false, cancellationToken)).Result;

    private async Task<(AuthoringResult<ModuleDraft> Result, bool Started)> OpenOrStartAsync(string slug, Actor actor, bool store, CancellationToken cancellationToken)
    {
        var module = await db.Modules
            .Include(m => m.PublishedRevision).ThenInclude(r => r!.Category)
            .Include(m => m.PublishedRevision).ThenInclude(r => r!.Authors).ThenInclude(a => a.Person)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Slug == slug, cancellationToken);
        if (module is null || module.Status == ModuleStatus.Archived)
        {
            return (AuthoringResult<ModuleDraft>.Fail(AuthoringFailure.NotFound, "There is no such module."), false);
        }

        var draft = await FindDraftAsync(module.Id, cancellationToken);
        var authors = draft?.Authors ?? module.PublishedRevision?.Authors.OrderBy(a => a.Position).Select(a => a.Person.Username).ToList() ?? [];
        if (!actor.MayEdit(authors))
        {
            return (AuthoringResult<ModuleDraft>.Fail(AuthoringFailure.Forbidden, "Only the module's authors and curators can edit it."), false);
        }

        if (draft is not null)
        {
            return (AuthoringResult<ModuleDraft>.Ok(draft), false);
        }

        var revision = module.PublishedRevision!;
        draft = FromRevision(module, revision, actor.Username, clock.GetUtcNow().UtcDateTime);
        draft.Images.AddRange(await db.ModuleRevisions.Where(r => r.Id == revision.Id).SelectMany(r => r.Images)
            .Select(i => new DraftImage { Path = i.Path, MediaFileId = i.MediaFileId, MediaFile = i.MediaFile }).ToListAsync(cancellationToken));
        if (!store)
        {
            draft.Version = 0;
            return (AuthoringResult<ModuleDraft>.Ok(draft), false);
        }

        db.ModuleDrafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return (AuthoringResult<ModuleDraft>.Ok(draft), true);
    }

    /// <summary>
    /// Saves the editor's content over the draft if nobody saved it since <paramref name="expectedVersion"/>; otherwise
    /// returns a Conflict whose value is the draft as the other person left it, and changes nothing.
    /// </summary>
    public async Task<AuthoringResult<ModuleDraft>> SaveAsync(string slug, int expectedVersion, DraftContent content, Actor actor, CancellationToken cancellationToken = default)
    {
        var (opened, started) = await OpenOrStartAsync(slug, actor, store: true, cancellationToken);
        if (opened.Value is not { } draft)
        {
            return opened;
        }

        if (!actor.IsCurator && draft.State is DraftState.InReview or DraftState.Scheduled)
        {
            return AuthoringResult<ModuleDraft>.Fail(AuthoringFailure.WrongState, "This module is waiting for a curator. Ask them to request changes if you need to edit it.");
        }

        // Version 0 is the unsaved draft a reader was shown; it is current only if this save is the one that started it.
        if (draft.Version != expectedVersion && !(started && expectedVersion == 0))
        {
            return new AuthoringResult<ModuleDraft>(draft, AuthoringFailure.Conflict, ConflictMessage(draft), []);
        }

        var problems = CheckForSave(content, options.Value.Content.ImageHosts());
        if (problems.Count > 0)
        {
            return AuthoringResult<ModuleDraft>.Invalid(problems);
        }

        await ApplyAsync(draft, content, cancellationToken);
        draft.Version++;
        draft.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        draft.UpdatedBy = actor.Username;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: report their version, keep ours unsaved for the editor to show.
            db.ChangeTracker.Clear();
            var theirs = await FindDraftAsync(draft.ModuleId, cancellationToken);
            return new AuthoringResult<ModuleDraft>(theirs, AuthoringFailure.Conflict, ConflictMessage(theirs!), []);
        }

        return AuthoringResult<ModuleDraft>.Ok(draft);
    }

    /// <summary>Adds an uploaded image to the draft under a readable path (images/name.png) and returns that path.</summary>
    /// <param name="step">The step the image goes into, if known: part of the name an unnamed (pasted) image gets.</param>
    public async Task<AuthoringResult<string>> AddImageAsync(string slug, Actor actor, MediaFile media, string originalName, int? step = null, CancellationToken cancellationToken = default)
    {
        var opened = await OpenAsync(slug, actor, cancellationToken);
        if (opened.Value is not { } draft)
        {
            return opened.As<string>();
        }

        var existing = draft.Images.FirstOrDefault(i => i.MediaFileId == media.Id);
        if (existing is not null)
        {
            return AuthoringResult<string>.Ok(existing.Path);
        }

        var stem = ImageNames.Stem(originalName, draft.Module.Slug, step, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var extension = ImageFormats.ExtensionFor(media.ContentType);
        var path = $"images/{stem}{extension}";
        for (var n = 2; draft.Images.Any(i => i.Path == path); n++)
        {
            path = $"images/{stem}-{n.ToString(CultureInfo.InvariantCulture)}{extension}";
        }

        draft.Images.Add(new DraftImage { Path = path, MediaFileId = media.Id });
        await db.SaveChangesAsync(cancellationToken);
        return AuthoringResult<string>.Ok(path);
    }

    /// <summary>The modules a person writes: their drafts and their published modules, most recently changed first.</summary>
    public async Task<List<AuthoredModule>> ListForAuthorAsync(string username, CancellationToken cancellationToken = default)
    {
        var drafted = await db.ModuleDrafts.AsNoTracking()
            .Where(d => d.Module.Status != ModuleStatus.Archived)
            .Select(d => new { d.ModuleId, d.Module.Slug, d.Title, d.Authors, d.State, d.UpdatedAt, d.Module.Status })
            .ToListAsync(cancellationToken);
        var published = await db.Modules.AsNoTracking()
            .Where(m => m.PublishedRevision != null && m.Status != ModuleStatus.Archived && m.PublishedRevision.Authors.Any(a => a.Person.Username == username))
            .Select(m => new { m.Id, m.Slug, m.PublishedRevision!.Title, m.Status, m.PublishedAt })
            .ToListAsync(cancellationToken);

        var mine = drafted.Where(d => d.Authors.Contains(username)).ToDictionary(d => d.Slug, d => new AuthoredModule(d.ModuleId, d.Slug, d.Title, d.Status, d.State, d.UpdatedAt));
        foreach (var module in published.Where(p => !mine.ContainsKey(p.Slug)))
        {
            mine[module.Slug] = new AuthoredModule(module.Id, module.Slug, module.Title, module.Status, null, module.PublishedAt ?? DateTime.MinValue);
        }

        return mine.Values.OrderByDescending(m => m.ChangedAt).ToList();
    }

    /// <summary>Categories for the editor's list, in catalogue order.</summary>
    public Task<List<Catalogue.Category>> CategoriesAsync(CancellationToken cancellationToken = default) =>
        db.Categories.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Name).ToListAsync(cancellationToken);

    /// <summary>
    /// The review conversation about the version being written now (since the module was last published), oldest first,
    /// so each reply follows what it answers.
    /// </summary>
    public Task<List<ReviewComment>> CommentsAsync(int moduleId, CancellationToken cancellationToken = default) =>
        db.ReviewComments.AsNoTracking()
            .Where(c => c.ModuleId == moduleId && (c.Module.PublishedAt == null || c.CreatedAt >= c.Module.PublishedAt))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);

    public Task<ModuleDraft?> FindDraftAsync(int moduleId, CancellationToken cancellationToken) =>
        db.ModuleDrafts.Include(d => d.Module).Include(d => d.Category).Include(d => d.Images).ThenInclude(i => i.MediaFile)
            .AsSplitQuery()
            .FirstOrDefaultAsync(d => d.ModuleId == moduleId, cancellationToken);

    /// <summary>A draft holding exactly a revision's content (editing a published module, or restoring an old revision).</summary>
    internal static ModuleDraft FromRevision(Module module, ModuleRevision revision, string username, DateTime now) => new()
    {
        ModuleId = module.Id,
        Module = module,
        Title = revision.Title,
        Summary = revision.Summary,
        CategoryId = revision.CategoryId,
        Tags = revision.Tags.Select(t => t.Tag).ToList(),
        Level = revision.Level,
        Minutes = revision.Minutes,
        Cover = revision.Cover,
        Body = revision.Body,
        Authors = revision.Authors.OrderBy(a => a.Position).Select(a => a.Person.Username).ToList(),
        BasedOnRevisionId = revision.Id,
        UpdatedAt = now,
        UpdatedBy = username,
    };

    private static string ConflictMessage(ModuleDraft theirs) =>
        $"{theirs.UpdatedBy} saved this module while you were editing it. Nothing you typed is lost: compare both versions below and save again.";

    private async Task ApplyAsync(ModuleDraft draft, DraftContent content, CancellationToken cancellationToken)
    {
        draft.Title = content.Title.Trim();
        draft.Summary = content.Summary.Trim();
        draft.CategoryId = string.IsNullOrEmpty(content.CategoryKey)
            ? null
            : await db.Categories.Where(c => c.Key == content.CategoryKey).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        draft.Tags = content.Tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().ToList();
        draft.Level = content.Level;
        draft.Minutes = content.Minutes;
        draft.Cover = string.IsNullOrWhiteSpace(content.Cover) ? null : content.Cover.Trim();
        draft.Body = content.Body.Replace("\r\n", "\n", StringComparison.Ordinal);
        draft.Authors = content.Authors.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToList();
    }

    private async Task<string> UniqueSlugAsync(string wanted, CancellationToken cancellationToken)
    {
        var taken = await db.Modules.Where(m => m.Slug == wanted || m.Slug.StartsWith(wanted + "-")).Select(m => m.Slug).ToListAsync(cancellationToken);
        var slug = wanted;
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = $"{wanted}-{n.ToString(CultureInfo.InvariantCulture)}";
        }

        return slug;
    }
}

/// <summary>One line of an author's list of modules; DraftState is null when nothing is being worked on.</summary>
public sealed record AuthoredModule(int ModuleId, string Slug, string Title, ModuleStatus Status, DraftState? DraftState, DateTime ChangedAt);
