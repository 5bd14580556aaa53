using System.Globalization;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Reports;

/// <summary>The modules and paths report's tables.</summary>
public sealed record ModuleReport(ReportTable ByModule, ReportTable CompletionsOverTime, ReportTable ByDepartment, ReportTable StuckSteps);

/// <summary>
/// Modules and paths: learners reached, completions over time, average rating and the steps people got stuck on, by
/// the department or group the learner was in when they started. Most of this learning is voluntary, so when a
/// department or group is chosen (and in the by-department table) counts of one to four people read "fewer than 5".
/// </summary>
public sealed class ModuleReports(SkillBridgeDbContext db)
{
    public const int MaxModules = 100;

    public const int MaxStuckSteps = 20;

    private const string Learner = "u.\"PersonId\"";

    public async Task<ModuleReport> BuildAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var narrowed = filter.NarrowsToPeople;

        // The learner's person is needed only to narrow by department or group; without, the join to accounts is skipped.
        string Users(string alias) => narrowed ? $"JOIN \"AspNetUsers\" u ON u.\"Id\" = {alias}.\"UserId\"" : "";
        var titles = (await new ReportSql(db).QueryAsync<Titled>(
            """
            SELECT m."Id" AS "Id", COALESCE(r."Title", m."Slug") AS "Title"
            FROM "Modules" m LEFT JOIN "ModuleRevisions" r ON r."Id" = m."PublishedRevisionId"
            """, cancellationToken)).ToDictionary(t => t.Id, t => t.Title);

        var progressSql = new ReportSql(db);
        var progress = await progressSql.QueryAsync<ModuleCounts>(
            $"""
            SELECT p."ModuleId" AS "Id", COUNT(DISTINCT p."UserId") AS "Reached",
                SUM(CASE WHEN p."CompletedAt" IS NOT NULL THEN 1 ELSE 0 END) AS "Completions"
            FROM "ModuleProgress" p {Users("p")}
            WHERE p."UserId" IS NOT NULL{progressSql.Conditions(filter, Learner, "p.\"StartedAt\"", "p.\"ModuleId\"")}
            GROUP BY p."ModuleId"
            ORDER BY COUNT(DISTINCT p."UserId") DESC, p."ModuleId"
            LIMIT {MaxModules}
            """, cancellationToken);

        var ratingSql = new ReportSql(db);
        var ratings = (await ratingSql.QueryAsync<ModuleRatingCounts>(
            $"""
            SELECT r."ModuleId" AS "Id", COUNT(*) AS "Ratings", CAST(AVG(CAST(r."Stars" AS DOUBLE PRECISION)) AS DOUBLE PRECISION) AS "Average"
            FROM "ModuleRatings" r {Users("r")}
            WHERE r."UserId" IS NOT NULL{ratingSql.Conditions(filter, Learner, "r.\"RatedAt\"", "r.\"ModuleId\"")}
            GROUP BY r."ModuleId"
            """, cancellationToken)).ToDictionary(r => r.Id);

        var stuckSql = new ReportSql(db);
        var stuck = await stuckSql.QueryAsync<StuckCounts>(
            $"""
            SELECT f."ModuleId" AS "Id", f."StepNumber" AS "Step", COUNT(DISTINCT f."UserId") AS "People"
            FROM "StuckFlags" f {Users("f")}
            WHERE f."UserId" IS NOT NULL{stuckSql.Conditions(filter, Learner, "f.\"FlaggedAt\"", "f.\"ModuleId\"")}
            GROUP BY f."ModuleId", f."StepNumber"
            ORDER BY COUNT(DISTINCT f."UserId") DESC, f."ModuleId", f."StepNumber"
            LIMIT {MaxStuckSteps}
            """, cancellationToken);
        var stuckModuleSql = new ReportSql(db);
        var stuckByModule = (await stuckModuleSql.QueryAsync<StuckCounts>(
            $"""
            SELECT f."ModuleId" AS "Id", 0 AS "Step", COUNT(DISTINCT f."UserId") AS "People"
            FROM "StuckFlags" f {Users("f")}
            WHERE f."UserId" IS NOT NULL{stuckModuleSql.Conditions(filter, Learner, "f.\"FlaggedAt\"", "f.\"ModuleId\"")}
            GROUP BY f."ModuleId"
            """, cancellationToken)).ToDictionary(s => s.Id, s => s.People);

