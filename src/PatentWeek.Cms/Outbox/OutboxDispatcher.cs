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
    private readonly string _instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ReleaseOrphanedLeasesAsync(stoppingToken);
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
        var result = OutboxResult.Done;
        try
        {
            if (handler is null)
                throw new InvalidOperationException($"No handler for outbox jobs of type '{candidate.Type}'.");
            result = await handler.HandleAsync(candidate.Payload, cancellationToken);
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

        // A job that asked to come back starts its count of failures afresh: only failures in a row give up.
        var attempts = result.RunAgainAt is null ? candidate.Attempts + 1 : 0;
        var finished = time.GetUtcNow().UtcDateTime;
        var completed = error == null && result.RunAgainAt is null ? finished : (DateTime?)null;
        var due = error != null ? finished + Backoff(attempts) : result.RunAgainAt ?? now;
        // Only while we still hold the lease: a job that outlived it belongs to whoever claimed it next.
        await db.OutboxMessages.Where(m => m.Id == candidate.Id && m.LockedBy == _instance).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LockedUntil, (DateTime?)null)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.CompletedAt, completed)
            .SetProperty(m => m.DueAt, due), cancellationToken);
        return true;
    }

    /// <summary>
    /// Gives back the leases of a process on this machine that is gone (killed, or crashed), so a restart resumes its
    /// jobs at once instead of after the lease. Leases of live processes and of other machines are left to expire.
    /// </summary>
    private async Task ReleaseOrphanedLeasesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            var holders = await db.OutboxMessages.Where(m => m.LockedUntil > now && m.LockedBy != null)
                .Select(m => m.LockedBy!).Distinct().ToListAsync(cancellationToken);
            foreach (var holder in holders.Where(IsDeadLocalProcess))
            {
                await db.OutboxMessages.Where(m => m.LockedBy == holder)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, (DateTime?)null), cancellationToken);
            }
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            LogPollFailed(logger, e);
        }
    }

    private static bool IsDeadLocalProcess(string holder)
    {
        var parts = holder.Split('/');
        if (parts.Length != 3 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], out var pid))
            return false;
        if (pid == Environment.ProcessId)
            return true; // an earlier run of this process id: we have only just started
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
    }

    private static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, attempts) * 5));

    [LoggerMessage(LogLevel.Warning, "Outbox poll failed")]
    private static partial void LogPollFailed(ILogger logger, Exception e);

    [LoggerMessage(LogLevel.Warning, "Outbox job {Id} ({Type}) failed")]
    private static partial void LogJobFailed(ILogger logger, long id, string type, Exception e);
}
