using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SkillBridge.Core.Mail;

namespace SkillBridge.Core.Outbox;

/// <summary>
/// Runs <see cref="OutboxSender"/> in the background: at once when a commit adds rows (<see cref="OutboxSignal"/>),
/// and every <see cref="PollInterval"/> for retries that fall due and rows another node added. Also purges what the
/// outbox should no longer hold. Logs at start-up why mail is off when SMTP is configured without a site address.
/// </summary>
public sealed class OutboxWorker(OutboxSender sender, OutboxSignal signal, MailStatus mail, TimeProvider clock, ILogger<OutboxWorker> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(15);

    public static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(10);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (mail.Problem is { } problem)
        {
            logger.LogWarning("{Problem}", problem);
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Start-up goes on while the first pass runs.
        await Task.Yield();
        DateTimeOffset? purged = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (purged is null || clock.GetUtcNow() - purged >= PurgeInterval)
                {
                    await sender.PurgeAsync(stoppingToken);
                    purged = clock.GetUtcNow();
                }

                if (mail.IsOn)
                {
                    await sender.SendDueAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A failed pass (the database unreachable, say) must not stop the loop: the next one tries again.
                logger.LogError(exception, "The outbox pass failed");
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            await Task.WhenAny(signal.WaitAsync(wait.Token), Task.Delay(PollInterval, clock, wait.Token));
            await wait.CancelAsync();
        }
    }
}
