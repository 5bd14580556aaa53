using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Accounts;

namespace SkillBridge.Web.Pages.Account;

/// <summary>Queues a reset-link mail when mail is on (PasswordResetMail; the link comes from SiteUrl, never the request). The answer is the same whether or not the address has an account.</summary>
public sealed class ForgotPasswordModel(PasswordResetMail resetMail, ResetMailThrottle throttle) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool MailAvailable => resetMail.IsOn;

    public bool Sent { get; private set; }

    public void OnGet() => Sent = Request.Query.ContainsKey("sent");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!MailAvailable)
        {
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Throttled or not, the page says the same; nothing is mailed past the limit (README, Sign-in and sessions).
        if (await throttle.AllowsMailAsync(Input.Email, HttpContext.Connection.RemoteIpAddress, cancellationToken))
        {
            await resetMail.RequestAsync(Input.Email, cancellationToken);
        }

        return RedirectToPage(new { sent = 1 });
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the e-mail address of your account.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.com.")]
        [Display(Name = "E-mail address")]
        public string Email { get; set; } = "";
    }
}
