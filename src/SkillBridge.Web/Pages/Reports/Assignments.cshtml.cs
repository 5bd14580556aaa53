using Microsoft.AspNetCore.Mvc;
using SkillBridge.Core.Reports;
using SkillBridge.Web.Time;

namespace SkillBridge.Web.Pages.Reports;

/// <summary>For curators and admins: assigned learning by department or group, each row leading to its people.</summary>
public sealed class AssignmentsModel(AssignmentReports reports, ReportChoicesQuery choices, LocalTime localTime, TimeProvider clock)
    : ReportPageModel(choices, localTime, clock)
{
    /// <summary>"department" (the default) or "group".</summary>
    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    public AssignmentBreakdown Breakdown => string.Equals(By, "group", StringComparison.OrdinalIgnoreCase) ? AssignmentBreakdown.Group : AssignmentBreakdown.Department;

    /// <summary>Where a row's link leads: the people page with these filters, the row's department or group added.</summary>
    public string PeopleLinkBase => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
        "/reports/assignments/people",
        FilterQuery(withDepartment: Breakdown != AssignmentBreakdown.Department, withGroup: Breakdown != AssignmentBreakdown.Group).Where(p => p.Key != "by")) is var url && url.Contains('?', StringComparison.Ordinal)
        ? url + "&"
        : url + "?";

    protected override IEnumerable<KeyValuePair<string, string?>> PageQuery() =>
        Breakdown == AssignmentBreakdown.Group ? [new("by", "group")] : [];

    protected override async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportFilter filter, CancellationToken cancellationToken) =>
        [await reports.ByAsync(Breakdown, filter, cancellationToken)];
}
