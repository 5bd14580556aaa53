using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace SkillBridge.Core.Data;

/// <summary>Creates the data folder, applies pending migrations and, for SQLite, switches the file to WAL mode.</summary>
public sealed class DatabaseInitializer(SkillBridgeDbContext db, IOptions<SkillBridgeOptions> options)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.Value.ResolvedDataPath);
        if (db.Database.IsSqlite())
        {
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

        await db.Database.MigrateAsync(cancellationToken);
    }
}
