using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Progress;
using SkillBridge.Web.Accounts;

namespace SkillBridge.Web.Pages.Learning;

/// <summary>"My learning": the signed-in learner's modules in progress and completed.</summary>
public sealed class IndexModel(ProgressService progress) : PageModel
{
    public MyLearning Learning { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.LearnerId() is not { } learner)
        {
            return Challenge();
        }

        Learning = await progress.MyLearningAsync(learner, cancellationToken);
        return Page();
    }
}
