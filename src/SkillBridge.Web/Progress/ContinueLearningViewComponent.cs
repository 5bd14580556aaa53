using Microsoft.AspNetCore.Mvc;
using SkillBridge.Core.Progress;
using SkillBridge.Web.Accounts;

namespace SkillBridge.Web.Progress;

/// <summary>
/// "Continue where you left off" on the catalogue home: the signed-in learner's unfinished modules, most recent first,
/// each linking to the step they were on. Nothing for visitors or people with nothing in progress.
/// </summary>
public sealed class ContinueLearningViewComponent(ProgressService progress) : ViewComponent
{
    /// <summary>How many modules the strip shows; My learning lists them all.</summary>
    public const int Shown = 4;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.LearnerId() is not { } learner)
        {
            return Content("");
        }

        var learning = await progress.MyLearningAsync(learner, HttpContext.RequestAborted);
        return View(new ContinueLearningView([.. learning.InProgress.Take(Shown)], learning.InProgress.Count));
    }
}

public sealed record ContinueLearningView(IReadOnlyList<InProgressModule> Modules, int TotalInProgress)
{
    /// <summary>The step the learner was on; a module updated since they started resumes from its page, which picks the step.</summary>
    public static string ContinueUrl(InProgressModule module) =>
        module.IsCurrentRevision ? $"/modules/{module.Slug}/steps/{module.LastStep}" : $"/modules/{module.Slug}";
}
