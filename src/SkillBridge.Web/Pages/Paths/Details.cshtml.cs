using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Paths;
using SkillBridge.Web.Accounts;

namespace SkillBridge.Web.Pages.Paths;

public sealed class DetailsModel(LearningPathService paths, PathProgressService pathProgress) : PageModel
{
    public LearningPathDetails Path { get; private set; } = null!;

    /// <summary>The signed-in learner's progress on the path; null for anonymous visitors.</summary>
    public LearnerOnPath? Learner { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var path = await paths.FindAsync(slug, cancellationToken);
        if (path is null)
        {
            return NotFound();
        }

        Path = path;
        if (User.LearnerId() is { } learner)
        {
            Learner = await pathProgress.ForLearnerAsync(learner, slug, cancellationToken);
        }

        return Page();
    }

    /// <summary>Start path: puts the learner on the path and opens its next unfinished module at the right step.</summary>
    public async Task<IActionResult> OnPostStartAsync(string slug, CancellationToken cancellationToken)
    {
        if (User.LearnerId() is not { } learner)
        {
            return Challenge();
        }

        var started = await pathProgress.StartAsync(learner, slug, cancellationToken);
        if (!started.Succeeded)
        {
            return NotFound();
        }

        var on = started.Value!;
        return Redirect(on.Next?.Url ?? (on.IsCompleted ? $"/paths/{slug}/certificate" : $"/paths/{slug}"));
    }
}
