using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Authoring;

namespace SkillBridge.Web.Pages.Authoring;

/// <summary>An author's own modules: drafts, what is in review, what is published.</summary>
public sealed class IndexModel(DraftEditor drafts) : PageModel
{
    public IReadOnlyList<AuthoredModule> Modules { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Modules = await drafts.ListForAuthorAsync(User.Identity!.Name!, cancellationToken);
}
