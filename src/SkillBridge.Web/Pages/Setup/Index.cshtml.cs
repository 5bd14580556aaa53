using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Accounts;
using SkillBridge.Web.Accounts;
using SkillBridge.Web.Pages.Account;

namespace SkillBridge.Web.Pages.Setup;

/// <summary>First run: creates the first administrator for whoever can read the setup code on the console. 404 once one exists.</summary>
public sealed class IndexModel(AccountService accounts, SetupCode setupCode, SignInManager<SkillBridgeUser> signIn, PasswordRules rules) : PageModel
{
    [BindProperty]
    public SetupInput Input { get; set; } = new();

    public NewAccountFieldsView Fields => new(Input, ModelState, rules.Describe(), AskEmail: true);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await accounts.AdministratorExistsAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!setupCode.IsActive)
        {
            setupCode.Issue();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await accounts.AdministratorExistsAsync(cancellationToken))
        {
            return NotFound();
        }

        switch (setupCode.Check(Input.SetupCode))
        {
            case SetupCodeCheck.Unavailable:
                return NotFound();
            case SetupCodeCheck.Wrong:
                ModelState.AddModelError("Input.SetupCode", "That is not the setup code printed on the site's console.");
                return Page();
            case SetupCodeCheck.Replaced:
                ModelState.AddModelError("Input.SetupCode", "That is not the setup code. After five wrong codes the site printed a new code on its console: use that one.");
                return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await accounts.CreateAsync(new NewAccount(Input.Username, Input.Email, Input.Password, Input.Name), ProfileClaim.Allowed, null, [Roles.Admin], cancellationToken);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState);
            return Page();
        }

        setupCode.Retire();
        await signIn.SignInAsync(result.User!, isPersistent: false);
        return LocalRedirect("/admin/accounts");
    }

    public sealed class SetupInput : NewAccountWithEmailInput
    {
        [Required(ErrorMessage = "Enter the setup code from the site's console.")]
        [Display(Name = "Setup code")]
        [StringLength(40)]
        public string SetupCode { get; set; } = "";
    }
}
