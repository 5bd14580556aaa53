using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Media;
using SkillBridge.Core.People;
using SkillBridge.Web.Accounts;
using SkillBridge.Web.Messages;

namespace SkillBridge.Web.Pages.Account;

/// <summary>A person edits their own profile: photo, bio and the topics they help with.</summary>
public sealed class ProfileModel(ProfileEditor editor) : PageModel
{
    [BindProperty]
    public string? Bio { get; set; }

    [BindProperty]
    public string? HelpsWith { get; set; }

    [BindProperty]
    public IFormFile? Photo { get; set; }

    [BindProperty]
    public bool RemovePhoto { get; set; }

    public OwnProfile Profile { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public string? Problem(string field) => Problems.GetValueOrDefault(field);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } profile)
        {
            return NotFound();
        }

        Bio = profile.Bio;
        HelpsWith = string.Join(", ", profile.HelpsWith);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await using var photo = Photo is { Length: > 0 } ? Photo.OpenReadStream() : null;
        var change = new ProfileChange(Bio, HelpsWith, photo is null ? null : new ImageUpload(photo, Photo!.FileName, Photo.ContentType), RemovePhoto);
        var result = await editor.SaveAsync(User.LearnerId()!, change, cancellationToken);
        switch (result.Status)
        {
            case ProfileSaveStatus.Saved:
                this.ShowMessage("Your profile was saved.", PageMessageKind.Success);
                return RedirectToPage();
            case ProfileSaveStatus.NoProfile:
                return NotFound();
            default:
                Problems = result.Problems;
                return await LoadAsync(cancellationToken) is null ? NotFound() : Page();
        }
    }

    private async Task<OwnProfile?> LoadAsync(CancellationToken cancellationToken)
    {
        var profile = await editor.LoadAsync(User.LearnerId()!, cancellationToken);
        if (profile is not null)
        {
            Profile = profile;
        }

        return profile;
    }
}
