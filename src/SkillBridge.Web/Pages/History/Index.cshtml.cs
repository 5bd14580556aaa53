using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Publishing;
using SkillBridge.Web.Authoring;
using SkillBridge.Web.Messages;

namespace SkillBridge.Web.Pages.History;

/// <summary>A module's revisions: who published each and when, a diff between any two, restore as draft; curators unpublish and archive here.</summary>
public sealed class IndexModel(ModuleHistory history, PublishingWorkflow workflow) : PageModel
{
    public string Slug { get; private set; } = "";

    public ModuleStatus Status { get; private set; }

    public IReadOnlyList<RevisionSummary> Revisions { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public IReadOnlyList<DiffLine>? Changes { get; private set; }

    public bool IsCurator => User.ToActor().IsCurator;


    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var shown = await LoadAsync(slug, cancellationToken);
        if (shown is not null)
        {
            return shown;
        }

        if (From is { } from && To is { } to)
        {
            Changes = await history.DiffAsync(slug, from, to, cancellationToken);
            if (Changes is null)
            {
                ModelState.AddModelError(string.Empty, "Choose two revisions that exist.");
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(string slug, int number, CancellationToken cancellationToken)
    {
        var restored = await history.RestoreAsDraftAsync(slug, number, User.ToActor(), cancellationToken);
        if (restored.Succeeded)
        {
            return Redirect($"/authoring/{slug}");
        }

        return await FailAsync(slug, restored.Failure, restored.Message, cancellationToken);
    }

    public Task<IActionResult> OnPostUnpublishAsync(string slug, CancellationToken cancellationToken) =>
        ChangeAsync(slug, workflow.UnpublishAsync(slug, User.ToActor(), cancellationToken), "Unpublished: learners no longer see this module.", cancellationToken);

    public Task<IActionResult> OnPostRepublishAsync(string slug, CancellationToken cancellationToken) =>
        ChangeAsync(slug, workflow.RepublishAsync(slug, User.ToActor(), cancellationToken), "Published again.", cancellationToken);

    public Task<IActionResult> OnPostArchiveAsync(string slug, CancellationToken cancellationToken) =>
        ChangeAsync(slug, workflow.ArchiveAsync(slug, User.ToActor(), cancellationToken), "Archived: the module is out of the catalogue and the authors' lists; its history is kept.", cancellationToken);

    private async Task<IActionResult> ChangeAsync(string slug, Task<AuthoringResult<Module>> change, string done, CancellationToken cancellationToken)
    {
        var result = await change;
        if (result.Succeeded)
        {
            this.ShowMessage(done);
            return RedirectToPage(new { slug });
        }

        return await FailAsync(slug, result.Failure, result.Message, cancellationToken);
    }

    private async Task<IActionResult> FailAsync(string slug, AuthoringFailure? failure, string? message, CancellationToken cancellationToken)
    {
        switch (failure)
        {
            case AuthoringFailure.NotFound:
                return NotFound();
            case AuthoringFailure.Forbidden:
                return Forbid();
        }

        ModelState.AddModelError(string.Empty, message ?? "That did not work.");
        return await LoadAsync(slug, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await history.StatusAsync(slug, cancellationToken) is not { } status)
        {
            return NotFound();
        }

        if (!await history.MayViewAsync(slug, User.ToActor(), cancellationToken))
        {
            return Forbid();
        }

        (Slug, Status) = (slug, status);
        Revisions = await history.ListAsync(slug, cancellationToken) ?? [];
        return null;
    }
}
