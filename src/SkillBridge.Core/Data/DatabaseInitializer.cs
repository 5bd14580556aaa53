using System.Diagnostics;
using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using SkillBridge.Core.Accounts;

namespace SkillBridge.Core.Data;

/// <summary>
/// Gets a database ready in separate steps: prepare the folder and connection, list pending migrations, migrate,
/// ensure the fixed roles. <see cref="StartAsync"/> applies the start-up policy (SkillBridge:MigrateOnStart);
/// <see cref="InitializeAsync"/> does every step unconditionally, for throwaway databases (tests, the benchmark).
/// </summary>
public sealed class DatabaseInitializer(SkillBridgeDbContext db, IOptions<SkillBridgeOptions> options)
{
    /// <summary>Every step, migrating whatever is pending: for databases nobody else uses.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await PrepareAsync(cancellationToken);
        await MigrateAsync(null, cancellationToken);
        await EnsureRolesAsync(cancellationToken);
    }

    /// <summary>
    /// The site's start-up and the commands that use its database: migrate when MigrateOnStart is true; when it is
    /// false and migrations are pending, apply none and say which are pending.
    /// </summary>
    public async Task<DatabaseStartResult> StartAsync(IProgress<MigrationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await PrepareAsync(cancellationToken);
        IReadOnlyList<string> applied = [];
        if (options.Value.MigrateOnStart)
        {
            applied = await MigrateAsync(progress, cancellationToken);
        }
        else if (await GetPendingMigrationsAsync(cancellationToken) is { Count: > 0 } pending)
        {
            return DatabaseStartResult.MigrationsPending(pending);
        }

        await EnsureRolesAsync(cancellationToken);
        return DatabaseStartResult.Ready(applied);
    }

    /// <summary>Creates the data folder and, for SQLite, the database's folder, and switches the file to WAL mode.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.Value.ResolvedDataPath);
        if (!db.Database.IsSqlite())
        {
            return;
        }

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var dataSource = new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The migrations this build has that the database has not applied, oldest first. Reads only.</summary>
    public async Task<IReadOnlyList<string>> GetPendingMigrationsAsync(CancellationToken cancellationToken = default) =>
        [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];

    /// <summary>Applies every pending migration, reporting each as EF Core starts it; returns the ones applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(IProgress<MigrationProgress>? progress, CancellationToken cancellationToken = default)
    {
        var pending = await GetPendingMigrationsAsync(cancellationToken);
        var applied = new List<string>();
        var migrator = db.GetService<IMigrator>();

        // One MigrateAsync for all of them, never one call per target: a target older than what another node has
        // meanwhile applied would make EF Core revert the newer migrations. EF Core announces each migration it
        // applies on its diagnostic listener; this context's migrator is the one to listen for.
        var announcements = (DiagnosticListener)db.GetService<IDiagnosticsLogger<DbLoggerCategory.Migrations>>().DiagnosticSource;
        using (announcements.Subscribe(
            new MigrationApplyingObserver(migrator, id =>
            {
                applied.Add(id);
                progress?.Report(new MigrationProgress(applied.Count, Math.Max(applied.Count, pending.Count), id));
            }),
            name => name == RelationalEventId.MigrationApplying.Name))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        return applied;
    }

    /// <summary>The fixed roles (author, curator, admin) exist in every database, so granting one never has to create it.</summary>
    public async Task EnsureRolesAsync(CancellationToken cancellationToken = default)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        foreach (var role in Roles.All.Except(existing, StringComparer.Ordinal))
        {
            db.Roles.Add(new IdentityRole(role!) { NormalizedName = role!.ToUpperInvariant() });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed class MigrationApplyingObserver(IMigrator migrator, Action<string> applying) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is MigrationEventData data && ReferenceEquals(data.Migrator, migrator))
            {
                // The id EF Core records is the [Migration] attribute's (its own GetId is internal).
                applying(data.Migration.GetType().GetCustomAttribute<MigrationAttribute>()?.Id ?? data.Migration.GetType().Name);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}

/// <summary>One migration starting: the <paramref name="Number"/>th of <paramref name="Total"/>.</summary>
public sealed record MigrationProgress(int Number, int Total, string Migration);

public enum DatabaseStartStatus
{
    /// <summary>The schema is current (possibly just migrated) and the roles exist.</summary>
    Ready,

    /// <summary>MigrateOnStart is false and the database lacks migrations; none was applied.</summary>
    MigrationsPending,
}

/// <summary>What <see cref="DatabaseInitializer.StartAsync"/> did: the migrations applied, or the ones pending.</summary>
public sealed record DatabaseStartResult(DatabaseStartStatus Status, IReadOnlyList<string> Applied, IReadOnlyList<string> Pending)
{
    public static DatabaseStartResult Ready(IReadOnlyList<string> applied) => new(DatabaseStartStatus.Ready, applied, []);

    public static DatabaseStartResult MigrationsPending(IReadOnlyList<string> pending) => new(DatabaseStartStatus.MigrationsPending, [], pending);
}
