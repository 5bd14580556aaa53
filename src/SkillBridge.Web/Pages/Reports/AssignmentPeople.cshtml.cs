using SkillBridge.Core.Reports;
using SkillBridge.Web.Time;

namespace SkillBridge.Web.Pages.Reports;

/// <summary>For curators and admins: the people behind a row of the assignments report, with names (assigned learning).</summary>
public sealed class AssignmentPeopleModel(AssignmentReports reports, ReportChoicesQuery choices, LocalTime localTime, TimeProvider clock)
    : ReportPageModel(choices, localTime, clock)
{
    protected override async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportFilter filter, CancellationToken cancellationToken) =>
        [await reports.PeopleAsync(filter, cancellationToken)];
}
