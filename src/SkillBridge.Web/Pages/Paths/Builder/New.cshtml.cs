using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Paths;
using SkillBridge.Web.Authoring;

namespace SkillBridge.Web.Pages.Paths.Builder;

/// <summary>Starts a path from a title and a summary; the builder takes it from there.</summary>
public sealed class NewModel(PathBuilder builder) : PageModel
{
    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var created = await builder.CreateAsync(User.ToActor(), Title, Summary, cancellationToken);
        if (created.Value is { } path)
        {
            return Redirect($"/paths/{path.Slug}/edit");
        }

        return PathResults.ToPage(this, created);
    }
}
