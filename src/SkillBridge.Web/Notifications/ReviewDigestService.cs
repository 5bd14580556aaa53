using SkillBridge.Core.Notifications;
using SkillBridge.Web.Time;

namespace SkillBridge.Web.Notifications;

/// <summary>
/// Sends the curators' daily review digests (<see cref="ReviewDigest"/>) every <see cref="Interval"/> on the injected
/// clock. Safe on several web nodes: each account's day is claimed once.
/// </summary>
public sealed class ReviewDigestService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReviewDigestService> logger)
    : PeriodicService(scopes, clock, Interval, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override string FailureMessage => "The review digest pass failed";

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var sent = await services.GetRequiredService<ReviewDigest>().RunDueAsync(cancellationToken);
        if (sent > 0)
        {
            logger.LogInformation("Queued {Count} review digest mails", sent);
        }
    }
}
