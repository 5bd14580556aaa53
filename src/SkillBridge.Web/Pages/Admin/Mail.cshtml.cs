using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SkillBridge.Core;
using SkillBridge.Core.Mail;
using SkillBridge.Core.Outbox;
using SkillBridge.Web.Accounts;
using SkillBridge.Web.Messages;

namespace SkillBridge.Web.Pages.Admin;

/// <summary>Mail waiting in the outbox and mail that failed, with Retry for a failed one.</summary>
public sealed class MailModel(OutboxAdmin outbox, MailStatus mail, IOptions<SkillBridgeOptions> options) : PageModel
{
    public IReadOnlyList<OutboxEntry> Entries { get; private set; } = [];

    public string Status => mail.Describe();

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;


    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Zone = ViewerTime.ZoneOf(User, options.Value);
        Entries = await outbox.ListUnsentAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        (string Text, PageMessageKind Kind)? message = await outbox.RetryAsync(id, cancellationToken) switch
        {
            OutboxRetryStatus.Due => ("The mail will be sent again now.", PageMessageKind.Success),
            OutboxRetryStatus.NotFailed => ("That mail has not failed (it may have been retried already).", PageMessageKind.Information),
            OutboxRetryStatus.ContentRemoved => ("That mail cannot be sent again: the link in it expired and its content was removed. Ask the person to request a new one.", PageMessageKind.Error),
            _ => null,
        };
        if (message is not { } shown)
        {
            return NotFound();
        }

        this.ShowMessage(shown.Text, shown.Kind);
        return RedirectToPage();
    }
}
