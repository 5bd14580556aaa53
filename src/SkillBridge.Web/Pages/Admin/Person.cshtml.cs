using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Departments;
using SkillBridge.Web.Messages;

namespace SkillBridge.Web.Pages.Admin;

/// <summary>An admin sets a person's department; the page shows the department history the change adds to.</summary>
public sealed class PersonModel(DepartmentService departments) : PageModel
{
    public PersonDepartment Person { get; private set; } = null!;

    public IReadOnlyList<DepartmentSummary> Departments { get; private set; } = [];

    /// <summary>The department chosen; empty for no department.</summary>
    [BindProperty]
    public int? DepartmentId { get; set; }


    public async Task<IActionResult> OnGetAsync(string username, CancellationToken cancellationToken)
    {
        if (await departments.FindPersonAsync(username, cancellationToken) is not { } person)
        {
            return NotFound();
        }

        Person = person;
        Departments = await departments.ListCurrentAsync(cancellationToken);
        if (Request.Method == HttpMethods.Get)
        {
            DepartmentId = person.DepartmentId;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string username, CancellationToken cancellationToken)
    {
        var result = await departments.SetPersonDepartmentAsync(username, DepartmentId, User.Identity!.Name!, cancellationToken);
        switch (result.Status)
        {
            case DepartmentStatus.NotFound:
                return NotFound();
            case DepartmentStatus.Done:
                this.ShowMessage(result.Message);
                return RedirectToPage(new { username });
            default:
                ModelState.AddModelError(nameof(DepartmentId), result.Message);
                return await OnGetAsync(username, cancellationToken);
        }
    }
}
