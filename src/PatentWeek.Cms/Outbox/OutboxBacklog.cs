using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;

namespace PatentWeek.Cms.Outbox;

/// <summary>What the outbox has not done yet: due jobs (not given up) and how long the oldest has waited.</summary>
public sealed record OutboxBacklogSample(int Due, TimeSpan OldestAge);

/// <summary>
/// Measures the outbox's backlog: for the readiness check (a dispatcher that stopped shows as a growing age) and, as
/// the last sample, for the metrics. Sampled every 15 s in the background, so a scrape never queries the database.
/// </summary>
public sealed partial class OutboxBacklog(IServiceScopeFactory scopes, TimeProvider time, ILogger<OutboxBacklog> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(15);

    public OutboxBacklogSample Last { get; private set; } = new(0, TimeSpan.Zero);

    public async Task<OutboxBacklogSample> SampleAsync(CmsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = time.GetUtcNow().UtcDateTime;
        var due = db.OutboxMessages.Where(m => m.CompletedAt == null && m.CancelledAt == null && m.DueAt <= now && m.Attempts < OutboxDispatcher.MaxAttempts);
        var count = await due.CountAsync(cancellationToken);
        var oldest = count == 0 ? now : await due.MinAsync(m => m.DueAt, cancellationToken);
        return Last = new OutboxBacklogSample(count, now - oldest);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await SampleAsync(scope.ServiceProvider.GetRequiredService<CmsDbContext>(), stoppingToken);
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogFailed(logger, e.Message);
            }
        }
    }

    [LoggerMessage(LogLevel.Debug, "Outbox backlog not sampled: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
