using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Mail;
using SkillBridge.Web.Accounts;
using SkillBridge.Web.Messages;

namespace SkillBridge.Web.Pages.Admin;

/// <summary>Admins list accounts, invite people, grant and revoke roles, lock and unlock.</summary>
public sealed class AccountsModel(AccountService accounts, InvitationService invitations, MailStatus mail, AccountLinks links) : PageModel
{
    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];

    [BindProperty]
    public InviteInput Invite { get; set; } = new();


    /// <summary>The invitation link, shown once to the admin when it could not be mailed.</summary>
    public string? InvitationLink { get; private set; }

    public bool MailAvailable => mail.IsOn;

    private string Actor => User.Identity!.Name!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Accounts = await accounts.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var created = await invitations.CreateAsync(Invite.Email, Invite.Username, Actor, cancellationToken);
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError("Invite." + error.Field, error.Message);
            }

            if (created.Succeeded)
            {
                if (created.Mailed)
                {
                    this.ShowMessage($"Invitation sent to {created.Invitation!.Email}.");
                    return RedirectToPage();
                }

                InvitationLink = links.Absolute(Request, InvitationService.LinkPath(created.Token!));
                this.ShowMessage($"Invitation created for {created.Invitation!.Email}. This site does not send e-mail: copy the link below and send it yourself. It is shown only now.");
                ModelState.Clear();
                Invite = new();
            }
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostGrantAsync(string userId, string role, CancellationToken cancellationToken) =>
        ChangeAsync(accounts.GrantRoleAsync(userId, role, Actor, cancellationToken), $"Granted {role}.");

    public Task<IActionResult> OnPostRevokeAsync(string userId, string role, CancellationToken cancellationToken) =>
        ChangeAsync(accounts.RevokeRoleAsync(userId, role, Actor, cancellationToken), $"Revoked {role}.");

    public Task<IActionResult> OnPostLockAsync(string userId, CancellationToken cancellationToken) =>
        ChangeAsync(accounts.SetLockedAsync(userId, true, Actor, cancellationToken), "The account is locked.");

    public Task<IActionResult> OnPostUnlockAsync(string userId, CancellationToken cancellationToken) =>
        ChangeAsync(accounts.SetLockedAsync(userId, false, Actor, cancellationToken), "The account is unlocked.");

    private async Task<IActionResult> ChangeAsync(Task<RoleChange> change, string done)
    {
        switch (await change)
        {
            case RoleChange.NoSuchAccount:
            case RoleChange.UnknownRole:
                return NotFound();
            case RoleChange.LastAdministrator:
                this.ShowMessage("That would leave the site without an administrator. Make someone else an administrator first.", PageMessageKind.Error);
                break;
            default:
                this.ShowMessage(done);
                break;
        }

        return RedirectToPage();
    }

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Enter the e-mail address to invite.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.com.")]
        [StringLength(256)]
        [Display(Name = "E-mail address")]
        public string Email { get; set; } = "";

        [StringLength(100)]
        [RegularExpression("^[A-Za-z0-9._-]+$", ErrorMessage = "A username uses letters, digits, dots, dashes and underscores only.")]
        [Display(Name = "Username (optional: they choose one otherwise)")]
        public string? Username { get; set; }
    }
}
