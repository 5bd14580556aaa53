using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Departments;
using SkillBridge.Web.Messages;

namespace SkillBridge.Web.Pages.Admin.Departments;

/// <summary>One department: who is in it, and the admin's rename, merge and retire forms.</summary>
public sealed class DetailsModel(DepartmentService departments) : PageModel
{
    public DepartmentDetails Department { get; private set; } = null!;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public int? Into { get; set; }


    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await departments.FindAsync(id, cancellationToken) is not { } department)
        {
            return NotFound();
        }

        Department = department;
        Name ??= department.Department.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostRenameAsync(int id, CancellationToken cancellationToken) =>
        await MapAsync(id, nameof(Name), await departments.RenameAsync(id, Name, Actor, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostMergeAsync(int id, CancellationToken cancellationToken) =>
        await MapAsync(id, nameof(Into), await departments.MergeAsync(id, Into, Actor, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostRetireAsync(int id, CancellationToken cancellationToken) =>
        await MapAsync(id, "Retire", await departments.RetireAsync(id, Actor, cancellationToken), cancellationToken);

    private string Actor => User.Identity!.Name!;

    /// <summary>Done: back to the page with the message. Refused: the page again with the reason next to the form's field.</summary>
    private async Task<IActionResult> MapAsync(int id, string field, DepartmentResult result, CancellationToken cancellationToken)
    {
        switch (result.Status)
        {
            case DepartmentStatus.NotFound:
                return NotFound();
            case DepartmentStatus.Done:
                this.ShowMessage(result.Message);
                return RedirectToPage(new { id });
            default:
                ModelState.AddModelError(field, result.Message);
                return await OnGetAsync(id, cancellationToken);
        }
    }
}
