using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Groups;
using SkillBridge.Web.Messages;

namespace SkillBridge.Web.Pages.Groups;

/// <summary>
/// Adding people from a pasted list: Check shows the preview (n ready, m with problems, each with its line and reason);
/// Confirm sends the same text back and the service checks it again before adding the entries ready then.
/// </summary>
public sealed class PasteModel(GroupService groups, GroupPaste paste) : PageModel
{
    public GroupSummary Group { get; private set; } = null!;

    [BindProperty]
    public string? List { get; set; }

    public PastePreview? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCheckAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Problem() is { } problem)
        {
            ModelState.AddModelError(nameof(List), problem);
            return Page();
        }

        Preview = await paste.PreviewAsync(id, List, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Problem() is { } problem)
        {
            ModelState.AddModelError(nameof(List), problem);
            return Page();
        }

        var (result, preview) = await paste.ConfirmAsync(id, List, User.Identity!.Name!, cancellationToken);
        switch (result.Status)
        {
            case GroupStatus.NotFound:
                return NotFound();
            case GroupStatus.Done:
                this.ShowMessage(result.Message + (preview!.Problems.Count > 0 ? $" {preview.Problems.Count} line(s) with problems were left out." : ""));
                return RedirectToPage("/Groups/Details", new { id });
            default:
                Preview = preview;
                ModelState.AddModelError(nameof(List), result.Message);
                return Page();
        }
    }

    private string? Problem() =>
        string.IsNullOrWhiteSpace(List) ? "Paste at least one username or e-mail address."
        : List.Length > GroupPaste.MaxLength ? $"The list is too long: paste at most {GroupPaste.MaxLength:N0} characters at a time."
        : null;

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await groups.FindAsync(id, cancellationToken) is not { } group)
        {
            return false;
        }

        Group = group.Group;
        return true;
    }
}
