using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Accounts;
using SkillBridge.Web.Accounts;

namespace SkillBridge.Web.Pages.Account;

/// <summary>Where a password-reset link an admin made leads: the person chooses a new password, once.</summary>
public sealed class ResetLinkModel(ResetLinkService resetLinks, PasswordRules rules) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public ResetPasswordModel.InputModel Input { get; set; } = new();

    public ResetLinkStatus Status { get; private set; }

    public string? Username { get; private set; }

    public IReadOnlyList<string> Rules => rules.Describe();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await CheckAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await CheckAsync(cancellationToken);
        if (Status != ResetLinkStatus.Done || !ModelState.IsValid)
        {
            return Page();
        }

        var result = await resetLinks.UseAsync(Token, Input.NewPassword, cancellationToken);
        switch (result.Status)
        {
            case ResetLinkStatus.Done:
                return Redirect("/account/signin?reset=1");
            case ResetLinkStatus.PasswordRefused:
                foreach (var error in result.Errors ?? [])
                {
                    ModelState.AddModelError("Input.NewPassword", error.Message);
                }

                return Page();
            default:
                Status = result.Status;
                return Page();
        }
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        var check = await resetLinks.CheckAsync(Token, cancellationToken);
        (Status, Username) = (check.Status, check.Username);
    }
}
