using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Accounts;

namespace SkillBridge.Web.Pages.Account;

/// <summary>The person deletes their own account after confirming with their password.</summary>
public sealed class DeleteModel(UserManager<SkillBridgeUser> users, SignInManager<SkillBridgeUser> signIn, AccountDeletion deletion) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your password to confirm.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (users.GetUserId(User) is not { } userId)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await deletion.DeleteOwnAsync(userId, Password, cancellationToken);
        switch (result.Outcome)
        {
            case AccountDeletionOutcome.Deleted:
                await signIn.SignOutAsync();
                return RedirectToPage("/Account/Deleted");
            case AccountDeletionOutcome.WrongPassword:
                ModelState.AddModelError(nameof(Password), "That is not your password. Nothing was deleted.");
                return Page();
            case AccountDeletionOutcome.LastAdministrator:
                ModelState.AddModelError("", "You are the site’s only administrator, so your account cannot be deleted. Make someone else an administrator first.");
                return Page();
            default:
                return Challenge();
        }
    }
}
