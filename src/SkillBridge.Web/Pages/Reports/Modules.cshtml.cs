using SkillBridge.Core.Reports;
using SkillBridge.Web.Time;

namespace SkillBridge.Web.Pages.Reports;

/// <summary>For curators and admins: learners reached, completions over time, ratings and stuck steps.</summary>
public sealed class ModulesModel(ModuleReports reports, ReportChoicesQuery choices, LocalTime localTime, TimeProvider clock)
    : ReportPageModel(choices, localTime, clock)
{
    protected override async Task<IReadOnlyList<ReportTable>> BuildAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        var report = await reports.BuildAsync(filter, cancellationToken);
        return [report.ByModule, report.CompletionsOverTime, report.ByDepartment, report.StuckSteps];
    }
}
