using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Assignments;
using SkillBridge.Web.Accounts;
using SkillBridge.Web.Time;

namespace SkillBridge.Web.Pages.Assignments;

/// <summary>One assignment: everyone's progress, and changing its note and due date or removing it.</summary>
public sealed class DetailsModel(AssignmentService assignments, AssignmentQueries queries, LocalTime time) : PageModel
{
    [BindProperty]
    public AssignmentForm Form { get; set; } = new();

    public AssignmentDetails Details { get; private set; } = null!;

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.DetailsAsync(id, cancellationToken) is not { } details)
        {
            return NotFound();
        }

        Details = details;
        Form = AssignmentForm.From(details.Assignment, time.Zone);
        Message = Request.Query.ContainsKey("created") ? "Assigned. The people assigned are reminded in the site, and by mail when mail is on."
            : Request.Query.ContainsKey("changed") ? "Saved. Due dates and reminders that had not gone out yet were moved."
            : Request.Query.ContainsKey("removed") ? "Removed. The people assigned no longer see it, and their reminders stopped."
            : null;
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync(int id, CancellationToken cancellationToken)
    {
        if (User.LearnerId() is not { } curator)
        {
            return Challenge();
        }

        if (ModelState.IsValid)
        {
            var result = await assignments.ChangeAsync(id, Form.ToInput(), curator, cancellationToken);
            if (result.Failure == AssignmentFailure.NotFound)
            {
                return NotFound();
            }

            if (result.Succeeded)
            {
                return Redirect($"/assignments/{id}?changed=1");
            }

            AssignmentForm.AddProblems(result.Problems, ModelState);
        }

        if (await queries.DetailsAsync(id, cancellationToken) is not { } details)
        {
            return NotFound();
        }

        Details = details;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        if (User.LearnerId() is not { } curator)
        {
            return Challenge();
        }

        var result = await assignments.RemoveAsync(id, curator, cancellationToken);
        return result.Failure == AssignmentFailure.NotFound ? NotFound() : Redirect($"/assignments/{id}?removed=1");
    }
}
