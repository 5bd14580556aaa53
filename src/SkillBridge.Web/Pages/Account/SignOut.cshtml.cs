using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Accounts;

namespace SkillBridge.Web.Pages.Account;

/// <summary>Signing out changes state, so it happens on POST only; GET shows the button.</summary>
public sealed class SignOutModel(SignInManager<SkillBridgeUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
