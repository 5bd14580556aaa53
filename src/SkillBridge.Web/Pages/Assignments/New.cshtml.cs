using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Assignments;
using SkillBridge.Web.Accounts;

namespace SkillBridge.Web.Pages.Assignments;

/// <summary>Assign a module or path to people, groups and departments, with a note, a due date and reminder days.</summary>
public sealed class NewModel(AssignmentService assignments, AssignmentQueries queries) : PageModel
{
    [BindProperty]
    public AssignmentForm Form { get; set; } = new();

    public AssignmentChoices Choices { get; private set; } = null!;

    public IReadOnlyList<AssignmentChoice> People { get; private set; } = [];

    /// <summary>Whether the page shows the results of a people search.</summary>
    public bool Searched { get; private set; }

    public async Task OnGetAsync([FromQuery] string? module, [FromQuery] string? path, CancellationToken cancellationToken)
    {
        Form.What = module is { Length: > 0 } ? "module:" + module : path is { Length: > 0 } ? "path:" + path : null;
        await LoadAsync(cancellationToken);
    }

    /// <summary>"Search people" without JavaScript: the whole form comes back with the matches to tick.</summary>
    public async Task<IActionResult> OnPostSearchAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Searched = true;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.LearnerId() is not { } curator)
        {
            return Challenge();
        }

        if (ModelState.IsValid)
        {
            var result = await assignments.CreateAsync(Form.ToInput(), curator, cancellationToken);
            if (result.Succeeded)
            {
                return Redirect($"/assignments/{result.Value!.Id}?created=1");
            }

            AssignmentForm.AddProblems(result.Problems, ModelState);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Choices = await queries.ChoicesAsync(cancellationToken);
        People = await queries.PeopleAsync(Form.PeopleSearch, Form.PersonIds, cancellationToken);
    }
}
