using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Media;
using SkillBridge.Core.Paths;
using SkillBridge.Web.Authoring;
using SkillBridge.Web.Messages;

namespace SkillBridge.Web.Pages.Paths.Builder;

/// <summary>
/// The path builder: details, cover, modules (picked, moved, removed), publishing and history. Every button is a plain
/// form post, so it all works without JavaScript; paths-builder.js adds search as you type and dragging.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 64 * 1024 * 1024)]
public sealed class EditModel(PathBuilder builder, PathPublishing publishing, MediaUploadService uploads) : PageModel
{
    public PathBuilderView Path { get; private set; } = null!;

    /// <summary>The picker's search text and its matches (without JavaScript the search form reloads the page with them).</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<ModuleMatch> Matches { get; private set; } = [];

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    /// <summary>The title and summary the form showed, so a save can tell whether someone else changed them meanwhile.</summary>
    [BindProperty]
    public string? LoadedTitle { get; set; }

    [BindProperty]
    public string? LoadedSummary { get; set; }


    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        Title = Path.Title;
        Summary = Path.Summary;
        return Page();
    }

    /// <summary>The picker's matches as an HTML fragment, for the script to put in place while the curator types.</summary>
    public async Task<IActionResult> OnGetMatchesAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        return Partial("_ModuleMatches", this);
    }

    public async Task<IActionResult> OnPostDetailsAsync(string slug, CancellationToken cancellationToken) =>
        await AfterAsync(slug, await builder.SaveDetailsAsync(slug, User.ToActor(), Title, Summary, LoadedTitle is null ? null : new PathDetails(LoadedTitle, LoadedSummary ?? ""), cancellationToken), "Details saved.", null, cancellationToken);

    public async Task<IActionResult> OnPostCoverAsync(string slug, IFormFile? cover, CancellationToken cancellationToken)
    {
        if (cover is null)
        {
            return await ShowAsync(slug, PathResult<LearningPathDraft>.Invalid(new PathProblem("Cover", "Choose an image file to upload.")), cancellationToken);
        }

        await using var stream = cover.OpenReadStream();
        var uploaded = await uploads.UploadAsync(stream, cover.FileName, cover.ContentType, cancellationToken);
        var result = uploaded.Media is { } media
            ? await builder.SetCoverAsync(slug, User.ToActor(), media, cover.FileName, cancellationToken)
            : PathResult<LearningPathDraft>.Invalid(new PathProblem("Cover", uploaded.Message!));
        return await AfterAsync(slug, result, "Cover image uploaded.", null, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveCoverAsync(string slug, CancellationToken cancellationToken) =>
        await AfterAsync(slug, await builder.RemoveCoverAsync(slug, User.ToActor(), cancellationToken), "Cover image removed.", null, cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(string slug, string? module, CancellationToken cancellationToken) =>
        await AfterAsync(slug, await builder.AddModuleAsync(slug, User.ToActor(), module, cancellationToken), "Module added at the end of the path.", "module-search", cancellationToken);

    public async Task<IActionResult> OnPostMoveUpAsync(string slug, string? module, CancellationToken cancellationToken) =>
        await AfterAsync(slug, await builder.MoveAsync(slug, User.ToActor(), module, -1, cancellationToken), "Module moved up.", $"m-{module}", cancellationToken);

    public async Task<IActionResult> OnPostMoveDownAsync(string slug, string? module, CancellationToken cancellationToken) =>
        await AfterAsync(slug, await builder.MoveAsync(slug, User.ToActor(), module, 1, cancellationToken), "Module moved down.", $"m-{module}", cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(string slug, string? module, CancellationToken cancellationToken) =>
        await AfterAsync(slug, await builder.RemoveModuleAsync(slug, User.ToActor(), module, cancellationToken), "Module removed from the path.", "modules", cancellationToken);

    /// <summary>The order after dragging: module slugs separated by commas.</summary>
    public async Task<IActionResult> OnPostReorderAsync(string slug, string? order, CancellationToken cancellationToken)
    {
        var slugs = (order ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return await AfterAsync(slug, await builder.ReorderAsync(slug, User.ToActor(), slugs, cancellationToken), "New order saved.", "modules", cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishAsync(string slug, CancellationToken cancellationToken)
    {
        var published = await publishing.PublishAsync(slug, User.ToActor(), cancellationToken);
        return await AfterAsync(slug, published, published.Value is { } revision ? $"Published as revision {revision.Number}. Learners see it now." : "", null, cancellationToken);
    }

    public async Task<IActionResult> OnPostUnpublishAsync(string slug, CancellationToken cancellationToken) =>
        await AfterAsync(slug, await publishing.UnpublishAsync(slug, User.ToActor(), cancellationToken), "Unpublished: learners no longer see this path.", null, cancellationToken);

    public async Task<IActionResult> OnPostRepublishAsync(string slug, CancellationToken cancellationToken) =>
        await AfterAsync(slug, await publishing.RepublishAsync(slug, User.ToActor(), cancellationToken), "Published again: learners see this path.", null, cancellationToken);

    public async Task<IActionResult> OnPostArchiveAsync(string slug, CancellationToken cancellationToken) =>
        await AfterAsync(slug, await publishing.ArchiveAsync(slug, User.ToActor(), cancellationToken), "Archived: learners no longer see this path.", null, cancellationToken);

    public async Task<IActionResult> OnPostDiscardAsync(string slug, CancellationToken cancellationToken) =>
        await AfterAsync(slug, await builder.DiscardDraftAsync(slug, User.ToActor(), cancellationToken), "Unpublished changes thrown away.", null, cancellationToken);

    private async Task<IActionResult> AfterAsync<T>(string slug, PathResult<T> result, string message, string? fragment, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            return await ShowAsync(slug, result, cancellationToken);
        }

        this.ShowMessage(message);
        var query = string.IsNullOrWhiteSpace(Query) ? "" : "?q=" + Uri.EscapeDataString(Query);
        return Redirect($"/paths/{slug}/edit{query}{(fragment is null ? "" : "#" + fragment)}");
    }

    private async Task<IActionResult> ShowAsync<T>(string slug, PathResult<T> failed, CancellationToken cancellationToken)
    {
        if (failed.Failure is PathFailure.NotFound or PathFailure.Forbidden || !await LoadAsync(slug, cancellationToken))
        {
            return PathResults.ToPage(this, failed.Failure is null ? PathResult<T>.Fail(PathFailure.NotFound, "") : failed);
        }

        Title ??= Path.Title;
        Summary ??= Path.Summary;

        // The form now shows what is stored as "loaded": saving again means "use my wording instead".
        ModelState.Remove(nameof(LoadedTitle));
        ModelState.Remove(nameof(LoadedSummary));
        (LoadedTitle, LoadedSummary) = (Path.Title, Path.Summary);
        return PathResults.ToPage(this, failed);
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await builder.OpenAsync(slug, cancellationToken) is not { } path)
        {
            return false;
        }

        Path = path;
        Matches = await builder.SearchModulesAsync(path, Query, cancellationToken);
        return true;
    }
}
