using SkillBridge.Core.Accounts;

namespace SkillBridge.Web.Accounts;

/// <summary>
/// Every <see cref="Interval"/>, deletes throttle counters whose window has ended (names an attacker tried must not pile
/// up) and sessions idle for longer than the cookie lives. Harmless when several web nodes do it at once.
/// </summary>
public sealed class SignInHousekeeping(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SignInHousekeeping> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RequestThrottle>().PurgeEndedAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<UserSessions>().PurgeIdleAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next tick tries again; the error is in the log.
            logger.LogError(e, "Removing ended sign-in counters and idle sessions failed");
        }
    }
}
