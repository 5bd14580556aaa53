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
        var counts = (await countSql.QueryAsync<RequestCounts>(
            $"""
            SELECT COUNT(*) AS "Requests", SUM(CASE WHEN r."State" = {Held} THEN 1 ELSE 0 END) AS "Held"
            FROM "MentoringRequests" r JOIN "AspNetUsers" u ON u."Id" = r."LearnerId"
            WHERE 1 = 1{countSql.Conditions(filter, "u.\"PersonId\"", "r.\"CreatedAt\"", "r.\"ModuleId\"")}
            """, cancellationToken)).Single();

        // The median works the same on both engines: number the answer times in order and average the middle one or two.
        var medianSql = new ReportSql(db);
        var seconds = medianSql.SecondsBetween("r.\"CreatedAt\"", "r.\"AuthorAnsweredAt\"");
        var median = (await medianSql.QueryAsync<Median>(
            $"""
            WITH d AS (
                SELECT {seconds} AS "Seconds"
                FROM "MentoringRequests" r JOIN "AspNetUsers" u ON u."Id" = r."LearnerId"
                WHERE r."AuthorAnsweredAt" IS NOT NULL{medianSql.Conditions(filter, "u.\"PersonId\"", "r.\"CreatedAt\"", "r.\"ModuleId\"")}
            ),
            o AS (SELECT "Seconds", ROW_NUMBER() OVER (ORDER BY "Seconds") AS "Position", COUNT(*) OVER () AS "Total" FROM d)
            SELECT CAST(AVG("Seconds") AS DOUBLE PRECISION) AS "Value", MIN("Total") AS "Answered"
            FROM o WHERE "Position" IN (("Total" + 1) / 2, ("Total" + 2) / 2)
            """, cancellationToken)).SingleOrDefault();

        var flowSql = new ReportSql(db);
        var flow = Flow(flowSql, filter);
        var pairs = await flowSql.QueryAsync<DepartmentPair>(
            $"""
            WITH t AS ({flow})
            SELECT ad."Name" AS "Author", ld."Name" AS "Learner", COUNT(DISTINCT t."LearnerPersonId") AS "People"
            FROM t
            {ReportSql.DepartmentAt("ak", "t.\"AuthorPersonId\"", "t.\"At\"")}
            JOIN "Departments" ad ON ad."Id" = ak."DepartmentId"
            {ReportSql.DepartmentAt("lk", "t.\"LearnerPersonId\"", "t.\"At\"")}
            JOIN "Departments" ld ON ld."Id" = lk."DepartmentId"
            GROUP BY ad."Name", ld."Name"
            ORDER BY ad."Name", ld."Name"
            """, cancellationToken);

        var authorSql = new ReportSql(db);
        var authorFlow = Flow(authorSql, filter);
        var authors = await authorSql.QueryAsync<AuthorReach>(
            $"""
            WITH t AS ({authorFlow})
            SELECT p."Name" AS "Name", p."LeftAt" AS "LeftAt", COUNT(DISTINCT t."LearnerPersonId") AS "People"
            FROM t JOIN "People" p ON p."Id" = t."AuthorPersonId"
            GROUP BY p."Id", p."Name", p."LeftAt"
            ORDER BY COUNT(DISTINCT t."LearnerPersonId") DESC, p."Name"
            LIMIT {MaxAuthors}
            """, cancellationToken);

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
                "Who taught whom: colleagues reached, by the author's and the learner's department at the time",
                ["Author's department", "Learner's department", "Colleagues reached"],
                [.. pairs.Select(p => new ReportRow([p.Author, p.Learner, ReportPrivacy.People(p.People, narrowed: true)]))]),
            new ReportTable(
                "authors-reach",
                $"Authors whose modules and sessions reached the most colleagues (top {MaxAuthors})",
                ["Author", "Colleagues reached"],
                [.. authors.Select(a => new ReportRow([a.LeftAt is null ? a.Name : People.Person.FormerColleagueName, ReportPrivacy.People(a.People, narrowed)]))]));
    }

    /// <summary>
    /// Who learned from whom and when: a completed module credits each author of the revision completed; a held
    /// session credits its author. An author taking their own module does not count.
    /// </summary>
    private static string Flow(ReportSql sql, ReportFilter filter) =>
        $"""
        SELECT ra."PersonId" AS "AuthorPersonId", u."PersonId" AS "LearnerPersonId", p."CompletedAt" AS "At"
        FROM "ModuleProgress" p
        JOIN "AspNetUsers" u ON u."Id" = p."UserId"
        JOIN "RevisionAuthors" ra ON ra."RevisionId" = p."RevisionId"
        WHERE p."CompletedAt" IS NOT NULL AND ra."PersonId" <> u."PersonId"{sql.Conditions(filter, "u.\"PersonId\"", "p.\"CompletedAt\"", "p.\"ModuleId\"")}
        UNION ALL
        SELECT au."PersonId", u."PersonId", r."StartsAt"
        FROM "MentoringRequests" r
        JOIN "AspNetUsers" u ON u."Id" = r."LearnerId"
        JOIN "AspNetUsers" au ON au."Id" = r."AuthorId"
        WHERE r."State" = {Held} AND r."StartsAt" IS NOT NULL{sql.Conditions(filter, "u.\"PersonId\"", "r.\"StartsAt\"", "r.\"ModuleId\"")}
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

    private sealed class DepartmentPair
    {
        public string Author { get; set; } = "";

        public string Learner { get; set; } = "";

        public long People { get; set; }
    }

    private sealed class AuthorReach
    {
        public string Name { get; set; } = "";

        public DateTime? LeftAt { get; set; }

        public long People { get; set; }
    }
}
