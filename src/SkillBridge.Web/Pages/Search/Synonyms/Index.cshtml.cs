using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Search.Synonyms;
using SkillBridge.Web.Messages;

namespace SkillBridge.Web.Pages.Search.Synonyms;

/// <summary>
/// Curators' synonym list: every synonym with change and remove, and the add form, which a missed search's
/// "Add a synonym" link opens with the searched words filled in (?searched=...).
/// </summary>
public sealed class IndexModel(SearchSynonymService synonyms) : PageModel
{
    public IReadOnlyList<SearchSynonymRow> Synonyms { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Searched { get; set; }

    [BindProperty]
    public string? Meaning { get; set; }


    public SynonymFields Fields => new(Searched, Meaning);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Synonyms = await synonyms.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await synonyms.AddAsync(Searched, Meaning, User.Identity!.Name!, cancellationToken);
        if (result.Succeeded)
        {
            this.ShowMessage(result.Message);
            return RedirectToPage();
        }

        result.AddTo(ModelState);
        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        var result = await synonyms.RemoveAsync(id, User.Identity!.Name!, cancellationToken);
        this.ShowMessage(result.Message);
        return RedirectToPage();
    }
}
