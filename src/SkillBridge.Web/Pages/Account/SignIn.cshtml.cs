using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Accounts;

namespace SkillBridge.Web.Pages.Account;

/// <summary>
/// Checks the name and password with <see cref="PasswordCheck"/>, then signs in (starting a session). The page looks the
/// same for an unknown name and a wrong password; a client with too many wrong passwords gets 429 and how long to wait.
/// </summary>
public sealed class SignInModel(PasswordCheck passwords, SignInManager<SkillBridgeUser> signIn) : PageModel
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

        var result = await passwords.CheckAsync(Input.Username, Input.Password, HttpContext.Connection.RemoteIpAddress, cancellationToken);
        switch (result.Status)
        {
            case PasswordCheckStatus.Succeeded:
                await signIn.SignInAsync(result.User!, Input.RememberMe);
                return LocalRedirect(Url.SafeReturnUrl(ReturnUrl));
            case PasswordCheckStatus.TooManyAttempts:
                var seconds = Math.Max(1, (int)Math.Ceiling(result.RetryAfter.TotalSeconds));
                var minutes = (seconds + 59) / 60;
                Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                ModelState.AddModelError("", $"Too many wrong passwords for this account from your network. Try again in {minutes} {(minutes == 1 ? "minute" : "minutes")}, or reset your password.");
                return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
            case PasswordCheckStatus.Locked:
                ModelState.AddModelError("", "This account is locked. Ask an administrator to unlock it.");
                return Page();
            default:
                ModelState.AddModelError("", "The username or password is not right. Check them and try again.");
                return Page();
        }
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
