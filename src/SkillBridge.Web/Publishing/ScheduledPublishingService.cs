using SkillBridge.Core.Publishing;
using SkillBridge.Web.Time;

namespace SkillBridge.Web.Publishing;

/// <summary>
/// Publishes due schedules: once before the site starts serving (catching up on anything due while it was down), then
/// every <see cref="Interval"/>. Safe on several web nodes: <see cref="ScheduledPublishing"/> claims each schedule once.
/// </summary>
public sealed class ScheduledPublishingService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScheduledPublishingService> logger)
    : PeriodicService(scopes, clock, Interval, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override string FailureMessage => "The scheduled publishing pass failed";

    /// <summary>The first pass runs before the site starts serving, so catching up never waits for the first tick.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RunPassAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var outcomes = await services.GetRequiredService<ScheduledPublishing>().RunDueAsync(cancellationToken);
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
}
