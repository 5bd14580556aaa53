using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SkillBridge.Core.Data;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.Infrastructure.Databases;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Data;

/// <summary>
/// A database made by the site at commit b83e930 (Upgrade/b83e930: the starter content, accounts, progress, a rating, a
/// mentoring request, a draft), restored on the run's engine and migrated by today's start-up path, keeps every row
/// and every value, and the site then serves it, the list-valued columns included.
/// </summary>
public sealed class UpgradeTests : IDisposable
{
    private static readonly string FixtureFolder = Path.Combine(AppContext.BaseDirectory, "Data", "Upgrade", "b83e930");

    /// <summary>Columns that hold lists: JSON text on SQLite, array-literal text on PostgreSQL before the upgrade, text[] after it.</summary>
    private static readonly HashSet<string> ListColumns = ["People.HelpsWith", "People.Roles", "ModuleDrafts.Tags", "ModuleDrafts.Authors"];


    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "skillbridge-tests", "upgrade-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Migrate_DatabaseFromB83e930_KeepsEveryRowAndValue()
    {
        var settings = await RestoreFixtureAsync();
        var before = await DescribeRowsAsync(settings);

        await using (var site = await TestSite.OnDataFolderAsync(_dataPath, settings))
        {
            await site.WithDbAsync(async db =>
            {
                Assert.Equal(TestEngine.ExpectedProviderName, db.Database.ProviderName);
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                return 0;
            });
        }

        // Columns added since (e.g. a path's status) are not part of "every value kept": only the columns b83e930 had.
        var after = await DescribeRowsAsync(settings, before);
        Assert.Equal(9, before["People"].Rows);
        Assert.Equal(2, before["ModuleProgress"].Rows);
        Assert.Equal(1, before["MentoringRequests"].Rows);
        Assert.Equal(1, before["ModuleDrafts"].Rows);
        // The FTS5 search tables are dropped on purpose: search moved to a Lucene index per node (issue 12).
        foreach (var (table, expected) in before.Where(t => !Core.Search.SearchSchema.ObjectsOutsideTheModel.Contains(t.Key, StringComparer.Ordinal)))
        {
            Assert.True(after.TryGetValue(table, out var actual), $"Table {table} is gone after the upgrade.");
            Assert.True(expected == actual, $"{table}: before {expected}, after {actual}.");
        }
    }

    [Fact]
    public async Task Migrate_DatabaseFromB83e930_ReadsTheListColumnsBack()
    {
        var settings = await RestoreFixtureAsync();
        await using var site = await TestSite.OnDataFolderAsync(_dataPath, settings);

        var (aisha, draft) = await site.WithDbAsync(async db => (
            await db.People.AsNoTracking().SingleAsync(p => p.Username == "aisha.rahman"),
            await db.ModuleDrafts.AsNoTracking().SingleAsync()));

        Assert.Equal(["author", "curator"], aisha.Roles);
        Assert.Equal(["short video", "captions", "accessibility"], draft.Tags);
        Assert.Equal(["priya.shah", "aisha.rahman"], draft.Authors);
    }

