using SkillBridge.Core.Publishing;

namespace SkillBridge.Web.Publishing;

/// <summary>
/// Publishes due schedules: once before the site starts serving (catching up on anything due while it was down), then
/// every <see cref="Interval"/>. Safe on several web nodes: <see cref="ScheduledPublishing"/> claims each schedule once.
/// </summary>
public sealed class ScheduledPublishingService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScheduledPublishingService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>The first pass runs before the site starts serving, so catching up never waits for the first tick.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RunOnceAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

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
            var outcomes = await scope.ServiceProvider.GetRequiredService<ScheduledPublishing>().RunDueAsync(cancellationToken);
            foreach (var outcome in outcomes)
            {
                if (!outcome.Published)
                {
                    logger.LogError("Scheduled publishing of {Slug} (due {Due:u}) failed: {Problem}", outcome.Slug, outcome.ScheduledFor, outcome.Problem);
                }
                else if (outcome.Late > ScheduledPublishing.Tolerance)
                {
                    logger.LogWarning("Published {Slug} {Late} late (it was due {Due:u} while the site was not running)", outcome.Slug, ScheduledPublishing.Describe(outcome.Late), outcome.ScheduledFor);
                }
                else
                {
                    logger.LogInformation("Published {Slug} as scheduled", outcome.Slug);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed pass must not stop the loop: the next tick tries again, and the error is visible in the log.
            logger.LogError(e, "The scheduled publishing pass failed");
        }
    }
}
