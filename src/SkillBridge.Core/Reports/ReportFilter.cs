namespace SkillBridge.Core.Reports;

/// <summary>
/// What a report is narrowed to: a date range (UTC, end exclusive), a department and a group (each as the person was in
/// at the time of the learning) and a path. <see cref="Zone"/> is the viewer's, for the dates the tables show.
/// </summary>
public sealed record ReportFilter(DateTime? FromUtc, DateTime? ToUtc, int? DepartmentId, int? GroupId, int? PathId, TimeZoneInfo Zone)
{
    public static ReportFilter Everything { get; } = new(null, null, null, null, null, TimeZoneInfo.Utc);

    /// <summary>A department or group is chosen: voluntary learning is then shown as counts of at least five people only.</summary>
    public bool NarrowsToPeople => DepartmentId is not null || GroupId is not null;
}

/// <summary>The choices the filter form offers.</summary>
public sealed record ReportChoices(IReadOnlyList<ReportChoice> Departments, IReadOnlyList<ReportChoice> Groups, IReadOnlyList<ReportChoice> Paths);

public sealed record ReportChoice(int Id, string Name);