        var monthSql = new ReportSql(db);
        var month = monthSql.Month("p.\"CompletedAt\"");
        var months = await monthSql.QueryAsync<MonthCount>(
            $"""
            SELECT {month} AS "Month", COUNT(*) AS "Completions"
            FROM "ModuleProgress" p {Users("p")}
            WHERE p."CompletedAt" IS NOT NULL AND p."UserId" IS NOT NULL{monthSql.Conditions(filter, Learner, "p.\"CompletedAt\"", "p.\"ModuleId\"")}
            GROUP BY {month}
            ORDER BY {month}
            """, cancellationToken);

        var departmentSql = new ReportSql(db);
        var departments = await departmentSql.QueryAsync<DepartmentCounts>(
            $"""
            SELECT d."Name" AS "Name", COUNT(DISTINCT p."UserId") AS "Reached",
                COUNT(DISTINCT CASE WHEN p."CompletedAt" IS NOT NULL THEN p."UserId" END) AS "Completed"
            FROM "ModuleProgress" p JOIN "AspNetUsers" u ON u."Id" = p."UserId"
            {ReportSql.DepartmentAt("k", Learner, "p.\"StartedAt\"")}
            JOIN "Departments" d ON d."Id" = k."DepartmentId"
            WHERE 1 = 1{departmentSql.Conditions(filter, Learner, "p.\"StartedAt\"", "p.\"ModuleId\"")}
            GROUP BY d."Name"
            ORDER BY d."Name"
            """, cancellationToken);

        return new ModuleReport(
            new ReportTable(
                "modules",
                $"Modules by learners reached (the {MaxModules} with the most)",
                ["Module", "Learners reached", "Completions", "Average rating", "Ratings", "People stuck"],
                [.. progress.Select(p =>
                {
                    var rating = ratings.GetValueOrDefault(p.Id);
                    var ratingCount = rating?.Ratings ?? 0;
                    var average = rating is null || ReportPrivacy.Hides(ratingCount, narrowed)
                        ? (rating is null ? "No ratings" : ReportPrivacy.FewerThanMinimum)
                        : rating.Average.ToString("0.0", CultureInfo.InvariantCulture);
                    return new ReportRow(
                    [
                        titles.GetValueOrDefault(p.Id, ""),
                        ReportPrivacy.People(p.Reached, narrowed),
                        ReportPrivacy.People(p.Completions, narrowed),
                        average,
                        ReportPrivacy.People(ratingCount, narrowed),
                        ReportPrivacy.People(stuckByModule.GetValueOrDefault(p.Id), narrowed),
                    ]);
                })]),
            new ReportTable(
                "completions-over-time",
                "Completions by month",
                ["Month", "Completions"],
                [.. months.Select(m => new ReportRow([m.Month, ReportPrivacy.People(m.Completions, narrowed)]))]),
            new ReportTable(
                "learners-by-department",
                "Learners by department (when they started)",
                ["Department", "Learners reached", "Learners who completed a module"],
                [.. departments.Select(d => new ReportRow([d.Name, ReportPrivacy.People(d.Reached, narrowed: true), ReportPrivacy.People(d.Completed, narrowed: true)]))]),
            new ReportTable(
                "stuck-steps",
                $"Steps people got stuck on (the {MaxStuckSteps} with the most)",
                ["Module", "Step", "People stuck"],
                [.. stuck.Select(s => new ReportRow([titles.GetValueOrDefault(s.Id, ""), ReportTable.Number(s.Step), ReportPrivacy.People(s.People, narrowed)]))]));
    }

    private sealed class Titled
    {
        public int Id { get; set; }

        public string Title { get; set; } = "";
    }

    private sealed class ModuleCounts
    {
        public int Id { get; set; }

        public long Reached { get; set; }

        public long Completions { get; set; }
    }

    private sealed class ModuleRatingCounts
    {
        public int Id { get; set; }

        public long Ratings { get; set; }

        public double Average { get; set; }
    }

    private sealed class StuckCounts
    {
        public int Id { get; set; }

        public int Step { get; set; }

        public long People { get; set; }
    }

    private sealed class MonthCount
    {
        public string Month { get; set; } = "";

        public long Completions { get; set; }
    }

    private sealed class DepartmentCounts
    {
        public string Name { get; set; } = "";

        public long Reached { get; set; }

        public long Completed { get; set; }
    }
}
