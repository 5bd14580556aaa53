using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Departments;
using SkillBridge.Web.Messages;

namespace SkillBridge.Web.Pages.Admin.Departments;

/// <summary>Admins see the department list with people counts and add departments; each department's page renames, merges or retires it.</summary>
public sealed class IndexModel(DepartmentService departments) : PageModel
{
    public IReadOnlyList<DepartmentSummary> Departments { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }


    public async Task OnGetAsync(CancellationToken cancellationToken) => Departments = await departments.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await departments.AddAsync(Name, User.Identity!.Name!, cancellationToken);
        if (result.Succeeded)
        {
            this.ShowMessage(result.Message);
            return RedirectToPage();
        }

        ModelState.AddModelError(nameof(Name), result.Message);
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
