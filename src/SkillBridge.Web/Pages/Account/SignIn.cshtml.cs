using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Accounts;

namespace SkillBridge.Web.Pages.Account;

public sealed class SignInModel(SignInManager<SkillBridgeUser> signIn, UserManager<SkillBridgeUser> users, AuditLog audit) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool PasswordWasReset { get; private set; }

    public void OnGet() => PasswordWasReset = Request.Query.ContainsKey("reset");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var tried = Input.Username.Trim();
        var user = await users.FindByNameAsync(tried) ?? (tried.Contains('@', StringComparison.Ordinal) ? await users.FindByEmailAsync(tried) : null);
        if (user is null)
        {
            await audit.RecordAsync(AuditAction.SignInFailed, null, tried, "no account with this name", cancellationToken);
            return Refuse();
        }

        var wasLocked = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.SafeReturnUrl(ReturnUrl));
        }

        var name = user.UserName!;
        if (wasLocked)
        {
            await audit.RecordAsync(AuditAction.SignInFailed, null, name, "account is locked", cancellationToken);
            return RefuseLocked();
        }

        await audit.RecordAsync(AuditAction.SignInFailed, null, name, "wrong password", cancellationToken);
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(AuditAction.LockedOut, null, name, $"locked for 15 minutes after {signIn.Options.Lockout.MaxFailedAccessAttempts} failed sign-ins", cancellationToken);
            return RefuseLocked();
        }

        return Refuse();
    }

    private PageResult Refuse()
    {
        ModelState.AddModelError("", "The username or password is not right. Check them and try again.");
        return Page();
    }

    private PageResult RefuseLocked()
    {
        ModelState.AddModelError("", "This account is locked after too many failed sign-ins. Try again in 15 minutes, or ask an administrator to unlock it.");
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your username or e-mail address.")]
        [Display(Name = "Username or e-mail address")]
        [StringLength(256)]
        public string Username { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }
}
