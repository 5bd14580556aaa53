using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Authoring;
using SkillBridge.Core.Catalogue;
using SkillBridge.Core.Modules;
using SkillBridge.Web.Authoring;

namespace SkillBridge.Web.Pages.Authoring;

/// <summary>Starts a module from a title and a category; the editor takes it from there.</summary>
public sealed class NewModel(DraftEditor drafts) : PageModel
{
    [BindProperty]
    public string Title { get; set; } = "";

    [BindProperty]
    public string? Category { get; set; }

    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Categories = await drafts.CategoriesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var created = await drafts.CreateAsync(User.ToActor(), new DraftContent(Title ?? "", "", Category, [], ModuleLevel.Beginner, 5, null, NewModuleTemplate.Body, []), cancellationToken);
        if (created.Succeeded)
        {
            return RedirectToPage("/Authoring/Edit", new { slug = created.Value!.Module.Slug });
        }

        if (created.Failure == AuthoringFailure.Forbidden)
        {
            return Forbid();
        }

        // The service's plain sentences replace the framework's "The Title field is required".
        ModelState.Clear();
        foreach (var problem in created.Problems)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }

        Categories = await drafts.CategoriesAsync(cancellationToken);
        return Page();
    }
}
