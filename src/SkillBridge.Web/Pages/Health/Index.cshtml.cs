using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;
using SkillBridge.Core.Mail;
using SkillBridge.Core.Media;
using SkillBridge.Core.Modules;
using SkillBridge.Core.Outbox;
using SkillBridge.Core.Search;

namespace SkillBridge.Web.Pages.Health;

/// <summary>What an operator checks first: is the database there, how much is published, how images are handled.</summary>
public sealed class IndexModel(SkillBridgeDbContext db, ImageProcessing imageProcessing, SearchService search, MailStatus mail) : PageModel
{
    public bool DatabaseReachable { get; private set; }

    public string DatabaseProvider { get; private set; } = "";

    public int PublishedModules { get; private set; }

    public string ImageMode { get; private set; } = "";

    /// <summary>Modules in this node's search index against published modules, and its place in the search change log.</summary>
    public SearchConsistency? Search { get; private set; }

    /// <summary>Whether mail is on, and why not when SMTP is configured without a site address.</summary>
    public string Mail { get; private set; } = "";

    public int MailQueued { get; private set; }

    public int MailFailed { get; private set; }
    /// <summary>Key rows skipped because their XML does not parse (sign-in keeps working on the others).</summary>
    public IReadOnlyList<UnreadableKey> UnreadableKeys { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DatabaseProvider = db.Database.ProviderName ?? "unknown";
        DatabaseReachable = await db.Database.CanConnectAsync(cancellationToken);
        if (DatabaseReachable)
        {
            PublishedModules = await db.Modules.CountAsync(m => m.Status == ModuleStatus.Published, cancellationToken);
            Search = await search.CheckAsync(cancellationToken);
            MailQueued = await db.OutboxMessages.CountAsync(m => m.State == OutboxState.Pending, cancellationToken);
            MailFailed = await db.OutboxMessages.CountAsync(m => m.State == OutboxState.Failed, cancellationToken);
            UnreadableKeys = await DataProtectionKeyRepository.FindUnreadableAsync(db, cancellationToken);
        }

        ImageMode = imageProcessing.Describe();
        Mail = mail.Describe();
    }
}
