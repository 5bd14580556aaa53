using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using SkillBridge.Core.Data;

namespace SkillBridge.Core.Reports;

/// <summary>
/// Builds one report query: plain SQL that runs on SQLite and PostgreSQL alike (quoted names, CASE, COUNT(DISTINCT),
/// window functions), with parameters, so each report aggregates in the database in a fixed number of queries however
/// many people or modules there are. The few spots where the engines differ are the methods below.
/// </summary>
internal sealed class ReportSql(SkillBridgeDbContext db)
{
    private readonly List<DbParameter> _parameters = [];

    public bool IsPostgreSql { get; } = db.Database.IsNpgsql();

    /// <summary>Adds a parameter and returns its placeholder; DateTime values must be UTC.</summary>
    public string Add(object value)
    {
        var name = $"@p{_parameters.Count}";
        _parameters.Add(IsPostgreSql ? new NpgsqlParameter(name, value) : new SqliteParameter(name, value));
        return name;
    }

    /// <summary>
    /// Runs the query on a context (and connection) of its own, with the page's settings, so a report can start its
    /// independent queries together and the database answers them side by side (each is read-only).
    /// </summary>
    public async Task<List<T>> QueryAsync<T>(string sql, CancellationToken cancellationToken)
    {
        var options = (DbContextOptions<SkillBridgeDbContext>)db.GetService<IDbContextOptions>();
        await using var own = new SkillBridgeDbContext(options);
        return await own.Database.SqlQueryRaw<T>(sql, [.. _parameters]).ToListAsync(cancellationToken);
    }

    /// <summary>Seconds from <paramref name="from"/> to <paramref name="to"/> (two timestamp columns) as a number.</summary>
    public string SecondsBetween(string from, string to) => IsPostgreSql
        ? $"EXTRACT(EPOCH FROM ({to} - {from}))"
        : $"((julianday({to}) - julianday({from})) * 86400.0)";

    /// <summary>The UTC month of a timestamp column, to group and order by (on PostgreSQL a timestamp: cheaper than text per row).</summary>
    public string MonthKey(string column) => IsPostgreSql
        ? $"date_trunc('month', {column} AT TIME ZONE 'UTC')"
        : $"substr({column}, 1, 7)";

    /// <summary>The UTC month of a timestamp column as 'yyyy-MM' text, in a query grouped by <see cref="MonthKey"/>.</summary>
    public string Month(string column) => IsPostgreSql
        ? $"to_char({MonthKey(column)}, 'YYYY-MM')"
        : MonthKey(column);

    /// <summary>A join to the department a person was in at an instant (department history).</summary>
    public static string DepartmentAt(string alias, string person, string at) =>
        $"JOIN \"DepartmentMemberships\" {alias} ON {alias}.\"PersonId\" = {person} " +
        $"AND ({alias}.\"StartedAt\" IS NULL OR {alias}.\"StartedAt\" <= {at}) AND ({alias}.\"EndedAt\" IS NULL OR {alias}.\"EndedAt\" > {at})";

    /// <summary>A join to the groups a person was in at an instant (group history).</summary>
    public static string GroupAt(string alias, string person, string at) =>
        $"JOIN \"GroupMemberships\" {alias} ON {alias}.\"PersonId\" = {person} " +
        $"AND {alias}.\"JoinedAt\" <= {at} AND ({alias}.\"LeftAt\" IS NULL OR {alias}.\"LeftAt\" > {at})";

    /// <summary>
    /// The FROM clause for a table of learning rows (progress, ratings, stuck flags): with a group chosen it starts from
    /// that group's memberships, so only its people's rows are read (a CROSS JOIN keeps that order on SQLite; the
    /// conditions that tie the two are in <see cref="Conditions"/>).
    /// </summary>
    public static string From(ReportFilter filter, string table, string alias) => filter.GroupId is null
        ? $"\"{table}\" {alias}"
        : $"\"GroupMemberships\" fg CROSS JOIN \"{table}\" {alias}";

    /// <summary>
    /// The filter's conditions on a person at an instant and on a module, as "AND ..." clauses: date range on
    /// <paramref name="at"/>, department and group at that time, module in the path. <paramref name="department"/> names
    /// the row's stamped department column where it has one (learning rows); without it the department history is read.
    /// With a group chosen, learning rows come <see cref="From"/> the group's memberships (<paramref name="groupJoined"/>);
    /// other rows check the group history.
    /// </summary>
    public string Conditions(ReportFilter filter, string person, string at, string? module, string? department = null, bool groupJoined = false)
    {
        var clauses = new List<string>();
        if (filter.FromUtc is { } from)
        {
            clauses.Add($"{at} >= {Add(Utc(from))}");
        }

        if (filter.ToUtc is { } to)
        {
            clauses.Add($"{at} < {Add(Utc(to))}");
        }

        if (filter.DepartmentId is { } departmentId)
        {
            clauses.Add(department is not null
                ? $"{department} = {Add(departmentId)}"
                : $"EXISTS (SELECT 1 FROM \"DepartmentMemberships\" fd WHERE fd.\"PersonId\" = {person} AND fd.\"DepartmentId\" = {Add(departmentId)} " +
                    $"AND (fd.\"StartedAt\" IS NULL OR fd.\"StartedAt\" <= {at}) AND (fd.\"EndedAt\" IS NULL OR fd.\"EndedAt\" > {at}))");
        }

        if (filter.GroupId is { } group)
        {
            clauses.Add(groupJoined
                ? $"fg.\"GroupId\" = {Add(group)} AND fg.\"PersonId\" = {person} AND fg.\"JoinedAt\" <= {at} AND (fg.\"LeftAt\" IS NULL OR fg.\"LeftAt\" > {at})"
                : $"EXISTS (SELECT 1 FROM \"GroupMemberships\" fg WHERE fg.\"PersonId\" = {person} AND fg.\"GroupId\" = {Add(group)} " +
                    $"AND fg.\"JoinedAt\" <= {at} AND (fg.\"LeftAt\" IS NULL OR fg.\"LeftAt\" > {at}))");
        }

        if (filter.PathId is { } path && module is not null)
        {
            clauses.Add($"{module} IN (SELECT lpm.\"ModuleId\" FROM \"LearningPathModules\" lpm WHERE lpm.\"LearningPathId\" = {Add(path)})");
        }

        return string.Concat(clauses.Select(c => " AND " + c));
    }

    /// <summary>The conditions for a learning row with its stamped person and department, read <see cref="From"/> the filter.</summary>
    public string LearningConditions(ReportFilter filter, string alias, string at, string module) =>
        Conditions(filter, $"{alias}.\"PersonId\"", at, module, $"{alias}.\"DepartmentId\"", groupJoined: true);

    public static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
