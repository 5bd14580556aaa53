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

    public async Task<ModuleReport> BuildAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var narrowed = filter.NarrowsToPeople;
        var titlesQuery = new ReportSql(db).QueryAsync<Titled>(
            """
            SELECT m."Id" AS "Id", COALESCE(r."Title", m."Slug") AS "Title"
            FROM "Modules" m LEFT JOIN "ModuleRevisions" r ON r."Id" = m."PublishedRevisionId"
            """, cancellationToken);

        // Every count reads the learner's person and department stamped on the row, so no query joins the accounts or
        // the department history, and each is answered from one covering index.
        var progressSql = new ReportSql(db);
        var progressQuery = progressSql.QueryAsync<ModuleCounts>(
            $"""
            SELECT p."ModuleId" AS "Id", COUNT(DISTINCT p."PersonId") AS "Reached",
                SUM(CASE WHEN p."CompletedAt" IS NOT NULL THEN 1 ELSE 0 END) AS "Completions"
            FROM {ReportSql.From(filter, "ModuleProgress", "p")}
            WHERE p."PersonId" IS NOT NULL{progressSql.LearningConditions(filter, "p", "p.\"StartedAt\"", "p.\"ModuleId\"")}
            GROUP BY p."ModuleId"
            ORDER BY COUNT(DISTINCT p."PersonId") DESC, p."ModuleId"
            LIMIT {MaxModules}
            """, cancellationToken);

        var ratingSql = new ReportSql(db);
        var ratingsQuery = ratingSql.QueryAsync<ModuleRatingCounts>(
            $"""
            SELECT r."ModuleId" AS "Id", COUNT(*) AS "Ratings", CAST(AVG(CAST(r."Stars" AS DOUBLE PRECISION)) AS DOUBLE PRECISION) AS "Average"
            FROM {ReportSql.From(filter, "ModuleRatings", "r")}
            WHERE r."PersonId" IS NOT NULL{ratingSql.LearningConditions(filter, "r", "r.\"RatedAt\"", "r.\"ModuleId\"")}
            GROUP BY r."ModuleId"
            """, cancellationToken);

        // The 20 steps with most people stuck and each module's total in one pass: step 0 rows are the module totals.
        var stuckSql = new ReportSql(db);
        var stuckQuery = stuckSql.QueryAsync<StuckCounts>(
            $"""
            WITH s AS (
                SELECT f."ModuleId", f."StepNumber", f."PersonId"
                FROM {ReportSql.From(filter, "StuckFlags", "f")}
                WHERE f."PersonId" IS NOT NULL{stuckSql.LearningConditions(filter, "f", "f.\"FlaggedAt\"", "f.\"ModuleId\"")}
            )
            SELECT "Id", "Step", "People" FROM (
                SELECT s."ModuleId" AS "Id", s."StepNumber" AS "Step", COUNT(DISTINCT s."PersonId") AS "People"
                FROM s GROUP BY s."ModuleId", s."StepNumber"
                ORDER BY COUNT(DISTINCT s."PersonId") DESC, s."ModuleId", s."StepNumber"
                LIMIT {MaxStuckSteps}) ranked
            UNION ALL
            SELECT s."ModuleId", 0, COUNT(DISTINCT s."PersonId") FROM s GROUP BY s."ModuleId"
            """, cancellationToken);

        var monthSql = new ReportSql(db);
        var month = monthSql.MonthKey("p.\"CompletedAt\"");
        var monthsQuery = monthSql.QueryAsync<MonthCount>(
            $"""
            SELECT {monthSql.Month("p.\"CompletedAt\"")} AS "Month", COUNT(*) AS "Completions"
            FROM {ReportSql.From(filter, "ModuleProgress", "p")}
            WHERE p."CompletedAt" IS NOT NULL AND p."PersonId" IS NOT NULL{monthSql.LearningConditions(filter, "p", "p.\"CompletedAt\"", "p.\"ModuleId\"")}
            GROUP BY {month}
            ORDER BY {month}
            """, cancellationToken);

        var departmentSql = new ReportSql(db);
        var departmentsQuery = departmentSql.QueryAsync<DepartmentCounts>(
            $"""
            SELECT d."Name" AS "Name", x."Reached" AS "Reached", x."Completed" AS "Completed"
            FROM (
                SELECT y."DepartmentId", COUNT(*) AS "Reached", SUM(y."Completed") AS "Completed"
                FROM (
                    SELECT p."DepartmentId", p."PersonId", MAX(CASE WHEN p."CompletedAt" IS NOT NULL THEN 1 ELSE 0 END) AS "Completed"
                    FROM {ReportSql.From(filter, "ModuleProgress", "p")}
                    WHERE p."DepartmentId" IS NOT NULL AND p."PersonId" IS NOT NULL{departmentSql.LearningConditions(filter, "p", "p.\"StartedAt\"", "p.\"ModuleId\"")}
                    GROUP BY p."DepartmentId", p."PersonId") y
                GROUP BY y."DepartmentId") x
            JOIN "Departments" d ON d."Id" = x."DepartmentId"
            ORDER BY d."Name"
            """, cancellationToken);

        // The queries are independent: the database answers them side by side, each on its own connection.
        await Task.WhenAll(titlesQuery, progressQuery, ratingsQuery, stuckQuery, monthsQuery, departmentsQuery);
        var titles = (await titlesQuery).ToDictionary(t => t.Id, t => t.Title);
        var (progress, months, departments) = (await progressQuery, await monthsQuery, await departmentsQuery);
        var ratings = (await ratingsQuery).ToDictionary(r => r.Id);
        var stuckRows = await stuckQuery;
        var stuck = stuckRows.Where(s => s.Step > 0).OrderByDescending(s => s.People).ThenBy(s => s.Id).ThenBy(s => s.Step).ToList();
        var stuckByModule = stuckRows.Where(s => s.Step == 0).ToDictionary(s => s.Id, s => s.People);

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
