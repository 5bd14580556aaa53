using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Content;
using SkillBridge.Core.Mentoring;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Paths;
using SkillBridge.Core.Progress;
using SkillBridge.Web.Accounts;
using SkillBridge.Web.Mentoring;

namespace SkillBridge.Web.Pages.Player;

/// <summary>
/// The end of a module: it names the authors, because a finished module starts a mentoring relationship. For
/// signed-in learners it records the finish, says whether the module counts as completed (or what is left), and
/// offers a rating once it is.
/// </summary>
public sealed class FinishModel(
    ModuleReader modules,
    RenderedModuleCache renderedModules,
    ProgressService progress,
    FeedbackService feedback,
    MentoringService mentoring,
    PathProgressService pathProgress)
    : PageModel
{
    public PublishedModule Module { get; private set; } = null!;

    public AskAuthorsView AskAuthors { get; private set; } = null!;

    public int StepCount { get; private set; }

    /// <summary>Null for anonymous visitors, whose progress is not stored.</summary>
    public FinishOutcome? Outcome { get; private set; }

    public MyRating? Rating { get; private set; }

    /// <summary>Paths the learner is on that hold this module, with where to go next in each (once the module is completed).</summary>
    public IReadOnlyList<NextInPath> NextInPaths { get; private set; } = [];

    /// <summary>The rating as submitted when it could not be saved, so the form shows what the learner chose.</summary>
    public int? StarsTyped { get; private set; }

    public string? CommentTyped { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRateAsync(string slug, int? stars, string? comment, CancellationToken cancellationToken)
    {
        if (User.LearnerId() is not { } learner)
        {
            return Challenge();
        }

        var module = await modules.FindPublishedAsync(slug, cancellationToken);
        if (module is null)
        {
            return NotFound();
        }

        var rated = await feedback.RateAsync(learner, module, stars ?? 0, comment, cancellationToken);
        if (rated.Succeeded)
        {
            Message = "Thank you: your rating was saved. The authors see it.";
            return Redirect($"/modules/{slug}/finish#rating");
        }

        ModelState.AddModelError("stars", rated.Message!);
        await LoadAsync(slug, cancellationToken);
        (StarsTyped, CommentTyped) = (stars, comment);
        return Page();
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var module = await modules.FindPublishedAsync(slug, cancellationToken);
        if (module is null)
        {
            return false;
        }

        var rendered = await renderedModules.GetAsync(module.RevisionId, cancellationToken);
        (Module, StepCount) = (module, rendered.Steps.Count);
        AskAuthors = await AskAuthorsView.ForAsync(mentoring, module, HttpContext, cancellationToken);
        if (User.LearnerId() is { } learner)
        {
            Outcome = await progress.FinishAsync(learner, module, rendered, cancellationToken);
            if (Outcome.IsCompleted)
            {
                Rating = await feedback.MyRatingAsync(learner, module.RevisionId, cancellationToken);
                NextInPaths = await pathProgress.NextInPathsAsync(learner, module.ModuleId, cancellationToken);
            }
        }

        return true;
    }
}
