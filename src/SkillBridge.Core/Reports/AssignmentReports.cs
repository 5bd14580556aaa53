using System.Globalization;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Reports;

/// <summary>How the assignments report groups people.</summary>
public enum AssignmentBreakdown
{
    Department,
    Group,
}

/// <summary>
/// Assigned learning by department or group: each (assignment, person) counts once however many targets reached them,
/// in the department or groups the person was in when assigned, in one state at the given instant: completed (and
/// whether late), overdue, in progress or not started. Assigned learning shows names to curators.
/// </summary>
public sealed class AssignmentReports(SkillBridgeDbContext db, TimeProvider clock)
{
    public const int MaxPeopleRows = 1000;

    public static readonly IReadOnlyList<string> Headers =
        ["Assigned", "Not started", "In progress", "Completed", "Completed late", "Overdue"];

    public async Task<ReportTable> ByAsync(AssignmentBreakdown breakdown, ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var sql = new ReportSql(db);
        var now = sql.Add(Now);
        var shares = Shares(sql, filter);
        var (join, key, names) = breakdown == AssignmentBreakdown.Department
            ? (ReportSql.DepartmentAt("k", "s.\"PersonId\"", "s.\"AssignedAt\""), "k.\"DepartmentId\"", "\"Departments\"")
            : (ReportSql.GroupAt("k", "s.\"PersonId\"", "s.\"AssignedAt\""), "k.\"GroupId\"", "\"Groups\"");
        var where = Narrowing(sql, filter, breakdown);
        var rows = await sql.QueryAsync<StateCounts>(
            $"""
            WITH s AS ({shares})
            SELECT {key} AS "Key", MIN(n."Name") AS "Name", COUNT(*) AS "Assigned",
                SUM(CASE WHEN s."CompletedAt" IS NULL AND NOT (s."DueAt" IS NOT NULL AND s."DueAt" < {now}) AND s."StartedAt" IS NULL THEN 1 ELSE 0 END) AS "NotStarted",
                SUM(CASE WHEN s."CompletedAt" IS NULL AND NOT (s."DueAt" IS NOT NULL AND s."DueAt" < {now}) AND s."StartedAt" IS NOT NULL THEN 1 ELSE 0 END) AS "InProgress",
                SUM(CASE WHEN s."CompletedAt" IS NOT NULL THEN 1 ELSE 0 END) AS "Completed",
                SUM(CASE WHEN s."CompletedAt" IS NOT NULL AND s."DueAt" IS NOT NULL AND s."CompletedAt" > s."DueAt" THEN 1 ELSE 0 END) AS "CompletedLate",
                SUM(CASE WHEN s."CompletedAt" IS NULL AND s."DueAt" IS NOT NULL AND s."DueAt" < {now} THEN 1 ELSE 0 END) AS "Overdue"
            FROM s {join}
            JOIN {names} n ON n."Id" = {key}
            WHERE 1 = 1{where}
            GROUP BY {key}
            ORDER BY MIN(n."Name")
            """, cancellationToken);

        var parameter = breakdown == AssignmentBreakdown.Department ? "department" : "group";
        return new ReportTable(
            breakdown == AssignmentBreakdown.Department ? "assignments-by-department" : "assignments-by-group",
            breakdown == AssignmentBreakdown.Department ? "Assigned learning by department (when assigned)" : "Assigned learning by group (when assigned)",
            [breakdown == AssignmentBreakdown.Department ? "Department" : "Group", .. Headers],
            [.. rows.Select(r => new ReportRow(
                [r.Name, N(r.Assigned), N(r.NotStarted), N(r.InProgress), N(r.Completed), N(r.CompletedLate), N(r.Overdue)],
                $"{parameter}={r.Key.ToString(CultureInfo.InvariantCulture)}"))]);
    }

    /// <summary>The people behind one department's or group's row, with their assignment and its state.</summary>
    public async Task<ReportTable> PeopleAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var sql = new ReportSql(db);
        var nowValue = Now;
        var shares = Shares(sql, filter);
        var where = Narrowing(sql, filter, breakdown: null);
        var rows = await sql.QueryAsync<PersonShare>(
            $"""
            WITH s AS ({shares})
            SELECT p."Name" AS "Name", COALESCE(lp."Title", mr."Title", m."Slug", '') AS "Title",
                s."AssignedAt" AS "AssignedAt", s."DueAt" AS "DueAt", s."StartedAt" AS "StartedAt", s."CompletedAt" AS "CompletedAt"
            FROM s
            JOIN "People" p ON p."Id" = s."PersonId"
            JOIN "Assignments" a ON a."Id" = s."AssignmentId"
            LEFT JOIN "LearningPaths" lp ON lp."Id" = a."LearningPathId"
            LEFT JOIN "Modules" m ON m."Id" = a."ModuleId"
            LEFT JOIN "ModuleRevisions" mr ON mr."Id" = m."PublishedRevisionId"
            WHERE 1 = 1{where}
            ORDER BY p."Name", s."AssignedAt"
            LIMIT {MaxPeopleRows}
            """, cancellationToken);

