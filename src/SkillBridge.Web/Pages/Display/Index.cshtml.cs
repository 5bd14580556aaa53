using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Web.Theming;

namespace SkillBridge.Web.Pages.Display;

/// <summary>Text size and contrast for any visitor, kept in a cookie.</summary>
public sealed class IndexModel : PageModel
{
    [BindProperty]
    public TextSize TextSize { get; set; }

    [BindProperty]
    public ContrastPreference Contrast { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Saved { get; private set; }

    public void OnGet()
    {
        var current = DisplayPreferences.From(Request);
        (TextSize, Contrast) = (current.TextSize, current.Contrast);
        Saved = Request.Query.ContainsKey("saved");
    }

    public IActionResult OnPost()
    {
        if (!ModelState.IsValid || !Enum.IsDefined(TextSize) || !Enum.IsDefined(Contrast))
        {
            ModelState.AddModelError(string.Empty, "Choose one of the text sizes and one of the contrast options.");
            return Page();
        }

        new DisplayPreferences(TextSize, Contrast).WriteTo(Response);
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage(new { saved = 1 });
    }
}
