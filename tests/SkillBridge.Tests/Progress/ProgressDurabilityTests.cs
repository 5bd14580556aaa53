using System.Net;
using SkillBridge.Tests.Infrastructure;
using SkillBridge.Tests.TestSupport;

namespace SkillBridge.Tests.Progress;

/// <summary>
/// A progress write that got a success response survives the process being killed right after: the site runs as a
/// separate process on its own data folder, is killed with SIGKILL straight after the response, and is started again.
/// </summary>
public sealed class ProgressDurabilityTests : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "skillbridge-tests", "durability-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task StepReached_ThenProcessKilled_IsStillThereAfterARestart()
    {
        var (username, password) = await CreateDevAccountAsync();

        await using (var site = await SiteProcess.StartAsync(_dataPath))
        {
            using var client = site.CreateClient();
            await client.SignInAsync(username, password);
            using var response = await client.GetAsync("/modules/share-your-screen/steps/3");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            site.Kill();
        }

        await using (var restarted = await SiteProcess.StartAsync(_dataPath))
        {
            using var client = restarted.CreateClient();
            await client.SignInAsync(username, password);
            var learning = await client.GetPageAsync("/learning");

            var item = learning.QuerySelector("#in-progress li")!;
            Assert.Contains("Share one window", item.TextContent, StringComparison.Ordinal);
            Assert.Contains("Step 3 of 4", item.TextContent, StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>Runs the site's own dev-accounts command (Development only) on the data folder and takes the first account it prints.</summary>
    private async Task<(string Username, string Password)> CreateDevAccountAsync()
    {
        var run = await SiteProcess.RunToExitAsync(SiteProcess.StartInfo(_dataPath, "Development", "dev-accounts"));
        Assert.True(run.ExitCode == 0, run.Error);
        var line = run.Output.Split('\n').First(l => l.Contains("  roles: ", StringComparison.Ordinal));
        var parts = line.Split("  ", StringSplitOptions.RemoveEmptyEntries);
        return (parts[0].Trim(), parts[1].Trim());
    }
}
