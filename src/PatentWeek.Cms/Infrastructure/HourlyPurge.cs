using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// A clean-up that runs at start and then every hour, each round in its own scope. A round that fails because the
/// database is away (or not migrated yet) is logged and tried again at the next tick; it never stops the host.
/// </summary>
public abstract partial class HourlyPurge(IServiceScopeFactory scopes, TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), Time);
        do
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogFailed(logger, GetType().Name, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs one round now; the number of rows deleted.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await PurgeAsync(scope.ServiceProvider.GetRequiredService<CmsDbContext>(), cancellationToken);
    }

    protected abstract Task<int> PurgeAsync(CmsDbContext db, CancellationToken cancellationToken);

    [LoggerMessage(LogLevel.Warning, "{Purge} failed")]
    private static partial void LogFailed(ILogger logger, string purge, Exception e);
}
