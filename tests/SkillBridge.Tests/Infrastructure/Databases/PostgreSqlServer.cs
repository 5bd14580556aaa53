using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SkillBridge.Tests.Infrastructure.Databases;

/// <summary>
/// The PostgreSQL server the tests use: the one named by SKILLBRIDGE_TEST_POSTGRES (a connection string whose user may
/// create databases), or else a throwaway cluster started once per test run from Debian's postgresql package
/// (initdb and pg_ctl, as the postgres user when running as root, fsync off, a free loopback port), stopped and
/// deleted when the run ends.
/// </summary>
public sealed class PostgreSqlServer
{
    public const string ServerVariable = "SKILLBRIDGE_TEST_POSTGRES";

    private const string ClusterPrefix = "skillbridge-postgres-";

    /// <summary>The test process that started a cluster; a cluster whose owner is gone (a killed run) is stopped and deleted by the next run.</summary>
    private const string OwnerFile = "owner.pid";

    private static readonly Lazy<PostgreSqlServer> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string? _clusterFolder;
    private readonly string? _binFolder;

    private PostgreSqlServer(string adminConnectionString, string? clusterFolder, string? binFolder)
    {
        AdminConnectionString = adminConnectionString;
        _clusterFolder = clusterFolder;
        _binFolder = binFolder;
    }

    public static PostgreSqlServer Shared => Instance.Value;

    /// <summary>Connects to the maintenance database with a user that may create and drop databases.</summary>
    public string AdminConnectionString { get; }

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static PostgreSqlServer Start()
    {
        if (Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } configured)
        {
            var builder = new NpgsqlConnectionStringBuilder(configured);
            builder.Database ??= "postgres";
            return new PostgreSqlServer(builder.ConnectionString, clusterFolder: null, binFolder: null);
        }

        var bin = FindServerBinaries() ?? throw new InvalidOperationException(
            "The PostgreSQL tests need a PostgreSQL server and found none. Install Debian's server package " +
            "(sudo apt-get install -y postgresql; the tests start their own throwaway cluster from /usr/lib/postgresql/*/bin), " +
            $"or set {ServerVariable} to the connection string of a server whose user may create databases.");
        var asPostgresUser = Environment.UserName == "root";
        StopAbandonedClusters(bin, asPostgresUser);
        var folder = Path.Combine(Path.GetTempPath(), ClusterPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (asPostgresUser)
        {
            // initdb refuses to run as root; the cluster belongs to Debian's postgres user instead.
            Run("chown", ["postgres:postgres", folder], asPostgresUser: false);
        }

        var data = Path.Combine(folder, "data");
        Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], asPostgresUser);
        var port = FreePort();
        var settings = string.Join(' ',
            $"-p {port}",
            "-c listen_addresses=127.0.0.1",
            $"-c unix_socket_directories={folder}",
            // Durability is not under test here, and without these every commit waits for the disk.
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "-c max_connections=300");
        Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "server.log"), "-o", settings, "-w", "-t", "60", "start"], asPostgresUser);

        var server = new PostgreSqlServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Include Error Detail=true", folder, bin);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(asPostgresUser);
        return server;
    }

    private void Stop(bool asPostgresUser)
    {
        if (_clusterFolder is null || _binFolder is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        Run(Path.Combine(_binFolder, "pg_ctl"), ["-D", Path.Combine(_clusterFolder, "data"), "-m", "immediate", "-w", "stop"], asPostgresUser, throwOnFailure: false);
        try
        {
            Directory.Delete(_clusterFolder, recursive: true);
        }
        catch (IOException)
        {
            // A cluster folder left in the temp folder must not fail the run.
        }
    }

    private static void StopAbandonedClusters(string bin, bool asPostgresUser)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), ClusterPrefix + "*"))
        {
            var owner = Path.Combine(folder, OwnerFile);
            if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner), out var pid) && IsRunning(pid))
            {
                continue;
            }

            if (File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
            {
                Run(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop"], asPostgresUser, throwOnFailure: false);
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another run's leftovers must not stop this one.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string? FindServerBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var version) ? version : 0)
                .FirstOrDefault()
            : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, string[] arguments, bool asPostgresUser, bool throwOnFailure = true)
    {
        var start = new ProcessStartInfo(asPostgresUser ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgresUser)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0 && throwOnFailure)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output.Result}\n{error.Result}");
        }
    }
}
