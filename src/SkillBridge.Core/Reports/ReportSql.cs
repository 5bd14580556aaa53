using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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

    public Task<List<T>> QueryAsync<T>(string sql, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<T>(sql, [.. _parameters]).ToListAsync(cancellationToken);

    /// <summary>Seconds from <paramref name="from"/> to <paramref name="to"/> (two timestamp columns) as a number.</summary>
    public string SecondsBetween(string from, string to) => IsPostgreSql
        ? $"EXTRACT(EPOCH FROM ({to} - {from}))"
        : $"((julianday({to}) - julianday({from})) * 86400.0)";

    /// <summary>The UTC month of a timestamp column as 'yyyy-MM' text.</summary>
    public string Month(string column) => IsPostgreSql
        ? $"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM')"
        : $"substr({column}, 1, 7)";

    /// <summary>A join to the department a person was in at an instant (department history).</summary>
    public static string DepartmentAt(string alias, string person, string at) =>
        $"JOIN \"DepartmentMemberships\" {alias} ON {alias}.\"PersonId\" = {person} " +
        $"AND ({alias}.\"StartedAt\" IS NULL OR {alias}.\"StartedAt\" <= {at}) AND ({alias}.\"EndedAt\" IS NULL OR {alias}.\"EndedAt\" > {at})";

    /// <summary>A join to the groups a person was in at an instant (group history).</summary>
    public static string GroupAt(string alias, string person, string at) =>
        $"JOIN \"GroupMemberships\" {alias} ON {alias}.\"PersonId\" = {person} " +
        $"AND {alias}.\"JoinedAt\" <= {at} AND ({alias}.\"LeftAt\" IS NULL OR {alias}.\"LeftAt\" > {at})";

    /// <summary>
    /// The filter's conditions on a person at an instant and on a module, as "AND ..." clauses: date range on
    /// <paramref name="at"/>, department and group at that time, module in the path.
    /// </summary>
    public string Conditions(ReportFilter filter, string person, string at, string? module, bool departmentJoined = false)
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

        if (filter.DepartmentId is { } department && !departmentJoined)
        {
            clauses.Add($"EXISTS (SELECT 1 FROM \"DepartmentMemberships\" fd WHERE fd.\"PersonId\" = {person} AND fd.\"DepartmentId\" = {Add(department)} " +
                $"AND (fd.\"StartedAt\" IS NULL OR fd.\"StartedAt\" <= {at}) AND (fd.\"EndedAt\" IS NULL OR fd.\"EndedAt\" > {at}))");
        }

        if (filter.GroupId is { } group)
        {
            clauses.Add($"EXISTS (SELECT 1 FROM \"GroupMemberships\" fg WHERE fg.\"PersonId\" = {person} AND fg.\"GroupId\" = {Add(group)} " +
                $"AND fg.\"JoinedAt\" <= {at} AND (fg.\"LeftAt\" IS NULL OR fg.\"LeftAt\" > {at}))");
        }

        if (filter.PathId is { } path && module is not null)
        {
            clauses.Add($"{module} IN (SELECT lpm.\"ModuleId\" FROM \"LearningPathModules\" lpm WHERE lpm.\"LearningPathId\" = {Add(path)})");
        }

        return string.Concat(clauses.Select(c => " AND " + c));
    }

    public static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
