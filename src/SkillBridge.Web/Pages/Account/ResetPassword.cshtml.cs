using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using SkillBridge.Core.Accounts;
using SkillBridge.Web.Accounts;

namespace SkillBridge.Web.Pages.Account;

public sealed class ResetPasswordModel(UserManager<SkillBridgeUser> users, UserSessions sessions, AuditLog audit, PasswordRules rules) : PageModel
{
    private const string ExpiredMessage = "This link has expired or has already been used. Ask for a new one on the forgotten password page.";

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<string> Rules => rules.Describe();

    public bool LinkIsComplete => !string.IsNullOrEmpty(UserId) && !string.IsNullOrEmpty(Code);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!LinkIsComplete || !ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByIdAsync(UserId!);
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Code!));
        }
        catch (FormatException)
        {
            token = "";
        }

        if (user is null || token.Length == 0)
        {
            ModelState.AddModelError("", ExpiredMessage);
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, token, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "InvalidToken" ? "" : "Input.NewPassword", error.Code == "InvalidToken" ? ExpiredMessage : error.Description);
            }

            return Page();
        }

        await users.ResetAccessFailedCountAsync(user);
        await sessions.EndAllAsync(user.Id, cancellationToken: cancellationToken);
        await audit.RecordAsync(AuditAction.PasswordReset, user.UserName, user.UserName!, "by e-mailed link", cancellationToken);
        return Redirect("/account/signin?reset=1");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a new password.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter the new password again.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password again")]
        [Compare(nameof(NewPassword), ErrorMessage = "The two passwords are not the same.")]
        public string ConfirmPassword { get; set; } = "";
    }
}
