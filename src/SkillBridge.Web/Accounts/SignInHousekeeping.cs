using SkillBridge.Core.Accounts;
using SkillBridge.Web.Time;

namespace SkillBridge.Web.Accounts;

/// <summary>
/// Every <see cref="Interval"/>, deletes throttle counters whose window has ended (names an attacker tried must not pile
/// up) and sessions idle for longer than the cookie lives. Harmless when several web nodes do it at once.
/// </summary>
public sealed class SignInHousekeeping(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SignInHousekeeping> logger)
    : PeriodicService(scopes, clock, Interval, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override string FailureMessage => "Removing ended sign-in counters and idle sessions failed";

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<RequestThrottle>().PurgeEndedAsync(cancellationToken);
        await services.GetRequiredService<UserSessions>().PurgeIdleAsync(cancellationToken);
    }
}
