using System.Collections.Concurrent;
using SkillBridge.Core.Media;

namespace SkillBridge.Tests.Media;

/// <summary>Runs the real programs and records every run's arguments.</summary>
public sealed class CountingRunner : IProcessRunner
{
    private readonly ExternalProcessRunner _real = new();

    public ConcurrentQueue<IReadOnlyList<string>> Runs { get; } = new();

    public Task<ProcessOutcome> RunAsync(
        string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        Runs.Enqueue([program, .. arguments]);
        return _real.RunAsync(program, arguments, environment, timeLimit, cancellationToken);
    }
}

/// <summary>
/// Holds every run until the test lets them go, telling the test when the first run has started; then runs the real
/// program. With <see cref="Gathering"/> set, it lets them go by itself once that many runs have arrived (a barrier).
/// </summary>
public sealed class HoldingRunner : IProcessRunner
{
    private readonly ExternalProcessRunner _real = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public int? Gathering { get; init; }

    public TaskCompletionSource FirstStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Arrived => Volatile.Read(ref _arrived);

    public void Release() => _released.TrySetResult();

    public async Task<ProcessOutcome> RunAsync(
        string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        var arrived = Interlocked.Increment(ref _arrived);
        FirstStarted.TrySetResult();
        if (arrived >= Gathering)
        {
            Release();
        }

        await _released.Task.WaitAsync(cancellationToken);
        return await _real.RunAsync(program, arguments, environment, timeLimit, cancellationToken);
    }
}
