using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SkillBridge.Core;
using SkillBridge.Core.Accounts;
using SkillBridge.Web.Accounts;

namespace SkillBridge.Web.Pages.Account;

/// <summary>
/// Self-registration, when SkillBridge:Accounts:AllowSelfRegistration is on (404 otherwise). Creates a learner; a
/// username or e-mail listed in people.yml is refused, since nobody checked that the visitor is that person.
/// </summary>
public sealed class RegisterModel(AccountService accounts, SignInManager<SkillBridgeUser> signIn, PasswordRules rules, IOptionsMonitor<SkillBridgeOptions> options) : PageModel
{
    [BindProperty]
    public NewAccountWithEmailInput Input { get; set; } = new();

    public NewAccountFieldsView Fields => new(Input, ModelState, rules.Describe(), AskEmail: true);

    private bool Allowed => options.CurrentValue.Accounts.AllowSelfRegistration;

    public IActionResult OnGet() => Allowed ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Allowed)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await accounts.CreateAsync(new NewAccount(Input.Username, Input.Email, Input.Password, Input.Name), ProfileClaim.Refused, null, [], cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState);
            return Page();
        }

        await signIn.SignInAsync(result.User!, isPersistent: false);
        return LocalRedirect("/");
    }
}
