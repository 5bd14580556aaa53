using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Search.Synonyms;
using SkillBridge.Web.Messages;

namespace SkillBridge.Web.Pages.Search.Synonyms;

/// <summary>One synonym's change form (and its remove button, which posts to the list).</summary>
public sealed class EditModel(SearchSynonymService synonyms) : PageModel
{
    public SearchSynonymRow Synonym { get; private set; } = null!;

    [BindProperty]
    public string? Searched { get; set; }

    [BindProperty]
    public string? Meaning { get; set; }


    public SynonymFields Fields => new(Searched, Meaning);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await synonyms.FindAsync(id, cancellationToken) is not { } synonym)
        {
            return NotFound();
        }

        Synonym = synonym;
        Searched ??= synonym.Searched;
        Meaning ??= synonym.Meaning;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await synonyms.ChangeAsync(id, Searched, Meaning, User.Identity!.Name!, cancellationToken);
        switch (result.Status)
        {
            case SearchSynonymStatus.NotFound:
                return NotFound();
            case SearchSynonymStatus.Done:
                this.ShowMessage(result.Message);
                return RedirectToPage("/Search/Synonyms/Index");
            default:
                result.AddTo(ModelState);
                return await OnGetAsync(id, cancellationToken);
        }
    }
}
