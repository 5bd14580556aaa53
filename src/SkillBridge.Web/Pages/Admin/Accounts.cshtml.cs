using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Departments;
using SkillBridge.Web.Accounts;
using SkillBridge.Web.Messages;

namespace SkillBridge.Web.Pages.Admin;

/// <summary>
/// Admins find accounts (search, filters, 25 a page, all in the query string), add and remove roles, lock and unlock, and
/// make password-reset links. Granting admin and locking ask first: the first post shows a summary, the second does it.
/// </summary>
public sealed class AccountsModel(AccountDirectory directory, AccountService accounts, DepartmentService departments, ResetLinkService resetLinks, AccountLinks links) : PageModel
{
    // The list's search and filters are read from the query string only: the row forms post a "role" of their own.
    public string? Search => Query("q");

    public string? Role => Query("role");

    public int? Department => int.TryParse(Query("department"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public string? Locked => Query("locked");

    public AccountPage Result { get; private set; } = null!;

    public IReadOnlyList<DepartmentSummary> Departments { get; private set; } = [];

    /// <summary>Set when a change needs confirming: the page shows what would happen and a button to go ahead.</summary>
    public PendingConfirmation? Confirmation { get; private set; }

    /// <summary>A reset link, shown to the admin only in the response that made it.</summary>
    public (string Link, AccountSummary Account)? ResetLink { get; private set; }

    /// <summary>Read by hand: Razor Pages reserves the route value "page".</summary>
    public int PageNumber => int.TryParse(Request.Query["page"], out var number) ? Math.Max(1, number) : 1;

    private string Actor => User.Identity!.Name!;

    private string? Query(string name) => Request.Query[name].FirstOrDefault() is { Length: > 0 } value ? value : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Departments = await departments.ListCurrentAsync(cancellationToken);
        var locked = Locked switch { "yes" => LockFilter.Locked, "no" => LockFilter.NotLocked, _ => LockFilter.Any };
        Result = await directory.SearchAsync(new AccountQuery(Search, Role, Department, locked, PageNumber), cancellationToken);
    }

    public async Task<IActionResult> OnPostGrantAsync(string userId, string role, bool confirmed, CancellationToken cancellationToken)
    {
        if (role == Roles.Admin && !confirmed)
        {
            return await ConfirmAsync(userId, "Grant", role, cancellationToken);
        }

        return await ChangeAsync(accounts.GrantRoleAsync(userId, role, Actor, cancellationToken), userId, name => $"{name} now has the {role} role.", cancellationToken);
    }

    public Task<IActionResult> OnPostRevokeAsync(string userId, string role, CancellationToken cancellationToken) =>
        ChangeAsync(accounts.RevokeRoleAsync(userId, role, Actor, cancellationToken), userId, name => $"{name} no longer has the {role} role.", cancellationToken);

    public async Task<IActionResult> OnPostLockAsync(string userId, bool confirmed, CancellationToken cancellationToken)
    {
        if (!confirmed)
        {
            return await ConfirmAsync(userId, "Lock", null, cancellationToken);
        }

        return await ChangeAsync(accounts.SetLockedAsync(userId, true, Actor, cancellationToken), userId, name => $"{name}'s account is locked.", cancellationToken);
    }

    public Task<IActionResult> OnPostUnlockAsync(string userId, CancellationToken cancellationToken) =>
        ChangeAsync(accounts.SetLockedAsync(userId, false, Actor, cancellationToken), userId, name => $"{name}'s account is unlocked.", cancellationToken);

    public async Task<IActionResult> OnPostResetLinkAsync(string userId, CancellationToken cancellationToken)
    {
        var result = await resetLinks.CreateAsync(userId, Actor, cancellationToken);
        switch (result.Status)
        {
            case ResetLinkStatus.NoSuchAccount:
                return NotFound();
            case ResetLinkStatus.Administrator:
                this.ShowMessage("Reset links are not made for administrators' accounts, so that one administrator cannot take over another's. They can change their own password, or use the forgotten-password page when the site sends e-mail.", PageMessageKind.Error);
                return BackToList();
        }

        var account = (await directory.FindAsync(userId, cancellationToken))!;
        ResetLink = (links.Absolute(Request, ResetLinkService.LinkPath(result.Token!)), account);
        this.ShowMessage($"Reset link made for {account.DisplayName}. It is shown only now: copy it and give it to them. It works once, for 24 hours.");
        await OnGetAsync(cancellationToken);
        return Page();
    }

    public string PageUrl(int page) => ListUrl(Search, Role, Department, Locked, page);

    /// <summary>The list as it is now (search, filters and page), to come back to after a change.</summary>
    public string CurrentListUrl => ListUrl(Search, Role, Department, Locked, PageNumber);

    public static string ListUrl(string? search, string? role, int? department, string? locked, int page)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = search,
            ["role"] = role,
            ["department"] = department?.ToString(CultureInfo.InvariantCulture),
            ["locked"] = locked,
            ["page"] = page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null,
        };
        var query = string.Join("&", values.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!)}"));
        return query.Length == 0 ? "/admin/accounts" : "/admin/accounts?" + query;
    }

    private async Task<IActionResult> ConfirmAsync(string userId, string handler, string? role, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(userId, cancellationToken) is not { } account)
        {
            return NotFound();
        }

        Confirmation = new PendingConfirmation(account, handler, role);
        await OnGetAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult> ChangeAsync(Task<RoleChange> change, string userId, Func<string, string> done, CancellationToken cancellationToken)
    {
        switch (await change)
        {
            case RoleChange.NoSuchAccount:
            case RoleChange.UnknownRole:
                return NotFound();
            case RoleChange.LastAdministrator:
                this.ShowMessage("That would leave the site without an administrator. Make someone else an administrator first.", PageMessageKind.Error);
                break;
            default:
                var account = await directory.FindAsync(userId, cancellationToken);
                this.ShowMessage(done(account?.DisplayName ?? "The account"));
                break;
        }

        return BackToList();
    }

    /// <summary>Back to the list the admin was looking at (its search and filters are in the query string of the post).</summary>
    private RedirectResult BackToList() => Redirect(CurrentListUrl);

    public sealed record PendingConfirmation(AccountSummary Account, string Handler, string? Role);
}
