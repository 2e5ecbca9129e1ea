using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;

namespace PatentWeek.Cms.Outbox;

/// <summary>
/// Deletes outbox rows that finished (completed or cancelled) more than a week ago; runs hourly. Every publish, trash
/// and media change now leaves an event row, so without this the table would only grow. A week keeps what happened
/// lately readable for whoever looks into a problem; failing rows that still wait are never deleted.
/// </summary>
public sealed partial class OutboxPurger(IServiceScopeFactory scopes, TimeProvider time, ILogger<OutboxPurger> logger) : BackgroundService
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var cutoff = time.GetUtcNow().UtcDateTime - Retention;
        return await db.OutboxMessages
            .Where(m => (m.CompletedAt != null && m.CompletedAt < cutoff) || (m.CancelledAt != null && m.CancelledAt < cutoff))
            .ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(LogLevel.Warning, "Outbox purge failed")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
