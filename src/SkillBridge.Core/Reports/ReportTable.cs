using System.Globalization;

namespace SkillBridge.Core.Reports;

/// <summary>One row of a report table; <see cref="Link"/>, when set, is where its first cell leads (a drill-down).</summary>
public sealed record ReportRow(IReadOnlyList<string> Cells, string? Link = null);

/// <summary>
/// A report table exactly as the page shows it: the page renders it and the CSV download writes the same cells, so the
/// two cannot drift apart.
/// </summary>
public sealed record ReportTable(string Id, string Caption, IReadOnlyList<string> Headers, IReadOnlyList<ReportRow> Rows)
{
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The privacy rule for voluntary learning shown by department or group: counts only, and a count of one to four people
/// is shown as "fewer than 5" so nobody can be picked out.
/// </summary>
public static class ReportPrivacy
{
    public const int MinimumPeople = 5;

    public const string FewerThanMinimum = "fewer than 5";

    public static string People(long count, bool narrowed) =>
        narrowed && count is > 0 and < MinimumPeople ? FewerThanMinimum : ReportTable.Number(count);

    public static bool Hides(long count, bool narrowed) => narrowed && count is > 0 and < MinimumPeople;
}
