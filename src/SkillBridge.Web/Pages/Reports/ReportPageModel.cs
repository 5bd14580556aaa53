using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using SkillBridge.Core.Reports;
using SkillBridge.Web.Time;

namespace SkillBridge.Web.Pages.Reports;

/// <summary>
/// What every report page shares: the filters, bound from the URL so a report can be bookmarked and shared, the
/// filter choices, and the CSV download of any of its tables (the same cells the page shows).
/// </summary>
public abstract class ReportPageModel(ReportChoicesQuery choices, LocalTime localTime, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Department { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Group { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Path { get; set; }

    public ReportChoices Choices { get; private set; } = new([], [], []);

    public IReadOnlyList<ReportTable> Tables { get; private set; } = [];

    /// <summary>A problem with the dates, shown next to them; the report then ignores the dates.</summary>
    public string? DateError { get; private set; }

    public ReportFilter Filter { get; private set; } = ReportFilter.Everything;

    protected abstract Task<IReadOnlyList<ReportTable>> BuildAsync(ReportFilter filter, CancellationToken cancellationToken);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Filter = ReadFilter();
        Choices = await choices.LoadAsync(cancellationToken);
        Tables = await BuildAsync(Filter, cancellationToken);
    }

    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken cancellationToken)
    {
        Filter = ReadFilter();
        var found = (await BuildAsync(Filter, cancellationToken)).FirstOrDefault(t => t.Id == table);
        return found is null
            ? NotFound()
            : File(ReportCsv.Write(found), "text/csv; charset=utf-8", ReportCsv.FileName(found, clock.GetUtcNow().UtcDateTime));
    }

    public ReportTable Table(string id) => Tables.Single(t => t.Id == id);

    /// <summary>This page's URL with its filters and the CSV handler for one table.</summary>
    public string CsvUrl(ReportTable table) =>
        QueryHelpers.AddQueryString(Request.Path, [.. FilterQuery(), new("handler", "Csv"), new("table", table.Id)]);

    /// <summary>The filters as query-string pairs (the ones set), for links that keep them.</summary>
    public IEnumerable<KeyValuePair<string, string?>> FilterQuery(bool withDepartment = true, bool withGroup = true)
    {
        if (From is { } from)
        {
            yield return new("from", from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (To is { } to)
        {
            yield return new("to", to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (withDepartment && Department is { } department)
        {
            yield return new("department", department.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (withGroup && Group is { } group)
        {
            yield return new("group", group.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (Path is { } path)
        {
            yield return new("path", path.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var pair in PageQuery())
        {
            yield return pair;
        }
    }

    /// <summary>The page's own choices beyond the shared filters, kept in its links the same way.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> PageQuery() => [];

    private ReportFilter ReadFilter()
    {
        if (!ModelState.IsValid)
        {
            DateError = "Enter dates as year-month-day, for example 2026-11-30.";
            From = null;
            To = null;
        }
        else if (From > To)
        {
            DateError = "The start date must be on or before the end date.";
            From = null;
            To = null;
        }

        var fromUtc = From is { } f ? localTime.ToUtc(f.ToDateTime(TimeOnly.MinValue)) : null;
        var toUtc = To is { } t ? localTime.ToUtc(t.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null;
        return new ReportFilter(fromUtc, toUtc, Department, Group, Path, localTime.Zone);
    }
}
