using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Paths;

namespace SkillBridge.Web.Pages.Paths;

public sealed class DetailsModel(LearningPathService paths) : PageModel
{
    public LearningPathDetails Path { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var path = await paths.FindAsync(slug, cancellationToken);
        if (path is null)
        {
            return NotFound();
        }

        Path = path;
        return Page();
    }
}
