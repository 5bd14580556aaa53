using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Paths;

namespace SkillBridge.Web.Pages.Paths.Builder;

/// <summary>The curators' list of paths by status: drafts, published, unpublished and archived.</summary>
public sealed class IndexModel(PathBuilder builder) : PageModel
{
    public IReadOnlyList<PathListItem> Paths { get; private set; } = [];

    public static string Heading(PathStatus status) => status switch
    {
        PathStatus.Draft => "Drafts",
        PathStatus.Published => "Published",
        PathStatus.Unpublished => "Unpublished",
        _ => "Archived",
    };

    public async Task OnGetAsync(CancellationToken cancellationToken) => Paths = await builder.ListAsync(cancellationToken);
}
