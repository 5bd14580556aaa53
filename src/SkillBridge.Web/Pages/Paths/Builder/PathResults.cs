using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Paths;

namespace SkillBridge.Web.Pages.Paths.Builder;

/// <summary>The one mapping from a failed path builder action to what the page answers.</summary>
public static class PathResults
{
    /// <summary>Not found → 404, forbidden → 403; otherwise the problems go next to their fields and the page is shown again.</summary>
    public static IActionResult ToPage<T>(PageModel page, PathResult<T> failed)
    {
        switch (failed.Failure)
        {
            case PathFailure.NotFound:
                return page.NotFound();
            case PathFailure.Forbidden:
                return page.Forbid();
            case PathFailure.WrongState:
                page.ModelState.AddModelError("", failed.Message!);
                break;
            default:
                foreach (var problem in failed.Problems)
                {
                    page.ModelState.AddModelError(problem.Field, problem.Message);
                }

                break;
        }

        return page.Page();
    }
}
