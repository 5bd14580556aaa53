using SkillBridge.Core.Reports;

namespace SkillBridge.Web.Pages.Reports;

/// <summary>A report table with its CSV link and, for drill-downs, the URL its rows' links continue.</summary>
public sealed record ReportTableView(ReportTable Table, string CsvUrl, string? LinkBase = null);
