using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Departments;
using SkillBridge.Core.Groups;
using SkillBridge.Web.Messages;

namespace SkillBridge.Web.Pages.Groups;

/// <summary>A group's page: its members with Remove buttons, adding people by name or by department, renaming and deleting.</summary>
public sealed class DetailsModel(GroupService groups, DepartmentService departments) : PageModel
{
    public GroupDetails Group { get; private set; } = null!;

    public IReadOnlyList<DepartmentSummary> Departments { get; private set; } = [];

    /// <summary>The name search, kept in the URL (?q=).</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<PersonMatch> Matches { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public int? DepartmentId { get; set; }


    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await groups.FindAsync(id, cancellationToken) is not { } group)
        {
            return NotFound();
        }

        Group = group;
        Departments = await departments.ListCurrentAsync(cancellationToken);
        Matches = await groups.SearchPeopleAsync(id, Query, cancellationToken);
        if (Request.Method == HttpMethods.Get)
        {
            Name = group.Group.Name;
            Description = group.Group.Description;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync(int id, CancellationToken cancellationToken) =>
        await MapAsync(id, await groups.ChangeAsync(id, Name, Description, Actor, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var result = await groups.DeleteAsync(id, Actor, cancellationToken);
        if (result.Status == GroupStatus.NotFound)
        {
            return NotFound();
        }

        this.ShowMessage(result.Message);
        return RedirectToPage("/Groups/Index");
    }

    public async Task<IActionResult> OnPostAddAsync(int id, int personId, CancellationToken cancellationToken) =>
        await MapAsync(id, await groups.AddPersonAsync(id, personId, Actor, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostAddDepartmentAsync(int id, CancellationToken cancellationToken) =>
        await MapAsync(id, await groups.AddDepartmentAsync(id, DepartmentId, Actor, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(int id, int personId, CancellationToken cancellationToken) =>
        await MapAsync(id, await groups.RemoveAsync(id, personId, Actor, cancellationToken), cancellationToken);

    private string Actor => User.Identity!.Name!;

    private async Task<IActionResult> MapAsync(int id, GroupResult result, CancellationToken cancellationToken)
    {
        switch (result.Status)
        {
            case GroupStatus.NotFound:
                return NotFound();
            case GroupStatus.Done:
                this.ShowMessage(result.Message);
                return RedirectToPage(new { id, q = Query });
            default:
                var field = result.Field switch
                {
                    "name" => nameof(Name),
                    "description" => nameof(Description),
                    "department" => nameof(DepartmentId),
                    _ => "Search",
                };
                ModelState.AddModelError(field, result.Message);
                return await OnGetAsync(id, cancellationToken);
        }
    }
}
