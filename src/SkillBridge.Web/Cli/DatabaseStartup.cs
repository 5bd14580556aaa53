using SkillBridge.Core.Data;

namespace SkillBridge.Web.Cli;

/// <summary>
/// The migration policy as the site and its commands show it (README, "Migrations"): migrate at start-up unless
/// SkillBridge:MigrateOnStart is false, in which case a database with pending migrations stops the start and the
/// message names the <c>migrate</c> command.
/// </summary>
public static class DatabaseStartup
{
    /// <summary>For the site: applies the policy, logging each migration; false, after logging why, when the site must not start.</summary>
    public static async Task<bool> PrepareDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup).FullName!);
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>()
            .StartAsync(new SynchronousProgress<MigrationProgress>(p => logger.LogInformation("{Progress}", ProgressLine(p))));
        if (result.Status == DatabaseStartStatus.MigrationsPending)
        {
            logger.LogCritical("{Message}", PendingMigrationsMessage(result.Pending, "start the site again"));
            return false;
        }

        return true;
    }

    /// <summary>For a command that uses the site's database (import, export, ...): the same policy, progress on its output, the refusal on its error stream.</summary>
    internal static async Task<bool> PrepareDatabaseAsync(IServiceProvider services, string command, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>()
            .StartAsync(new SynchronousProgress<MigrationProgress>(p => output.WriteLine(ProgressLine(p))), cancellationToken);
        if (result.Status == DatabaseStartStatus.MigrationsPending)
        {
            await error.WriteLineAsync(PendingMigrationsMessage(result.Pending, $"run `{command}` again"));
            return false;
        }

        return true;
    }

    /// <summary>Why nothing started, which migrations are missing, and the command that applies them.</summary>
    public static string PendingMigrationsMessage(IReadOnlyList<string> pending, string then) =>
        $"The database needs {Migrations(pending.Count)} ({string.Join(", ", pending)}) and SkillBridge:MigrateOnStart is false, so none is applied here. " +
        $"Run `dotnet run --project src/SkillBridge.Web -- migrate` (or `SkillBridge.Web migrate` when published), then {then}.";

    public static string ProgressLine(MigrationProgress progress) => $"applying migration {progress.Number}/{progress.Total} {progress.Migration}";

    public static string Migrations(int count) => count == 1 ? "1 migration" : $"{count} migrations";
}
