using System.Globalization;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Reports;

/// <summary>The mentoring and knowledge-flow report's tables.</summary>
public sealed record MentoringReport(ReportTable Summary, ReportTable WhoTaughtWhom, ReportTable TopAuthors);

/// <summary>
/// Mentoring and knowledge flow: requests, sessions held and the median time to the author's first answer; which
/// department taught which (author's department against learner's, each at the time, through completed modules and
/// held sessions); and the authors whose modules and sessions reached the most colleagues. Learners are never named.
/// </summary>
public sealed class MentoringReports(SkillBridgeDbContext db)
{
    public const int MaxAuthors = 20;

    private const string Held = "'Held'";

    public async Task<MentoringReport> BuildAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var narrowed = filter.NarrowsToPeople;

        var countSql = new ReportSql(db);
        var countsQuery = countSql.QueryAsync<RequestCounts>(
            $"""
            SELECT COUNT(*) AS "Requests", SUM(CASE WHEN r."State" = {Held} THEN 1 ELSE 0 END) AS "Held"
            FROM "MentoringRequests" r JOIN "AspNetUsers" u ON u."Id" = r."LearnerId"
            WHERE 1 = 1{countSql.Conditions(filter, "u.\"PersonId\"", "r.\"CreatedAt\"", "r.\"ModuleId\"")}
            """, cancellationToken);

        // The median works the same on both engines: number the answer times in order and average the middle one or two.
        var medianSql = new ReportSql(db);
        var seconds = medianSql.SecondsBetween("r.\"CreatedAt\"", "r.\"AuthorAnsweredAt\"");
        var medianQuery = medianSql.QueryAsync<Median>(
            $"""
            WITH d AS (
                SELECT {seconds} AS "Seconds"
                FROM "MentoringRequests" r JOIN "AspNetUsers" u ON u."Id" = r."LearnerId"
                WHERE r."AuthorAnsweredAt" IS NOT NULL{medianSql.Conditions(filter, "u.\"PersonId\"", "r.\"CreatedAt\"", "r.\"ModuleId\"")}
            ),
            o AS (SELECT "Seconds", ROW_NUMBER() OVER (ORDER BY "Seconds") AS "Position", COUNT(*) OVER () AS "Total" FROM d)
            SELECT CAST(AVG("Seconds") AS DOUBLE PRECISION) AS "Value", MIN("Total") AS "Answered"
            FROM o WHERE "Position" IN (("Total" + 1) / 2, ("Total" + 2) / 2)
            """, cancellationToken);

