using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Accounts;

namespace SkillBridge.Web.Pages.Account;

/// <summary>The person's own data as a JSON download.</summary>
public sealed class DataModel(UserManager<SkillBridgeUser> users, PersonalDataExporter exporter) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (users.GetUserId(User) is not { } userId || await exporter.ExportAsync(userId, cancellationToken) is not { } file)
        {
            return Challenge();
        }

        return File(file.Json, "application/json", file.FileName);
    }
}
