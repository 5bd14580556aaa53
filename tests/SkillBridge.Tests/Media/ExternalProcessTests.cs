using System.Diagnostics;
using SkillBridge.Core.Media;

namespace SkillBridge.Tests.Media;

public sealed class ExternalProcessTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [Fact]
    public async Task RunAsync_ProgramStillRunningAtTheLimit_IsKilled()
    {
        var clock = Stopwatch.StartNew();

        var outcome = await ExternalProcess.RunAsync("sleep", ["30"], NoEnvironment, TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.True(outcome.TimedOut);
        Assert.False(outcome.Succeeded);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.False(IsRunning(outcome.ProcessId));
    }

    [Fact]
    public async Task RunAsync_ProgramThatFails_ReportsItsExitCodeAndError()
    {
        var outcome = await ExternalProcess.RunAsync("sh", ["-c", "echo broken >&2; exit 3"], NoEnvironment, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal((3, "broken", false), (outcome.ExitCode, outcome.StandardError.Trim(), outcome.TimedOut));
    }

    [Fact]
    public async Task RunAsync_Environment_ReachesTheProgram()
    {
        var outcome = await ExternalProcess.RunAsync("sh", ["-c", "echo $VIPS_BLOCK_UNTRUSTED >&2"], new Dictionary<string, string> { ["VIPS_BLOCK_UNTRUSTED"] = "1" }, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal("1", outcome.StandardError.Trim());
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
