using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SkillBridge.Web.Pages;

/// <summary>Shown for error status codes (404 and friends) instead of an empty response.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Heading, Explanation) = code switch
        {
            404 => ("Page not found", "There is no page at this address. The module or step may have been moved, or the link may be mistyped."),
            403 => ("You do not have access to this page", "Your account does not have the role this page needs. If you think it should, ask an administrator."),
            400 => ("That request could not be understood", "Something in the address or the form was not valid. Go back and try again."),
            _ => ("Something went wrong", "The page could not be shown. Try again in a moment."),
        };
    }
}
