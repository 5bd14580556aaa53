using System.CommandLine;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SkillBridge.Core;
using SkillBridge.Core.Data;

namespace SkillBridge.Web.Cli;

/// <summary>
/// The commands that act on the database as it is, outside the start-up policy: <c>migrate</c> applies pending
/// migrations; <c>backup</c> copies the database before anything migrates it.
/// </summary>
internal static class DatabaseCommands
{
    public const string UpToDate = "Database is up to date.";

    public static Command MigrateCommand(IServiceProvider services)
    {
        var list = new Option<bool>("--list") { Description = "Only list the pending migrations; apply none." };
        var command = new Command("migrate", "Apply the database's pending migrations, printing each one (the site does this itself unless SkillBridge:MigrateOnStart is false).") { list };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            await using var scope = services.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
            string? applying = null;
            try
            {
                await database.PrepareAsync(cancellationToken);
                var pending = await database.GetPendingMigrationsAsync(cancellationToken);
                if (pending.Count == 0)
                {
                    await output.WriteLineAsync(UpToDate);
                    return 0;
                }

                if (parse.GetValue(list))
                {
                    await output.WriteLineAsync($"The database needs {DatabaseStartup.Migrations(pending.Count)}:");
                    foreach (var migration in pending)
                    {
                        await output.WriteLineAsync($"  {migration}");
                    }

                    return 0;
                }

                var applied = await database.MigrateAsync(
                    new SynchronousProgress<MigrationProgress>(p =>
                    {
                        applying = p.Migration;
                        output.WriteLine(DatabaseStartup.ProgressLine(p));
                    }),
                    cancellationToken);
                await output.WriteLineAsync($"Applied {DatabaseStartup.Migrations(applied.Count)}. {UpToDate}");
                return 0;
            }
            catch (Exception e) when (e is DbException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(
                    $"Migrating the database failed{(applying is null ? "" : $" while applying {applying}")}: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    public static Command BackupCommand(IServiceProvider services)
    {
        var directory = new Argument<DirectoryInfo>("directory") { Description = "The folder to write skillbridge.db and media/ into." };
        var command = new Command("backup", "Copy the SQLite database as it is (consistently, while the site may run; never migrated first) and the media folder.") { directory };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SkillBridgeDbContext>();
            if (!db.Database.IsSqlite())
            {
                await error.WriteLineAsync("backup copies SQLite databases only; for PostgreSQL use pg_dump (and copy the media folder).");
                return 1;
            }

            // Opening a missing SQLite file would create an empty database and back that up.
            var sourceFile = Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
            if (!File.Exists(sourceFile))
            {
                await error.WriteLineAsync($"There is no database at {sourceFile} to back up.");
                return 1;
            }

            var target = parse.GetValue(directory)!.FullName;
            Directory.CreateDirectory(target);
            var databaseFile = Path.Combine(target, "skillbridge.db");
            await using (var source = new SqliteConnection(db.Database.GetConnectionString()))
            await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Pooling = false }.ToString()))
            {
                await source.OpenAsync(cancellationToken);
                await destination.OpenAsync(cancellationToken);

                // SQLite's online backup API: a consistent snapshot even while the site keeps writing.
                source.BackupDatabase(destination);
            }

            await output.WriteLineAsync($"Wrote {databaseFile} ({new FileInfo(databaseFile).Length} bytes)");
            var pending = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().GetPendingMigrationsAsync(cancellationToken);
            if (pending.Count > 0)
            {
                await output.WriteLineAsync($"The database and its copy still need {DatabaseStartup.Migrations(pending.Count)} ({string.Join(", ", pending)}); backup applies none.");
            }

            var media = scope.ServiceProvider.GetRequiredService<IOptions<SkillBridgeOptions>>().Value.ResolvedMediaPath;
            var copied = CopyFolder(media, Path.Combine(target, "media"));
            await output.WriteLineAsync($"Copied {copied} media file(s) from {media} to {Path.Combine(target, "media")}");
            return 0;
        });
        return command;
    }

    private static int CopyFolder(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        if (!Directory.Exists(source))
        {
            return 0;
        }

        var count = 0;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
            count++;
        }

        return count;
    }
}
