using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SkillBridge.Core.Search;

/// <summary>
/// Opens (or starts rebuilding) this node's index when the site starts, then applies changes made on other nodes every
/// <see cref="SearchOptions.PollInterval"/>: a publish elsewhere is searchable here within about that long. Once an
/// hour it also prunes the change log of entries older than <see cref="SearchOptions.LogRetention"/>.
/// </summary>
public sealed class SearchIndexWorker(SearchIndex index, IOptions<SkillBridgeOptions> options, TimeProvider clock, ILogger<SearchIndexWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await index.EnsureStartedAsync();
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Search.PollInterval);
        DateTimeOffset? pruned = null;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await index.CatchUpAsync(stoppingToken);
                if (pruned is null || clock.GetUtcNow() - pruned >= PruneEvery)
                {
                    pruned = clock.GetUtcNow();
                    var deleted = await index.PruneLogAsync(stoppingToken);
                    if (deleted > 0)
                    {
                        logger.LogInformation("Pruned {Count} search change-log entries older than {Retention}", deleted, options.Value.Search.LogRetention);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException)
            {
                // The database may be briefly unreachable; the next tick tries again.
                logger.LogWarning(e, "Applying search changes failed");
            }
        }
    }
}
