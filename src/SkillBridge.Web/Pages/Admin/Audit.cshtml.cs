using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SkillBridge.Core;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.People;
using SkillBridge.Core.Reports;
using SkillBridge.Web.Accounts;

namespace SkillBridge.Web.Pages.Admin;

/// <summary>
/// The audit log, newest first, as sentences with people's names, filtered by action, person (who did it or whom it was
/// done to) and dates in the viewer's time zone; the same filters download as CSV.
/// </summary>
public sealed class AuditModel(AuditLog audit, PeopleService people, IOptions<SkillBridgeOptions> options, TimeProvider clock) : PageModel
{
    /// <summary>A download holds at most this many entries; narrow the dates for more.</summary>
    public const int CsvLimit = 50_000;

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

    public DisplayNames Names { get; private set; } = DisplayNames.None;

    public IReadOnlyDictionary<string, string> ModuleTitles { get; private set; } = new Dictionary<string, string>();

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Zone = ViewerTime.ZoneOf(User, options.Value);
        Result = await audit.SearchAsync(Query(), cancellationToken);
        Names = await people.DisplayNamesAsync(AuditText.Usernames(Result.Entries), cancellationToken);
        ModuleTitles = await audit.ModuleTitlesAsync(Result.Entries, cancellationToken);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        Zone = ViewerTime.ZoneOf(User, options.Value);
        var entries = await audit.ExportAsync(Query(), CsvLimit, cancellationToken);
        var names = await people.DisplayNamesAsync(AuditText.Usernames(entries), cancellationToken);
        var titles = await audit.ModuleTitlesAsync(entries, cancellationToken);
        var table = new ReportTable(
            "audit-log",
            "Audit log",
            [$"When ({Zone.Id})", "What happened", "Action", "Who", "Concerning", "Details"],
            entries.Select(e => new ReportRow([
                TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(e.At, DateTimeKind.Utc), Zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                AuditText.Describe(e, names, titles),
                e.Action,
                e.Actor ?? "",
                e.Subject,
                e.Details ?? "",
            ])).ToList());
        return File(ReportCsv.Write(table), "text/csv; charset=utf-8", ReportCsv.FileName(table, clock.GetUtcNow().UtcDateTime));
    }

    public string PageUrl(int page) => LinkTo(page, csv: false);

    public string CsvUrl => LinkTo(1, csv: true);

    private AuditQuery Query()
    {
        var action = AuditAction.All.Contains(Action ?? "", StringComparer.Ordinal) ? Action : null;
        return new AuditQuery(
            action,
            string.IsNullOrWhiteSpace(Person) ? null : Person.Trim(),
            From is { } from ? ViewerTime.StartOfDayUtc(from, Zone) : null,
            To is { } to ? ViewerTime.StartOfDayUtc(to.AddDays(1), Zone) : null,
            PageNumber);
    }

    private string LinkTo(int page, bool csv)
    {
        var values = new Dictionary<string, string?>
        {
            ["handler"] = csv ? "Csv" : null,
            ["action"] = Action,
            ["person"] = Person,
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["page"] = csv ? null : page.ToString(CultureInfo.InvariantCulture),
        };
        return "/admin/audit?" + string.Join("&", values.Where(kv => !string.IsNullOrEmpty(kv.Value)).Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!)}"));
    }
}