        // Who taught whom and the authors who reached most colleagues, from one reading of the flow (MATERIALIZED works
        // on SQLite and PostgreSQL 12+): rows with Kind 0 are department pairs, Kind 1 the top authors.
        var flowSql = new ReportSql(db);
        var flow = Flow(flowSql, filter);
        var reachQuery = flowSql.QueryAsync<Reach>(
            $"""
            WITH t AS MATERIALIZED ({flow}),
            pairs AS (
                SELECT t."AuthorDepartmentId", t."LearnerDepartmentId", COUNT(DISTINCT t."LearnerPersonId") AS "People"
                FROM t WHERE t."AuthorDepartmentId" IS NOT NULL AND t."LearnerDepartmentId" IS NOT NULL
                GROUP BY t."AuthorDepartmentId", t."LearnerDepartmentId"),
            authors AS (
                SELECT t."AuthorPersonId", COUNT(DISTINCT t."LearnerPersonId") AS "People"
                FROM t GROUP BY t."AuthorPersonId")
            SELECT 0 AS "Kind", ad."Name" AS "Name", ld."Name" AS "Learner", NULL AS "LeftAt", pairs."People" AS "People"
            FROM pairs
            JOIN "Departments" ad ON ad."Id" = pairs."AuthorDepartmentId"
            JOIN "Departments" ld ON ld."Id" = pairs."LearnerDepartmentId"
            UNION ALL
            SELECT "Kind", "Name", "Learner", "LeftAt", "People" FROM (
                SELECT 1 AS "Kind", p."Name" AS "Name", NULL AS "Learner", p."LeftAt" AS "LeftAt", authors."People" AS "People"
                FROM authors JOIN "People" p ON p."Id" = authors."AuthorPersonId"
                ORDER BY authors."People" DESC, p."Name"
                LIMIT {MaxAuthors}) ranked
            """, cancellationToken);
        // The three queries are independent: the database answers them side by side, each on its own connection.
        await Task.WhenAll(countsQuery, medianQuery, reachQuery);
        var counts = (await countsQuery).Single();
        var median = (await medianQuery).SingleOrDefault();
        var reach = await reachQuery;
        var pairs = reach.Where(r => r.Kind == 0).OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Learner, StringComparer.Ordinal).ToList();
        var authors = reach.Where(r => r.Kind == 1).OrderByDescending(r => r.People).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();

        return new MentoringReport(
            new ReportTable(
                "mentoring",
                "Mentoring requests",
                ["Requests", "Sessions held", "Requests the author answered", "Median time to the author's first answer"],
                [new ReportRow(
                [
                    ReportPrivacy.People(counts.Requests, narrowed),
                    ReportPrivacy.People(counts.Held ?? 0, narrowed),
                    ReportPrivacy.People(median?.Answered ?? 0, narrowed),
                    median?.Value is not { } value ? "No answers"
                        : ReportPrivacy.Hides(median.Answered ?? 0, narrowed) ? ReportPrivacy.FewerThanMinimum
                        : Duration(value),
                ])]),
            new ReportTable(
                "who-taught-whom",
                "Who taught whom: colleagues reached, by department",
                ["Author's department", "Learner's department", "Colleagues reached"],
                [.. pairs.Select(p => new ReportRow([p.Name, p.Learner ?? "", ReportPrivacy.People(p.People, narrowed: true)]))]),
            new ReportTable(
                "authors-reach",
                $"Authors whose modules and sessions reached the most colleagues (top {MaxAuthors})",
                ["Author", "Colleagues reached"],
                [.. authors.Select(a => new ReportRow([a.LeftAt is null ? a.Name : People.Person.FormerColleagueName, ReportPrivacy.People(a.People, narrowed)]))]));
    }

    /// <summary>
    /// Who learned from whom: a completed module credits each author of the revision completed (their department when
    /// it was published; the learner's when they started it, both stamped on the rows); a held session credits its author
    /// (each department at the session's time, from the history). An author taking their own module does not count.
    /// </summary>
    private static string Flow(ReportSql sql, ReportFilter filter) =>
        $"""
        SELECT ra."PersonId" AS "AuthorPersonId", ra."DepartmentId" AS "AuthorDepartmentId", p."PersonId" AS "LearnerPersonId", p."DepartmentId" AS "LearnerDepartmentId"
        FROM {ReportSql.From(filter, "ModuleProgress", "p")}
        JOIN "RevisionAuthors" ra ON ra."RevisionId" = p."RevisionId"
        WHERE p."CompletedAt" IS NOT NULL AND p."PersonId" IS NOT NULL AND ra."PersonId" <> p."PersonId"{sql.LearningConditions(filter, "p", "p.\"CompletedAt\"", "p.\"ModuleId\"")}
        UNION ALL
        SELECT au."PersonId", ak."DepartmentId", u."PersonId", lk."DepartmentId"
        FROM "MentoringRequests" r
        JOIN "AspNetUsers" u ON u."Id" = r."LearnerId"
        JOIN "AspNetUsers" au ON au."Id" = r."AuthorId"
        LEFT {ReportSql.DepartmentAt("ak", "au.\"PersonId\"", "r.\"StartsAt\"")}
        LEFT {ReportSql.DepartmentAt("lk", "u.\"PersonId\"", "r.\"StartsAt\"")}
        WHERE r."State" = {Held} AND r."StartsAt" IS NOT NULL AND u."PersonId" IS NOT NULL{sql.Conditions(filter, "u.\"PersonId\"", "r.\"StartsAt\"", "r.\"ModuleId\"")}
        """;

    internal static string Duration(double seconds)
    {
        var span = TimeSpan.FromSeconds(seconds);
        return span.TotalHours >= 48
            ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0.#} days")
            : span.TotalMinutes >= 90
                ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} hours")
                : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(span.TotalMinutes):0} minutes");
    }

    private sealed class RequestCounts
    {
        public long Requests { get; set; }

        public long? Held { get; set; }
    }

    private sealed class Median
    {
        public double? Value { get; set; }

        public long? Answered { get; set; }
    }

    private sealed class Reach
    {
        public int Kind { get; set; }

        public string Name { get; set; } = "";

        public string? Learner { get; set; }

        public DateTime? LeftAt { get; set; }

        public long People { get; set; }
    }
}
