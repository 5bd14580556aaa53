using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Publishing;
using SkillBridge.Core.People;
using SkillBridge.Web.Authoring;
using SkillBridge.Web.Publishing;
using SkillBridge.Web.Time;
using SkillBridge.Web.Messages;

namespace SkillBridge.Web.Pages.Review;

/// <summary>
/// A curator reviews one module: reads it as learners will, with what changed marked in the text (since the last review
/// of a resubmission, or since the published version), talks with the authors, then publishes, schedules or asks for changes.
/// </summary>
public sealed class ModuleModel(DraftEditor drafts, PublishingWorkflow workflow, ReviewComparison comparisons, LocalTime time, PeopleService people) : PageModel
{
    public const string CompareWithPublished = "published";

    public const string CompareWithLastReview = "last-review";

    public ModuleDraft Draft { get; private set; } = null!;

    public ReviewComparisonView Comparison { get; private set; } = null!;

    public ReviewThreadView Thread { get; private set; } = null!;

    /// <summary>The names of the authors and commenters.</summary>
    public DisplayNames Names { get; private set; } = DisplayNames.None;

    /// <summary>False for a curator who wrote the module (unless the site allows self-publishing): the page says why.</summary>
    public bool MayPublish { get; private set; }

    [BindProperty]
    public string? Comment { get; set; }

    /// <summary>Wall-clock time in the curator's time zone, from a datetime-local input.</summary>
    [BindProperty]
    public DateTime? PublishAt { get; set; }

    /// <summary>"published" or "last-review"; by default a resubmission is compared with the last review.</summary>
    [FromQuery(Name = "compare")]
    public string? Compare { get; set; }

    public Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) => ShowAsync(slug, cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(string slug, CancellationToken cancellationToken)
    {
        var published = await workflow.PublishAsync(slug, User.ToActor(), cancellationToken);
        if (published.Succeeded)
        {
            this.ShowMessage($"Published as revision {published.Value!.Number}.");
            return Redirect($"/modules/{slug}");
        }

        return await FailAsync(slug, published.Failure, published.Message, published.Problems, cancellationToken);
    }

    public async Task<IActionResult> OnPostScheduleAsync(string slug, CancellationToken cancellationToken)
    {
        if (PublishAt is not { } local || time.ToUtc(local) is not { } utc)
        {
            return await FailAsync(slug, AuthoringFailure.Invalid, null, [new("PublishAt", "Choose a date and time that exists in your time zone.")], cancellationToken);
        }

        var scheduled = await workflow.ScheduleAsync(slug, User.ToActor(), utc, cancellationToken);
        if (scheduled.Succeeded)
        {
            this.ShowMessage($"Scheduled for {time.Format(utc)}.");
            return RedirectToPage("/Review/Index");
        }

        return await FailAsync(slug, scheduled.Failure, scheduled.Message, scheduled.Problems, cancellationToken);
    }

    public async Task<IActionResult> OnPostRequestChangesAsync(string slug, CancellationToken cancellationToken)
    {
        var requested = await workflow.RequestChangesAsync(slug, User.ToActor(), Comment ?? "", cancellationToken);
        if (requested.Succeeded)
        {
            this.ShowMessage("Changes requested. The authors see your comment in their editor.");
            return RedirectToPage("/Review/Index");
        }

        return await FailAsync(slug, requested.Failure, requested.Message, requested.Problems, cancellationToken);
    }

    private async Task<IActionResult> FailAsync(string slug, AuthoringFailure? failure, string? message, IReadOnlyList<DraftProblem> problems, CancellationToken cancellationToken)
    {
        switch (failure)
        {
            case AuthoringFailure.NotFound:
                return NotFound();
            case AuthoringFailure.Forbidden:
                return Forbid();
        }

        foreach (var problem in problems)
        {
            ModelState.AddModelError(problem.Field is "Comment" or "PublishAt" ? problem.Field : string.Empty, problem.Message);
        }

        if (problems.Count == 0)
        {
            ModelState.AddModelError(string.Empty, message ?? "That did not work.");
        }

        return await ShowAsync(slug, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(string slug, CancellationToken cancellationToken)
    {
        // A module waiting for its authors' changes still opens, for the conversation; the decisions wait for the resubmission.
        var opened = await drafts.PeekAsync(slug, User.ToActor(), cancellationToken);
        if (opened.Value is not { } draft || draft.State is DraftState.Editing)
        {
            return NotFound();
        }

        Draft = draft;
        MayPublish = workflow.MayPublish(draft, User.ToActor());
        var requested = Compare switch
        {
            CompareWithPublished => ReviewBase.Published,
            CompareWithLastReview => ReviewBase.LastReview,
            _ => (ReviewBase?)null,
        };
        Comparison = await comparisons.CompareAsync(draft, requested, cancellationToken);
        var comments = await drafts.CommentsAsync(draft.ModuleId, cancellationToken);
        Names = await people.DisplayNamesAsync(draft.Authors.Concat(comments.Select(c => c.Author)), cancellationToken);
        Thread = new ReviewThreadView(comments, Names, draft.Module.Slug, ReviewThreadView.FromReview);
        return Page();
    }
}
