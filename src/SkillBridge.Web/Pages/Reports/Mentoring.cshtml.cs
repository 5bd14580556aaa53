using SkillBridge.Core.Reports;
using SkillBridge.Web.Time;

namespace SkillBridge.Web.Pages.Reports;

/// <summary>For curators and admins: mentoring requests and sessions, and how knowledge flows between departments.</summary>
public sealed class MentoringModel(MentoringReports reports, ReportChoicesQuery choices, LocalTime localTime, TimeProvider clock)
    : ReportPageModel(choices, localTime, clock)
{
    protected override async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var report = await reports.BuildAsync(filter, cancellationToken);
        return [report.Summary, report.WhoTaughtWhom, report.TopAuthors];
    }
}
