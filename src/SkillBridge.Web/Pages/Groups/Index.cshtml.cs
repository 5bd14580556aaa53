using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Groups;
using SkillBridge.Web.Messages;

namespace SkillBridge.Web.Pages.Groups;

/// <summary>Curators list groups and create one.</summary>
public sealed class IndexModel(GroupService groups) : PageModel
{
    public IReadOnlyList<GroupSummary> Groups { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }


    public async Task OnGetAsync(CancellationToken cancellationToken) => Groups = await groups.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;
        var result = await groups.CreateAsync(Name, Description, userId, User.Identity!.Name!, cancellationToken);
        if (result.Succeeded)
        {
            this.ShowMessage(result.Message);
            return RedirectToPage("/Groups/Details", new { id = result.GroupId });
        }

        ModelState.AddModelError(result.Field == "description" ? nameof(Description) : nameof(Name), result.Message);
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
