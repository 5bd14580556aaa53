using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.People;

namespace SkillBridge.Web.Pages.People;

public sealed class IndexModel(PeopleService people) : PageModel
{
    public IReadOnlyList<PersonSummary> Authors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Authors = await people.ListAuthorsAsync(cancellationToken);
}