        return new ReportTable(
            "assigned-people",
            "People and their assigned learning",
            ["Person", "Assigned learning", "Assigned on", "Due", "State"],
            [.. rows.Select(r => new ReportRow(
                [r.Name, r.Title, Date(r.AssignedAt, filter), r.DueAt is { } due ? Date(due, filter) : "No due date", State(r, nowValue)]))]);
    }

    private static string State(PersonShare share, DateTime now) => share switch
    {
        { CompletedAt: { } done, DueAt: { } due } when done > due => "Completed late",
        { CompletedAt: not null } => "Completed",
        { DueAt: { } due } when due < now => "Overdue",
        { StartedAt: not null } => "In progress",
        _ => "Not started",
    };

    /// <summary>One row per (assignment, person) still applying or completed, inside the filter's dates and path.</summary>
    private static string Shares(ReportSql sql, ReportFilter filter)
    {
        var clauses = "";
        if (filter.FromUtc is { } from)
        {
            clauses += $" AND la.\"AssignedAt\" >= {sql.Add(ReportSql.Utc(from))}";
        }

        if (filter.ToUtc is { } to)
        {
            clauses += $" AND la.\"AssignedAt\" < {sql.Add(ReportSql.Utc(to))}";
        }

        if (filter.PathId is { } path)
        {
            clauses += $" AND a.\"LearningPathId\" = {sql.Add(path)}";
        }

        return $"""
            SELECT la."AssignmentId", la."PersonId", MIN(la."AssignedAt") AS "AssignedAt", MIN(la."DueAt") AS "DueAt",
                MIN(la."StartedAt") AS "StartedAt", MIN(la."CompletedAt") AS "CompletedAt"
            FROM "LearnerAssignments" la
            JOIN "Assignments" a ON a."Id" = la."AssignmentId"
            WHERE (la."EndedAt" IS NULL OR la."CompletedAt" IS NOT NULL){clauses}
            GROUP BY la."AssignmentId", la."PersonId"
            """;
    }

    /// <summary>Department and group conditions on a share, at the time it was assigned.</summary>
    private static string Narrowing(ReportSql sql, ReportFilter filter, AssignmentBreakdown? breakdown)
    {
        var clauses = "";
        if (filter.DepartmentId is { } department)
        {
            clauses += breakdown == AssignmentBreakdown.Department
                ? $" AND k.\"DepartmentId\" = {sql.Add(department)}"
                : $" AND EXISTS (SELECT 1 FROM \"DepartmentMemberships\" fd WHERE fd.\"PersonId\" = s.\"PersonId\" AND fd.\"DepartmentId\" = {sql.Add(department)} " +
                  "AND (fd.\"StartedAt\" IS NULL OR fd.\"StartedAt\" <= s.\"AssignedAt\") AND (fd.\"EndedAt\" IS NULL OR fd.\"EndedAt\" > s.\"AssignedAt\"))";
        }

        if (filter.GroupId is { } group)
        {
            clauses += breakdown == AssignmentBreakdown.Group
                ? $" AND k.\"GroupId\" = {sql.Add(group)}"
                : $" AND EXISTS (SELECT 1 FROM \"GroupMemberships\" fg WHERE fg.\"PersonId\" = s.\"PersonId\" AND fg.\"GroupId\" = {sql.Add(group)} " +
                  "AND fg.\"JoinedAt\" <= s.\"AssignedAt\" AND (fg.\"LeftAt\" IS NULL OR fg.\"LeftAt\" > s.\"AssignedAt\"))";
        }

        return clauses;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string N(long value) => ReportTable.Number(value);

    internal static string Date(DateTime utc, ReportFilter filter) =>
        TimeZoneInfo.ConvertTimeFromUtc(ReportSql.Utc(utc), filter.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class StateCounts
    {
        public int Key { get; set; }

        public string Name { get; set; } = "";

        public long Assigned { get; set; }

        public long NotStarted { get; set; }

        public long InProgress { get; set; }

        public long Completed { get; set; }

        public long CompletedLate { get; set; }

        public long Overdue { get; set; }
    }

    private sealed class PersonShare
    {
        public string Name { get; set; } = "";

        public string Title { get; set; } = "";

        public DateTime AssignedAt { get; set; }

        public DateTime? DueAt { get; set; }

        public DateTime? StartedAt { get; set; }

        public DateTime? CompletedAt { get; set; }
    }
}
