using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.People;

namespace SkillBridge.Web.Pages.People;

/// <summary>For curators: people kept only as "a former colleague", each with a link to hand their modules over.</summary>
public sealed class FormerColleaguesModel(AuthorTransfer transfer) : PageModel
{
    public IReadOnlyList<TransferCandidate> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => People = await transfer.FormerColleaguesAsync(cancellationToken);
}
