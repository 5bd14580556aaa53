using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Paths;

namespace SkillBridge.Web.Pages.Paths;

public sealed class IndexModel(LearningPathService paths) : PageModel
{
    public IReadOnlyList<LearningPathSummary> Paths { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Paths = await paths.ListAsync(cancellationToken);
}
