using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Paths;
using SkillBridge.Web.Accounts;

namespace SkillBridge.Web.Pages.Paths;

/// <summary>The certificate of a completed path, for the learner who completed it only (everyone else: not found).</summary>
public sealed class CertificateModel(PathProgressService pathProgress) : PageModel
{
    public PathCertificate Certificate { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (User.LearnerId() is not { } learner)
        {
            return Challenge();
        }

        if (await pathProgress.CertificateAsync(learner, slug, cancellationToken) is not { } certificate)
        {
            return NotFound();
        }

        Certificate = certificate;
        return Page();
    }
}
