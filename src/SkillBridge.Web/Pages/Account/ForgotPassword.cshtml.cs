using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using SkillBridge.Core.Accounts;
using SkillBridge.Web.Accounts;

namespace SkillBridge.Web.Pages.Account;

/// <summary>Mails a reset link when SMTP is configured. The answer is the same whether or not the address has an account.</summary>
public sealed class ForgotPasswordModel(UserManager<SkillBridgeUser> users, EmailSender mail, AccountLinks links, ResetMailThrottle throttle) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool MailAvailable => mail.IsConfigured;

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
        var mayMail = await throttle.AllowsMailAsync(Input.Email, HttpContext.Connection.RemoteIpAddress, cancellationToken);
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is not null && mayMail)
        {
            var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var link = links.Absolute(Request, $"/account/resetpassword?user={Uri.EscapeDataString(user.Id)}&code={token}");
            await mail.SendAsync(user.Email!, "Choose a new SkillBridge password",
                $"Hello {user.UserName},\n\nSomeone (we hope you) asked to reset your SkillBridge password. Open this link within 3 hours to choose a new one:\n\n{link}\n\nIf it was not you, ignore this mail: your password stays as it is.\n",
                cancellationToken);
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
