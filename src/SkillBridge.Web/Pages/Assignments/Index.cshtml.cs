using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Assignments;

namespace SkillBridge.Web.Pages.Assignments;

/// <summary>Curators' list of assignments with how many people completed each and how many are overdue.</summary>
public sealed class IndexModel(AssignmentQueries queries) : PageModel
{
    public IReadOnlyList<AssignmentSummary> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await queries.ListAsync(cancellationToken);
}
