using System.Diagnostics;

namespace SkillBridge.Core.Media;

/// <summary>How a program run by <see cref="ExternalProcess"/> ended.</summary>
public sealed record ProcessOutcome(int ProcessId, int ExitCode, string StandardError, bool TimedOut)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;
}

/// <summary>Runs a program with a time limit; a program still running at the limit is killed with everything it started.</summary>
public static class ExternalProcess
{
    public static async Task<ProcessOutcome> RunAsync(
        string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var standardError = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var standardOutput = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            return new ProcessOutcome(process.Id, process.ExitCode, "", TimedOut: true);
        }

        await standardOutput;
        return new ProcessOutcome(process.Id, process.ExitCode, await standardError, TimedOut: false);
    }
}

/// <summary>Starts the programs that process images; tests replace it to count or hold runs.</summary>
public interface IProcessRunner
{
    Task<ProcessOutcome> RunAsync(
        string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeLimit, CancellationToken cancellationToken);
}

/// <summary>Runs each program as a real process through <see cref="ExternalProcess"/>.</summary>
public sealed class ExternalProcessRunner : IProcessRunner
{
    public Task<ProcessOutcome> RunAsync(
        string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeLimit, CancellationToken cancellationToken) =>
        ExternalProcess.RunAsync(program, arguments, environment, timeLimit, cancellationToken);
}
