using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;

namespace PatentWeek.Cms.Outbox;

/// <summary>
/// Claims due outbox rows with a lease (an atomic conditional update, so several instances never run the
/// same row at once), runs each in its own scope, and records the outcome: completed, or the error and
/// a later retry with back-off. Polls twice a second, so a due job starts within a second of its time,
/// and at once after a restart if its time passed while the process was down. Three workers run jobs side
/// by side.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes, TimeProvider time, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private const int MaxAttempts = 10;
    private const int Workers = 3;
    private readonly string _instance = $"{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // A few workers drain the due jobs side by side, so a burst of rendition jobs does not hold up a
            // scheduled publish; each claims its own rows through the lease. Image work is bounded separately.
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => DrainAsync(stoppingToken)));
            try
            {
                await Task.Delay(Poll, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested && await RunOneAsync(stoppingToken))
            {
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or OperationCanceledException)
        {
            // The database is away or not migrated yet: try again on the next tick.
            LogPollFailed(logger, e);
        }
    }

    /// <summary>Claims and runs one due job; false when none is due.</summary>
    public async Task<bool> RunOneAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var candidate = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.CompletedAt == null && m.CancelledAt == null && m.DueAt <= now && m.Attempts < MaxAttempts
                && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.DueAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Type, m.Payload, m.Attempts })
            .FirstOrDefaultAsync(cancellationToken);
        if (candidate is null)
            return false;

        var claimed = await db.OutboxMessages
            .Where(m => m.Id == candidate.Id && m.CompletedAt == null && m.CancelledAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, now + Lease).SetProperty(m => m.LockedBy, _instance), cancellationToken);
        if (claimed == 0)
            return true; // another instance took it; look for the next one

        var handler = scope.ServiceProvider.GetServices<IOutboxHandler>().FirstOrDefault(h => h.Type == candidate.Type);
        string? error = null;
        try
        {
            if (handler is null)
                throw new InvalidOperationException($"No handler for outbox jobs of type '{candidate.Type}'.");
            await handler.HandleAsync(candidate.Payload, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-job: give the lease back so the next start runs it at once, not after the lease.
            await db.OutboxMessages.Where(m => m.Id == candidate.Id && m.LockedBy == _instance)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            error = e.Message;
            LogJobFailed(logger, candidate.Id, candidate.Type, e);
        }

        var attempts = candidate.Attempts + 1;
        var finished = time.GetUtcNow().UtcDateTime;
        // Only while we still hold the lease: a job that outlived it belongs to whoever claimed it next.
        await db.OutboxMessages.Where(m => m.Id == candidate.Id && m.LockedBy == _instance).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LockedUntil, (DateTime?)null)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.CompletedAt, error == null ? finished : null)
            .SetProperty(m => m.DueAt, error == null ? now : finished + Backoff(attempts)), cancellationToken);
        return true;
    }

    private static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, attempts) * 5));

    [LoggerMessage(LogLevel.Warning, "Outbox poll failed")]
    private static partial void LogPollFailed(ILogger logger, Exception e);

    [LoggerMessage(LogLevel.Warning, "Outbox job {Id} ({Type}) failed")]
    private static partial void LogJobFailed(ILogger logger, long id, string type, Exception e);
}
