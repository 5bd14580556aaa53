using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Accounts;
using SkillBridge.Web.Accounts;

namespace SkillBridge.Web.Pages.Account;

public sealed class AcceptInvitationModel(InvitationService invitations, AccountService accounts, SignInManager<SkillBridgeUser> signIn, PasswordRules rules) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public NewAccountInput Input { get; set; } = new();

    public InvitationState State { get; private set; }

    public Invitation? Invitation { get; private set; }

    public NewAccountFieldsView Fields => new(Input, ModelState, rules.Describe(), UsernameFixed: Invitation?.Username is not null);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LookUpAsync(cancellationToken);
        if (Invitation is not null && State == InvitationState.Open)
        {
            var person = await accounts.FindListedPersonAsync(Invitation.Username ?? "", Invitation.Email, cancellationToken);
            Input.Username = Invitation.Username ?? person?.Username ?? "";
            Input.Name = Invitation.Name ?? person?.Name;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LookUpAsync(cancellationToken);
        if (State != InvitationState.Open || !ModelState.IsValid)
        {
            return Page();
        }

        var (state, result) = await invitations.AcceptAsync(Token!, Input.Username, Input.Password, Input.Name, cancellationToken);
        State = state;
        if (result is null || !result.Succeeded)
        {
            result?.Errors.AddTo(ModelState);
            return Page();
        }

        await signIn.SignInAsync(result.User!, isPersistent: false);
        return LocalRedirect("/");
    }

    private async Task LookUpAsync(CancellationToken cancellationToken)
    {
        var lookup = await invitations.FindAsync(Token, cancellationToken);
        (Invitation, State) = (lookup.Invitation, lookup.State);
    }
}
