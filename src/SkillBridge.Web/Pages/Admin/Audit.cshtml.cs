using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SkillBridge.Core;
using SkillBridge.Core.Accounts;
using SkillBridge.Web.Accounts;

namespace SkillBridge.Web.Pages.Admin;

/// <summary>The audit log, newest first, filtered by action, person (who did it or whom it was done to) and dates in the viewer's time zone.</summary>
public sealed class AuditModel(AuditLog audit, IOptions<SkillBridgeOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>Read by hand: Razor Pages reserves the route value "page".</summary>
    public int PageNumber => int.TryParse(Request.Query["page"], out var number) ? Math.Max(1, number) : 1;

    public AuditPage Result { get; private set; } = null!;

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Zone = ViewerTime.ZoneOf(User, options.Value);
        var action = AuditAction.All.Contains(Action ?? "", StringComparer.Ordinal) ? Action : null;
        Result = await audit.SearchAsync(
            new AuditQuery(
                action,
                string.IsNullOrWhiteSpace(Person) ? null : Person.Trim(),
                From is { } from ? ViewerTime.StartOfDayUtc(from, Zone) : null,
                To is { } to ? ViewerTime.StartOfDayUtc(to.AddDays(1), Zone) : null,
                PageNumber),
            cancellationToken);
    }

    public string PageUrl(int page)
    {
        var values = new Dictionary<string, string?>
        {
            ["action"] = Action,
            ["person"] = Person,
            ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return "/admin/audit?" + string.Join("&", values.Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!)}"));
    }
}
