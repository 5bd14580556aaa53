using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SkillBridge.Core;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Mail;
using SkillBridge.Core.People;
using SkillBridge.Web.Accounts;
using SkillBridge.Web.Messages;

namespace SkillBridge.Web.Pages.Admin;

/// <summary>
/// Admins invite people (name and roles set here), one at a time or from a pasted list or CSV file checked first as a
/// preview, and look after the invitations still waiting: send again, revoke.
/// </summary>
public sealed class InvitationsModel(InvitationService invitations, InvitationBatch batch, MailStatus mail, AccountLinks links, PeopleService people, IOptions<SkillBridgeOptions> options) : PageModel
{
    private const long MaxFileBytes = 1024 * 1024;

    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    /// <summary>The pasted list; on the confirm step, the list the preview was made from.</summary>
    [BindProperty]
    public string? List { get; set; }

    [BindProperty]
    public IFormFile? ListFile { get; set; }

    public IReadOnlyList<PendingInvitation> Pending { get; private set; } = [];

    /// <summary>Links shown once to the admin when they could not be mailed: who they are for, and the link.</summary>
    public IReadOnlyList<(string Email, string Link)> NewLinks { get; private set; } = [];

    public InvitationBatchPreview? Preview { get; private set; }

    public bool MailAvailable => mail.IsOn;

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>The names of the admins who sent the waiting invitations.</summary>
    public DisplayNames Names { get; private set; } = DisplayNames.None;

    private string Actor => User.Identity!.Name!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Zone = ViewerTime.ZoneOf(User, options.Value);
        Pending = await invitations.ListPendingAsync(cancellationToken);
        Names = await people.DisplayNamesAsync(Pending.Select(p => p.InvitedBy), cancellationToken);
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var created = await invitations.CreateAsync(new InvitationRequest(Invite.Email, Invite.Username, Invite.Name, Invite.Roles), Actor, cancellationToken);
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

                NewLinks = [(created.Invitation!.Email, links.Absolute(Request, InvitationService.LinkPath(created.Token!)))];
                this.ShowMessage($"Invitation created for {created.Invitation!.Email}. This site does not send e-mail: copy the link below and send it yourself. It is shown only now.");
                ModelState.Clear();
                Invite = new();
            }
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(int id, CancellationToken cancellationToken)
    {
        var change = await invitations.ResendAsync(id, Actor, cancellationToken);
        if (change.Status == InvitationChangeStatus.NotFound)
        {
            return NotFound();
        }

        if (change.Mailed)
        {
            this.ShowMessage($"Invitation sent again to {change.Invitation!.Email}, with a new link valid for {Invitation.ValidFor.TotalDays:0} days.");
            return RedirectToPage();
        }

        NewLinks = [(change.Invitation!.Email, links.Absolute(Request, InvitationService.LinkPath(change.Token!)))];
        this.ShowMessage($"New link made for {change.Invitation.Email}; the old one no longer works. It is shown only now.");
        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        var change = await invitations.RevokeAsync(id, Actor, cancellationToken);
        if (change.Status == InvitationChangeStatus.NotFound)
        {
            return NotFound();
        }

        this.ShowMessage($"The invitation to {change.Invitation!.Email} is revoked: its link no longer works.");
        return RedirectToPage();
    }

    /// <summary>Checks the list and shows what would happen; nothing is created.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (ListFile is { Length: > 0 } file)
        {
            if (file.Length > MaxFileBytes)
            {
                ModelState.AddModelError(nameof(ListFile), "The file is larger than 1 MB. Split the list, or paste it instead.");
                await OnGetAsync(cancellationToken);
                return Page();
            }

            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            List = await reader.ReadToEndAsync(cancellationToken);
        }

        Preview = await batch.PreviewAsync(List, cancellationToken);
        if (Preview.Problem is not null)
        {
            ModelState.AddModelError(nameof(List), Preview.Problem);
            Preview = null;
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    /// <summary>Checks the previewed list again and creates the invitations that are ready.</summary>
    public async Task<IActionResult> OnPostSendListAsync(CancellationToken cancellationToken)
    {
        var sent = await batch.SendAsync(List, Actor, cancellationToken);
        var count = sent.Created.Count;
        var skipped = sent.Preview.Lines.Count - count;
        var summary = $"{count} {(count == 1 ? "invitation" : "invitations")} created" + (skipped > 0 ? $"; {skipped} {(skipped == 1 ? "line was" : "lines were")} left out." : ".");
        if (sent.Created.All(c => c.Mailed))
        {
            this.ShowMessage(summary + (count > 0 ? " They are on their way by e-mail." : ""));
            return RedirectToPage();
        }

        NewLinks = sent.Created.Where(c => !c.Mailed).Select(c => (c.Invitation!.Email, links.Absolute(Request, InvitationService.LinkPath(c.Token!)))).ToList();
        this.ShowMessage(summary + " This site does not send e-mail: copy each link below and send it yourself. They are shown only now.");
        ModelState.Clear();
        List = null;
        await OnGetAsync(cancellationToken);
        return Page();
    }

    public string FormatTime(DateTime utc) => ViewerTime.Format(utc, Zone);

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Enter the e-mail address to invite.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.com.")]
        [StringLength(256)]
        [Display(Name = "E-mail address")]
        public string Email { get; set; } = "";

        [StringLength(InvitationService.NameMaxLength, ErrorMessage = "The name can be at most 100 characters.")]
        [Display(Name = "Name (optional: they can correct it)")]
        public string? Name { get; set; }

        [StringLength(100)]
        [RegularExpression("^[A-Za-z0-9._-]+$", ErrorMessage = "A username uses letters, digits, dots, dashes and underscores only.")]
        [Display(Name = "Username (optional: they choose one otherwise)")]
        public string? Username { get; set; }

        public List<string> Roles { get; set; } = [];
    }
}
