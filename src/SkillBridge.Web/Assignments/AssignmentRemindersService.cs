using SkillBridge.Core.Assignments;
using SkillBridge.Web.Time;

namespace SkillBridge.Web.Assignments;

/// <summary>
/// Sends due assignment reminders and the daily mail digests: once before the site starts serving (catching up on
/// reminders due while it was down), then every <see cref="Interval"/>. Safe on several web nodes:
/// <see cref="AssignmentReminders"/> claims each reminder and digest once.
/// </summary>
public sealed class AssignmentRemindersService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AssignmentRemindersService> logger)
    : PeriodicService(scopes, clock, Interval, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override string FailureMessage => "The assignment reminders pass failed";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RunPassAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var outcome = await services.GetRequiredService<AssignmentReminders>().RunDueAsync(cancellationToken);
        if (outcome.Sent + outcome.Digests > 0)
        {
            logger.LogInformation("Sent {Sent} assignment reminders and {Digests} reminder mail digests", outcome.Sent, outcome.Digests);
        }
    }
}