    [Fact]
    public async Task Migrate_DatabaseFromB83e930_PathsArePublishedAsImportedRevisionOne()
    {
        var settings = await RestoreFixtureAsync();
        await using var site = await TestSite.OnDataFolderAsync(_dataPath, settings);

        var paths = await site.WithDbAsync(db => db.LearningPaths.AsNoTracking().Include(p => p.Modules).ToListAsync());
        var revisions = await site.WithDbAsync(db => db.LearningPathRevisions.AsNoTracking().Include(r => r.Modules).ToListAsync());

        Assert.Equal(3, paths.Count);
        Assert.All(paths, path =>
        {
            var revision = Assert.Single(revisions, r => r.LearningPathId == path.Id);
            Assert.Equal(Core.Paths.PathStatus.Published, path.Status);
            Assert.Equal((1, Core.Modules.RevisionSource.Import), (revision.Number, revision.Source));
            Assert.Equal((revision.Id, revision.Id), (path.PublishedRevisionId, path.LastImportedRevisionId));
            Assert.Equal(path.Modules.OrderBy(m => m.Position).Select(m => m.ModuleId), revision.Modules.OrderBy(m => m.Position).Select(m => m.ModuleId));
            Assert.All(path.Modules, m => Assert.True(m.AddedAt > new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        });
    }

    [Fact]
    public async Task Site_OnADatabaseUpgradedFromB83e930_ServesPeopleAndProfiles()
    {
        await RestoreFixtureAsync();
        using var factory = new SkillBridgeWebFactory { Settings = { ["SkillBridge:DataPath"] = _dataPath } };
        using var client = factory.CreateClient();

        var people = await client.GetAsync("/people");
        var profile = await client.GetAsync("/people/priya.shah");

        Assert.Equal(HttpStatusCode.OK, people.StatusCode);
        Assert.Contains("Tom Okafor", await people.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Contains("short video", await profile.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestDatabases.Drop(_dataPath);
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind must not fail the test.
        }
    }

    /// <summary>Puts the fixture for this engine behind the test's data folder, exactly as b83e930 left it.</summary>
    private async Task<Dictionary<string, string?>> RestoreFixtureAsync()
    {
        var settings = await TestDatabases.ProvisionAsync(_dataPath, TestDatabaseContent.Empty);
        if (TestEngine.IsSqlite)
        {
            File.Copy(Path.Combine(FixtureFolder, "skillbridge.db"), Path.Combine(_dataPath, "skillbridge.db"));
            return settings;
        }

        // psql meta-commands (\restrict) are for psql; the rest is plain SQL. Not pooled: the dump empties search_path.
        var script = string.Join('\n', File.ReadLines(Path.Combine(FixtureFolder, "skillbridge.pg.sql")).Where(line => !line.StartsWith('\\')));
        var connectionString = new NpgsqlConnectionStringBuilder(settings["SkillBridge:ConnectionString"]) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var restore = new NpgsqlCommand(script, connection);
        await restore.ExecuteNonQueryAsync();
        return settings;
    }

    /// <summary>Per table: the row count and a SHA-256 over its rows, each written out value by value and sorted.</summary>
    private static async Task<Dictionary<string, TableContents>> DescribeRowsAsync(Dictionary<string, string?> settings, Dictionary<string, TableContents>? columnsOf = null)
    {
        await using DbConnection connection = TestEngine.IsSqlite
            ? new SqliteConnection($"Data Source={Path.Combine(settings["SkillBridge:DataPath"]!, "skillbridge.db")};Pooling=False")
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings["SkillBridge:ConnectionString"]) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var tables = await DatabaseSchema.QueryAsync(connection, TestEngine.IsSqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '__EFMigrations%'",
            reader => reader.GetString(0));
        var result = new Dictionary<string, TableContents>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var columns = columnsOf?.GetValueOrDefault(table)?.Columns;

            // People.Department (text) became People.DepartmentId: the upgraded row must still name the same department.
            var sql = table == "People" && tables.Contains("Departments")
                ? """SELECT p.*, COALESCE(d."Name", '') AS "Department" FROM "People" AS p LEFT JOIN "Departments" AS d ON d."Id" = p."DepartmentId" """
                : $"SELECT * FROM \"{table}\"";
            var rows = await DatabaseSchema.QueryAsync(connection, sql, reader => WriteRow(table, reader, columns));
            rows.Sort(StringComparer.Ordinal);
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))));
            result[table] = new TableContents(rows.Count, hash) { Columns = columns ?? await ColumnsAsync(connection, table) };
        }

        return result;
    }

    private static async Task<HashSet<string>> ColumnsAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE 1 = 0";
        await using var reader = await command.ExecuteReaderAsync();
        return [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
    }

    private static string WriteRow(string table, DbDataReader reader, HashSet<string>? columns)
    {
        // By column name: a table SQLite rebuilds (to add a foreign key) may come back with its columns in another order.
        var values = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var column = reader.GetName(i);
            if ((columns is not null && !columns.Contains(column)) || (table == "People" && column == "DepartmentId"))
            {
                continue;
            }

            var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
            if (value is null)
            {
                // Nulls are left out, so a nullable column a later migration adds (empty on old rows) changes nothing,
                // while a value that the upgrade lost still shows: it is in the row before and missing after.
                continue;
            }

            values.Add(column + "=" + (ListColumns.Contains($"{table}.{column}") ? JsonSerializer.Serialize(ReadList(value)) : Convert.ToString(value, CultureInfo.InvariantCulture)));
        }

        return string.Join('|', values);
    }

    /// <summary>A list column's items, whichever way it is stored: text[], JSON text or PostgreSQL array-literal text.</summary>
    private static List<string?> ReadList(object? value) => value switch
    {
        string[] items => [.. items],
        string json when json.TrimStart().StartsWith('[') => JsonSerializer.Deserialize<List<string?>>(json) ?? [],
        string literal => ParseArrayLiteral(literal),
        _ => throw new InvalidOperationException($"Unexpected list value {value}."),
    };

    private static List<string?> ParseArrayLiteral(string literal)
    {
        var items = new List<string?>();
        var body = literal.Trim().TrimStart('{').TrimEnd('}');
        var position = 0;
        while (position < body.Length)
        {
            var item = new StringBuilder();
            var quoted = body[position] == '"';
            position += quoted ? 1 : 0;
            while (position < body.Length && (quoted ? body[position] != '"' : body[position] != ','))
            {
                position += body[position] == '\\' ? 1 : 0;
                item.Append(body[position++]);
            }

            position += quoted ? 2 : 1;
            items.Add(!quoted && item.ToString() == "NULL" ? null : item.ToString());
        }

        return items;
    }

    private sealed record TableContents(int Rows, string Sha256)
    {
        /// <summary>Which columns the table had; not part of equality.</summary>
        public HashSet<string> Columns { get; init; } = [];

        public bool Equals(TableContents? other) => other is not null && Rows == other.Rows && Sha256 == other.Sha256;

        public override int GetHashCode() => HashCode.Combine(Rows, Sha256);
    }
}
