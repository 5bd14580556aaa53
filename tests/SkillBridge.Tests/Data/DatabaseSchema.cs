using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using SkillBridge.Tests.Infrastructure.Databases;

namespace SkillBridge.Tests.Data;

/// <summary>Tables with their columns, keys, foreign keys and indexes, one sorted line each, as the run's engine reports them.</summary>
public static class DatabaseSchema
{
    public static Task<List<string>> DescribeAsync(string connectionString) =>
        TestEngine.IsPostgreSql ? DescribePostgreSqlAsync(connectionString) : DescribeSqliteAsync(connectionString);

    private static async Task<List<string>> DescribeSqliteAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = (await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')", r => r.GetString(0)))
            .ToList();
        var lines = new List<string>();
        foreach (var table in tables)
        {
            lines.Add($"table {table}");
            lines.AddRange(await QueryAsync(connection, $"PRAGMA table_info(\"{table}\")",
                r => $"column {table}.{r.GetString(1)} {r.GetString(2)} notnull={r.GetInt32(3)} pk={r.GetInt32(5)}"));
            lines.AddRange(await QueryAsync(connection, $"PRAGMA foreign_key_list(\"{table}\")",
                r => $"fk {table}.{r.GetString(3)} -> {r.GetString(2)}.{r.GetString(4)} on delete {r.GetString(6)}"));
            var indexes = await QueryAsync(connection, $"PRAGMA index_list(\"{table}\")", r => (Name: r.GetString(1), Unique: r.GetInt32(2)));
            foreach (var index in indexes.Where(i => !i.Name.StartsWith("sqlite_autoindex", StringComparison.Ordinal)))
            {
                var columns = await QueryAsync(connection, $"PRAGMA index_info(\"{index.Name}\")", r => r.GetString(2));
                lines.Add($"index {index.Name} on {table}({string.Join(",", columns)}) unique={index.Unique}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> DescribePostgreSqlAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        lines.AddRange(await QueryAsync(connection, """
            SELECT 'table ' || table_name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')
            """, r => r.GetString(0)));
        // Defaults are left out, as in SQLite's comparison: a migration gives a new non-null column one to fill the rows
        // that exist, while EF always writes the value itself.
        lines.AddRange(await QueryAsync(connection, """
            SELECT 'column ' || c.table_name || '.' || c.column_name || ' ' || c.udt_name
                   || coalesce('(' || c.character_maximum_length || ')', '')
                   || ' nullable=' || c.is_nullable || ' identity=' || c.is_identity
            FROM information_schema.columns c
            WHERE c.table_schema = 'public' AND c.table_name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')
            """, r => r.GetString(0)));
        lines.AddRange(await QueryAsync(connection, """
            SELECT 'constraint ' || t.relname || ' ' || con.contype::text || ' ' || pg_get_constraintdef(con.oid)
            FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND t.relname NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')
            """, r => r.GetString(0)));
        lines.AddRange(await QueryAsync(connection, """
            SELECT 'index ' || tablename || ' ' || indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')
            """, r => r.GetString(0)));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>Every row of a query, read as it comes.</summary>
    public static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var results = new List<T>();
        while (await reader.ReadAsync())
        {
            results.Add(read(reader));
        }

        return results;
    }
}
