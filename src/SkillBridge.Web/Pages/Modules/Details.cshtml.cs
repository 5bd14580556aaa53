using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Content;
using SkillBridge.Core.Mentoring;
using SkillBridge.Core.Modules;
using SkillBridge.Web.Mentoring;

namespace SkillBridge.Web.Pages.Modules;

public sealed class DetailsModel(ModuleReader modules, RenderedModuleCache renderedModules, MentoringService mentoring) : PageModel
{
    public PublishedModule Module { get; private set; } = null!;

    public AskAuthorsView AskAuthors { get; private set; } = null!;

    public RenderedModule Rendered { get; private set; } = null!;

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
        return Page();
    }
}
