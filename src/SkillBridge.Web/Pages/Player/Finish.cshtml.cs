using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Content;
using SkillBridge.Core.Mentoring;
using SkillBridge.Core.Modules;
using SkillBridge.Web.Mentoring;

namespace SkillBridge.Web.Pages.Player;

/// <summary>The end of a module: it names the authors, because a finished module starts a mentoring relationship.</summary>
public sealed class FinishModel(ModuleReader modules, RenderedModuleCache renderedModules, MentoringService mentoring) : PageModel
{
    public PublishedModule Module { get; private set; } = null!;

    public AskAuthorsView AskAuthors { get; private set; } = null!;

    public int StepCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var module = await modules.FindPublishedAsync(slug, cancellationToken);
        if (module is null)
        {
            return NotFound();
        }

        Module = module;
        AskAuthors = await AskAuthorsView.ForAsync(mentoring, module, HttpContext, cancellationToken);
        StepCount = (await renderedModules.GetAsync(module.RevisionId, cancellationToken)).Steps.Count;
        return Page();
    }
}
