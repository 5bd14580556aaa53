using SkillBridge.Core;

namespace SkillBridge.Tests.Infrastructure.Databases;

/// <summary>
/// The database engine this test assembly runs on. SkillBridge.Tests runs on SQLite; SkillBridge.Tests.PostgreSql
/// compiles the same tests with POSTGRESQL defined and runs the database tests on PostgreSQL.
/// </summary>
public static class TestEngine
{
#if POSTGRESQL
    public const DatabaseProvider Current = DatabaseProvider.PostgreSql;
#else
    public const DatabaseProvider Current = DatabaseProvider.Sqlite;
#endif

    public static bool IsPostgreSql => Current == DatabaseProvider.PostgreSql;

    public static bool IsSqlite => Current == DatabaseProvider.Sqlite;

    /// <summary>The EF Core provider a context on this engine must report (a PostgreSQL run that silently used SQLite would prove nothing).</summary>
    public static string ExpectedProviderName => IsPostgreSql ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite";
}
