using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SkillBridge.Core;
using SkillBridge.Core.Content;
using SkillBridge.Core.Data;

namespace SkillBridge.Tests.Infrastructure.Databases;

/// <summary>What a test's database starts with.</summary>
public enum TestDatabaseContent
{
    /// <summary>No tables at all: for tests of migrating itself.</summary>
    Empty,

    /// <summary>Every migration applied and the roles in place, no content.</summary>
    Migrated,

    /// <summary>Migrated, with the starter content from content/ imported (modules, people, paths, images).</summary>
    Starter,
}

/// <summary>
/// Gives each test site its own database on the run's engine, copied from a template built once per run: the
/// migrated schema, and the migrated schema with the starter content imported. SQLite copies the database file and
/// the media folder; PostgreSQL clones a template database (CREATE DATABASE ... TEMPLATE) and copies the media folder.
/// A data folder that already has a database (a second node, or a restart on the same folder) keeps it.
/// </summary>
public static class TestDatabases
{
    /// <summary>Names the PostgreSQL database that belongs to a data folder, so a second site on that folder shares it.</summary>
    private const string PostgreSqlMarker = "postgresql-database.txt";

    private static readonly SemaphoreSlim CloneLock = new(1, 1);
    private static readonly Dictionary<(DatabaseProvider, TestDatabaseContent), Lazy<Task<string>>> Templates =
        (from engine in Enum.GetValues<DatabaseProvider>()
         from content in new[] { TestDatabaseContent.Migrated, TestDatabaseContent.Starter }
         select (engine, content))
        .ToDictionary(key => key, key => new Lazy<Task<string>>(() => Detached(() => BuildTemplateAsync(key.engine, key.content))));

    /// <summary>
    /// Puts a database with the given content behind <paramref name="dataPath"/> (creating the folder) and returns the
    /// settings that point a site at it. Idempotent per data folder. The engine is the run's unless a test names one
    /// (the browser tests' journey on PostgreSQL).
    /// </summary>
    public static async Task<Dictionary<string, string?>> ProvisionAsync(string dataPath, TestDatabaseContent content, DatabaseProvider? engine = null)
    {
        var on = engine ?? TestEngine.Current;
        Directory.CreateDirectory(dataPath);
        var settings = new Dictionary<string, string?>
        {
            ["SkillBridge:DataPath"] = dataPath,
            ["SkillBridge:DatabaseProvider"] = on.ToString(),
        };
        if (on == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(dataPath, "skillbridge.db");
            if (!File.Exists(file) && content != TestDatabaseContent.Empty)
            {
                CopyFolder(await Templates[(on, content)].Value, dataPath);
            }

            return settings;
        }

        var marker = Path.Combine(dataPath, PostgreSqlMarker);
        string database;
        if (File.Exists(marker))
        {
            database = (await File.ReadAllTextAsync(marker)).Trim();
        }
        else
        {
            database = "sb_" + Guid.NewGuid().ToString("N");
            var server = PostgreSqlServer.Shared;
            if (content == TestDatabaseContent.Empty)
            {
                await server.ExecuteAsync($"CREATE DATABASE \"{database}\"");
            }
            else
            {
                var template = await Templates[(on, content)].Value;
                CopyFolder(Path.Combine(template, "files"), dataPath);
                var templateDatabase = (await File.ReadAllTextAsync(Path.Combine(template, PostgreSqlMarker))).Trim();
                await CloneLock.WaitAsync();
                try
                {
                    // FILE_COPY copies the template's files instead of writing them through the WAL: much faster for a
                    // template of this size, and safe because nothing is connected to the template.
                    await server.ExecuteAsync($"CREATE DATABASE \"{database}\" TEMPLATE \"{templateDatabase}\" STRATEGY FILE_COPY");
                }
                finally
                {
                    CloneLock.Release();
                }
            }

            await File.WriteAllTextAsync(marker, database);
        }

        settings["SkillBridge:ConnectionString"] = PostgreSqlServer.Shared.ConnectionStringFor(database);
        return settings;
    }

