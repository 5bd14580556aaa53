using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Progress;
using SkillBridge.Web.Authoring;

namespace SkillBridge.Web.Pages.Feedback;

/// <summary>A module's learners as its authors see them, per revision: reached, completed, ratings, comments and stuck steps.</summary>
public sealed class IndexModel(FeedbackService feedback) : PageModel
{
    public ModuleFeedback Feedback { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var result = await feedback.FeedbackForModuleAsync(slug, User.ToActor(), cancellationToken);
        switch (result.Failure)
        {
            case ProgressFailure.NotFound:
                return NotFound();
            case ProgressFailure.Forbidden:
                return Forbid();
        }

        Feedback = result.Value!;
        return Page();
    }
}
