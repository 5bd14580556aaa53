namespace SkillBridge.Web.Time;

/// <summary>
/// Runs <see cref="RunOnceAsync"/> every <paramref name="interval"/> on the injected clock, in its own service scope.
/// A failed pass is logged and never stops the loop: the next tick tries again.
/// </summary>
public abstract class PeriodicService(IServiceScopeFactory scopes, TimeProvider clock, TimeSpan interval, ILogger logger) : BackgroundService
{
    /// <summary>What the log says when a pass fails, e.g. "The scheduled publishing pass failed".</summary>
    protected abstract string FailureMessage { get; }

    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunPassAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass in a fresh scope; exceptions other than cancellation are logged, not thrown.</summary>
    protected async Task RunPassAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await RunOnceAsync(scope.ServiceProvider, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "{Failure}", FailureMessage);
        }
    }
}