    /// <summary>Drops the PostgreSQL database behind a data folder, if any (SQLite's file goes with the folder).</summary>
    public static async Task DropAsync(string dataPath)
    {
        var marker = Path.Combine(dataPath, PostgreSqlMarker);
        if (File.Exists(marker))
        {
            var database = (await File.ReadAllTextAsync(marker)).Trim();
            await PostgreSqlServer.Shared.ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    /// <summary>Synchronous <see cref="ProvisionAsync"/> for WebApplicationFactory's synchronous configuration hooks.</summary>
    public static Dictionary<string, string?> Provision(string dataPath, TestDatabaseContent content, DatabaseProvider? engine = null) =>
        Detached(() => ProvisionAsync(dataPath, content, engine)).GetAwaiter().GetResult();

    /// <summary>Drop without waiting on a synchronization context, for Dispose methods.</summary>
    public static void Drop(string dataPath) => Detached(() => DropAsync(dataPath)).GetAwaiter().GetResult();

    /// <summary>
    /// Runs work on the thread pool without the caller's execution context. WebApplicationFactory recognises the host it
    /// is waiting for through an AsyncLocal; a template host built in that flow would be taken for the site under test.
    /// </summary>
    private static Task<T> Detached<T>(Func<Task<T>> work)
    {
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(work);
        }
    }

    private static Task Detached(Func<Task> work)
    {
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(work);
        }
    }

    /// <summary>
    /// Builds a template through the real start-up path (DatabaseInitializer, then the starter import) in a folder of its
    /// own. For SQLite the folder is the template; for PostgreSQL it holds the media files and names the template database.
    /// </summary>
    private static async Task<string> BuildTemplateAsync(DatabaseProvider engine, TestDatabaseContent content)
    {
        var sqlite = engine == DatabaseProvider.Sqlite;
        var root = Path.Combine(Path.GetTempPath(), "skillbridge-tests", $"template-{content.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}");
        var dataPath = sqlite ? root : Path.Combine(root, "files");
        Directory.CreateDirectory(dataPath);
        var settings = new Dictionary<string, string?>
        {
            ["SkillBridge:DataPath"] = dataPath,
            ["SkillBridge:DatabaseProvider"] = engine.ToString(),
            ["SkillBridge:ImportStarterContent"] = content == TestDatabaseContent.Starter ? "true" : "false",
            ["SkillBridge:StarterContentPath"] = SolutionFolders.Find("content", AppContext.BaseDirectory),
        };
        string? database = null;
        if (!sqlite)
        {
            database = $"sb_template_{content.ToString().ToLowerInvariant()}_{Guid.NewGuid():N}";
            await PostgreSqlServer.Shared.ExecuteAsync($"CREATE DATABASE \"{database}\"");
            settings["SkillBridge:ConnectionString"] = PostgreSqlServer.Shared.ConnectionStringFor(database);
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = dataPath, DisableDefaults = true, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddSkillBridgeCore();
        using (var host = builder.Build())
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            if (content == TestDatabaseContent.Starter)
            {
                var imported = await scope.ServiceProvider.GetRequiredService<StarterContentImporter>().ImportIfEmptyAsync()
                    ?? throw new InvalidOperationException("The starter content was not found for the test template.");
                if (!imported.Succeeded)
                {
                    throw new InvalidOperationException("The starter content did not import:\n" + string.Join('\n', imported.Problems));
                }
            }
        }

        if (sqlite)
        {
            // One self-contained file to copy: fold the WAL back into the database and close every pooled handle.
            await using (var connection = new SqliteConnection(DependencyInjection.SqliteConnectionString(new SkillBridgeOptions { ResolvedDataPath = dataPath })))
            {
                await connection.OpenAsync();
                await using var checkpoint = new SqliteCommand("PRAGMA wal_checkpoint(TRUNCATE);", connection);
                await checkpoint.ExecuteNonQueryAsync();
            }

            SqliteConnection.ClearAllPools();
            foreach (var leftover in new[] { "skillbridge.db-wal", "skillbridge.db-shm" })
            {
                File.Delete(Path.Combine(dataPath, leftover));
            }
        }
        else
        {
            // CREATE DATABASE ... TEMPLATE fails while anyone is connected to the template.
            NpgsqlConnection.ClearAllPools();
            await File.WriteAllTextAsync(Path.Combine(root, PostgreSqlMarker), database);
        }

        return root;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: false);
        }
    }
}
