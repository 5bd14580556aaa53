using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Branding;
using SkillBridge.Core.Media;
using SkillBridge.Web.Messages;

namespace SkillBridge.Web.Pages.Admin;

/// <summary>The site's name, logo, favicon and accent colour.</summary>
public sealed class BrandingModel(BrandingService branding) : PageModel
{
    [BindProperty]
    public string? SiteName { get; set; }

    [BindProperty]
    public string? AccentColour { get; set; }

    [BindProperty]
    public IFormFile? Logo { get; set; }

    [BindProperty]
    public IFormFile? Favicon { get; set; }

    [BindProperty]
    public bool UseDefaultLogo { get; set; }

    [BindProperty]
    public bool UseDefaultFavicon { get; set; }

    public BrandingShown Current { get; private set; } = BrandingShown.Default;

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public string? Problem(string field) => Problems.GetValueOrDefault(field);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Current = await branding.GetAsync(cancellationToken);
        SiteName = Current.SiteName;
        AccentColour = Current.AccentColour;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await using var logo = Logo is { Length: > 0 } ? Logo.OpenReadStream() : null;
        await using var favicon = Favicon is { Length: > 0 } ? Favicon.OpenReadStream() : null;
        var change = new BrandingChange(
            SiteName,
            AccentColour,
            logo is null ? null : new ImageUpload(logo, Logo!.FileName, Logo.ContentType),
            favicon is null ? null : new ImageUpload(favicon, Favicon!.FileName, Favicon.ContentType),
            UseDefaultLogo,
            UseDefaultFavicon);
        var result = await branding.SaveAsync(change, User.Identity!.Name!, cancellationToken);
        if (result.Status == BrandingSaveStatus.Saved)
        {
            this.ShowMessage("The branding was saved. Every page shows it now.", PageMessageKind.Success);
            return RedirectToPage();
        }

        Problems = result.Problems;
        Current = await branding.GetAsync(cancellationToken);
        return Page();
    }
}
