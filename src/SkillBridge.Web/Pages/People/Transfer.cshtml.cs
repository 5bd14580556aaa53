using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.People;

namespace SkillBridge.Web.Pages.People;

/// <summary>A curator hands a departing author's modules, drafts and open requests to another author.</summary>
public sealed class TransferModel(AuthorTransfer transfer) : PageModel
{
    public TransferSubject Subject { get; private set; } = null!;

    public IReadOnlyList<TransferCandidate> Candidates { get; private set; } = [];

    [BindProperty]
    public string To { get; set; } = "";

    public AuthorTransferResult? Result { get; private set; }

    public string ToName => Candidates.FirstOrDefault(c => c.Username == To)?.Name ?? To;

    public async Task<IActionResult> OnGetAsync(string username, CancellationToken cancellationToken) =>
        await LoadAsync(username, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string username, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(username, cancellationToken))
        {
            return NotFound();
        }

        var result = await transfer.TransferAsync(username, To, User.Identity!.Name!, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(To), result.Message!);
            return Page();
        }

        Result = result;
        await LoadAsync(username, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(string username, CancellationToken cancellationToken)
    {
        if (await transfer.FindAsync(username, cancellationToken) is not { } subject)
        {
            return false;
        }

        Subject = subject;
        Candidates = await transfer.CandidatesAsync(username, cancellationToken);
        return true;
    }
}
