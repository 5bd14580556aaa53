using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Accounts;
using SkillBridge.Web.Accounts;

namespace SkillBridge.Web.Pages.Account;

public sealed class ChangePasswordModel(UserManager<SkillBridgeUser> users, SignInManager<SkillBridgeUser> signIn, UserSessions sessions, AuditLog audit, PasswordRules rules) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<string> Rules => rules.Describe();

    public bool Changed { get; private set; }

    public void OnGet() => Changed = Request.Query.ContainsKey("changed");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                if (error.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                {
                    ModelState.AddModelError("Input.CurrentPassword", "Your current password is not right.");
                }
                else
                {
                    ModelState.AddModelError("Input.NewPassword", error.Description);
                }
            }

            return Page();
        }

        // Every other browser signed in as this person is signed out; this one stays.
        await sessions.EndAllAsync(user.Id, keep: SkillBridgeSignInManager.CurrentSession(User)?.Id, cancellationToken);
        await signIn.RefreshSignInAsync(user);
        await audit.RecordAsync(AuditAction.PasswordChanged, user.UserName, user.UserName!, null, cancellationToken);
        return RedirectToPage(new { changed = 1 });
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter a new password.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter the new password again.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password again")]
        [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords are not the same.")]
        public string ConfirmPassword { get; set; } = "";
    }
}
