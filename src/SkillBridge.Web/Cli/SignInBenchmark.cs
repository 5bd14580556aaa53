using System.CommandLine;
using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using SkillBridge.Core;
using SkillBridge.Core.Accounts;
using SkillBridge.Core.Data;

namespace SkillBridge.Web.Cli;

/// <summary>
/// A benchmark, not a test: times the sign-in check (<see cref="PasswordCheck"/>, the work behind the sign-in POST) for an
/// unknown name and for a wrong password on a real account, on a throwaway site database. The two should cost the same,
/// so that timing cannot tell which names have accounts.
/// </summary>
internal static class SignInBenchmark
{
    public static Command Command()
    {
        var runs = new Option<int>("--runs") { Description = "Timed checks per path (after 5 warm-up checks).", DefaultValueFactory = _ => 50 };
        var command = new Command("benchmark-signin", "Sign-in timing: an unknown name against a wrong password on a real account, in a throwaway database.") { runs };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(Math.Max(1, parse.GetValue(runs)), parse.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int runs, TextWriter output, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "skillbridge-signin-benchmark-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["SkillBridge:DataPath"] = folder,
                ["SkillBridge:DatabaseProvider"] = nameof(DatabaseProvider.Sqlite),
                ["SkillBridge:ConnectionString"] = DependencyInjection.SqliteConnectionString(new SkillBridgeOptions { ResolvedDataPath = folder }),
                ["SkillBridge:ImportStarterContent"] = "false",
            });
            builder.AddSkillBridgeCore();
            builder.AddSkillBridgeWeb();
            await using var app = builder.Build();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
                var created = await scope.ServiceProvider.GetRequiredService<AccountService>()
                    .CreateAsync(new NewAccount("benchmark.user", "benchmark.user@example.invalid", "a long benchmark passphrase"), ProfileClaim.Allowed, "benchmark-signin", [], cancellationToken);
                if (!created.Succeeded)
                {
                    await output.WriteLineAsync("Could not create the benchmark account: " + string.Join(" ", created.Errors.Select(e => e.Message)));
                    return 1;
                }
            }

            output.WriteLine($"{runs} checks per path after 5 warm-up checks each, alternating paths; each from its own client address so none is throttled.");
            var unknown = new List<double>();
            var wrong = new List<double>();
            var address = 0;
            for (var i = -5; i < runs; i++)
            {
                var unknownTime = await TimeAsync(app.Services, "nobody." + i, ++address, cancellationToken);
                var wrongTime = await TimeAsync(app.Services, "benchmark.user", ++address, cancellationToken);
                if (i >= 0)
                {
                    unknown.Add(unknownTime);
                    wrong.Add(wrongTime);
                }
            }

            output.WriteLine($"{"path",-32} {"p50 ms",8} {"mean ms",8} {"min ms",8} {"max ms",8}");
            Report(output, "unknown name", unknown);
            Report(output, "wrong password, real account", wrong);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                output.WriteLine($"Could not delete {folder}; remove it by hand.");
            }
        }
    }

    private static async Task<double> TimeAsync(IServiceProvider services, string name, int address, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var check = scope.ServiceProvider.GetRequiredService<PasswordCheck>();
        var client = new IPAddress([10, (byte)(address >> 16), (byte)(address >> 8), (byte)address]);
        var watch = Stopwatch.StartNew();
        var result = await check.CheckAsync(name, "not the password", client, cancellationToken);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        return result.Status == PasswordCheckStatus.Refused ? elapsed : throw new InvalidOperationException($"Expected a refusal, got {result.Status}.");
    }

    private static void Report(TextWriter output, string path, List<double> times)
    {
        times.Sort();
        output.WriteLine($"{path,-32} {times[times.Count / 2],8:F1} {times.Average(),8:F1} {times[0],8:F1} {times[^1],8:F1}");
    }
}
