using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Content;
using SkillBridge.Core.Mentoring;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Progress;
using SkillBridge.Web.Accounts;
using SkillBridge.Web.Authoring;
using SkillBridge.Web.Mentoring;

namespace SkillBridge.Web.Pages.Modules;

public sealed class DetailsModel(
    ModuleReader modules, RenderedModuleCache renderedModules, ProgressService progress, FeedbackService feedback, MentoringService mentoring) : PageModel
{
    public PublishedModule Module { get; private set; } = null!;

    public AskAuthorsView AskAuthors { get; private set; } = null!;

    public RenderedModule Rendered { get; private set; } = null!;

    /// <summary>Where a signed-in learner stands (resume step, completion); null for anonymous visitors, whose browser remembers instead.</summary>
    public ModuleState? State { get; private set; }

    /// <summary>Whether the viewer may open the module's feedback page (its authors and curators).</summary>
    public bool MayViewFeedback { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var module = await modules.FindPublishedAsync(slug, cancellationToken);
        if (module is null)
        {
            return NotFound();
        }

        Module = module;
        AskAuthors = await AskAuthorsView.ForAsync(mentoring, module, HttpContext, cancellationToken);
        Rendered = await renderedModules.GetAsync(module.RevisionId, cancellationToken);
        if (User.LearnerId() is { } learner)
        {
            State = await progress.StateAsync(learner, module.ModuleId, module.RevisionId, Rendered.Steps.Count, cancellationToken);
            MayViewFeedback = await feedback.MayViewAsync(slug, User.ToActor(), cancellationToken);
        }

        return Page();
    }
}
