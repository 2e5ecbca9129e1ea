using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;

namespace PatentWeek.Cms.Outbox;

/// <summary>
/// Claims due outbox rows with a lease (an atomic conditional update, so several instances never run the
/// same row at once), runs each in its own scope, and records the outcome: completed, or the error and
/// a later retry with the handler's back-off (<see cref="OutboxRetry"/>, the only back-off there is). Polls twice a second, so a due job starts within a second of its time,
/// and at once after a restart if its time passed while the process was down. Three workers run jobs side
/// by side.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes, TimeProvider time, Microsoft.Extensions.Options.IOptions<Infrastructure.CmsOptions> options, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long a claim holds without its heartbeat (<c>Cms:Outbox:LeaseSeconds</c>, 2 minutes): when an instance dies
    /// mid-job, another takes the job over after this, and runs it from the step the handler recorded.
    /// </summary>
    private readonly TimeSpan _lease = TimeSpan.FromSeconds(options.Value.Outbox.LeaseSeconds);
    internal const int MaxAttempts = 10;
    private const int Workers = 3;
    /// <summary>Dispatchers running in this process (tests may run several hosts in one), so their leases are not taken for orphans.</summary>
    private static readonly ConcurrentDictionary<string, bool> Running = new(StringComparer.Ordinal);

    private readonly string _instance = Guid.NewGuid().ToString("N")[..12];

    /// <summary>The job types whose handlers never give up; the same for the life of the process.</summary>
    private List<string>? _persistent;

    /// <summary>Leases are named machine/pid/instance/claim: each claim its own, so even workers of one dispatcher tell theirs apart.</summary>
    private string NewClaim() =>
        $"{Environment.MachineName[..Math.Min(40, Environment.MachineName.Length)]}/{Environment.ProcessId}/{_instance}/{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Running[_instance] = true;
        try
        {
            await ReleaseOrphanedLeasesAsync(stoppingToken);
            await LoopAsync(stoppingToken);
        }
        finally
        {
            Running.TryRemove(_instance, out _);
        }
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
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
        // A job whose handler never gives up (it follows something outside) runs however often it failed.
        var persistent = _persistent ??= [.. scope.ServiceProvider.GetServices<IOutboxHandler>().Where(h => h.Retry.NeverGiveUp).Select(h => h.Type)];
        var now = time.GetUtcNow().UtcDateTime;
        var candidate = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.CompletedAt == null && m.CancelledAt == null && m.DueAt <= now
                && (m.Attempts < MaxAttempts || persistent.Contains(m.Type))
                && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.DueAt).ThenBy(m => m.Id)
            .Select(m => new Candidate(m.Id, m.Type, m.Payload, m.Attempts))
            .FirstOrDefaultAsync(cancellationToken);
        if (candidate is null)
            return false;
        await RunAsync(db, [.. scope.ServiceProvider.GetServices<IOutboxHandler>()], candidate, now, cancellationToken);
        return true;
    }

    /// <summary>
    /// Runs one job now, due or not, unless it is done, cancelled or held by someone else: the events a request raised
    /// run right after its commit, so what it changed shows in its answer; their rows are the guarantee that they
    /// run even when this process dies first. Failures are recorded like any other run, and retried by the loop.
    /// </summary>
    public async Task RunNowAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            var candidate = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Id == id && m.CompletedAt == null && m.CancelledAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .Select(m => new Candidate(m.Id, m.Type, m.Payload, m.Attempts))
                .FirstOrDefaultAsync(cancellationToken);
            if (candidate is not null)
                await RunAsync(db, scope.ServiceProvider.GetServices<IOutboxHandler>().ToList(), candidate, now, cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The change is committed and its row waits: the loop runs it once its time comes.
            LogPollFailed(logger, e);
        }
    }

    private sealed record Candidate(long Id, string Type, string Payload, int Attempts);

    private async Task RunAsync(CmsDbContext db, List<IOutboxHandler> handlers, Candidate candidate, DateTime now, CancellationToken cancellationToken)
    {
        var claim = NewClaim();
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == candidate.Id && m.CompletedAt == null && m.CancelledAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, now + _lease).SetProperty(m => m.LockedBy, claim), cancellationToken);
        if (claimed == 0)
            return; // another instance took it

        var handler = handlers.FirstOrDefault(h => h.Type == candidate.Type);
        string? error = null;
        var result = OutboxResult.Done;
        using var beating = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = KeepLeaseAsync(candidate.Id, claim, beating.Token);
        try
        {
            if (handler is null)
                throw new InvalidOperationException($"No handler for outbox jobs of type '{candidate.Type}'.");
            result = await handler.HandleAsync(candidate.Payload, cancellationToken);
            error = result.RetryReason;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-job: give the lease back so the next start runs it at once, not after the lease.
            await StopAsync(beating, heartbeat);
            await db.OutboxMessages.Where(m => m.Id == candidate.Id && m.LockedBy == claim)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, (DateTime?)null), CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            error = e.Message;
            LogJobFailed(logger, candidate.Id, candidate.Type, e);
        }

        await StopAsync(beating, heartbeat);

        // A job that asked to come back starts its count of failures afresh: only failures in a row give up.
        var attempts = result.RunAgainAt is null ? result.FailuresInARow ?? candidate.Attempts + 1 : 0;
        var finished = time.GetUtcNow().UtcDateTime;
        var completed = error == null && result.RunAgainAt is null ? finished : (DateTime?)null;
        var due = error != null ? finished + (handler?.Retry ?? OutboxRetry.Default).WaitAfter(attempts) : result.RunAgainAt ?? now;
        // Only while we still hold the lease: a job that outlived it belongs to whoever claimed it next.
        await db.OutboxMessages.Where(m => m.Id == candidate.Id && m.LockedBy == claim).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LockedUntil, (DateTime?)null)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.CompletedAt, completed)
            .SetProperty(m => m.DueAt, due), cancellationToken);
    }

    /// <summary>
    /// Renews the lease while the job runs, so a long job (a WeChat post with many pictures) is never taken for
    /// abandoned and run a second time beside itself. Uses a scope of its own: the job's DbContext is busy.
    /// </summary>
    private async Task KeepLeaseAsync(long id, string claim, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_lease / 4, time, cancellationToken);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
                var until = time.GetUtcNow().UtcDateTime + _lease;
                await db.OutboxMessages.Where(m => m.Id == id && m.LockedBy == claim)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, until), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            LogPollFailed(logger, e); // the lease then runs out as it would have without renewal
        }
    }

    private static async Task StopAsync(CancellationTokenSource beating, Task heartbeat)
    {
        await beating.CancelAsync();
        await heartbeat;
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
        var machine = Environment.MachineName[..Math.Min(40, Environment.MachineName.Length)];
        if (parts.Length != 4 || parts[0] != machine || !int.TryParse(parts[1], out var pid))
            return false;
        if (pid == Environment.ProcessId)
            return !Running.ContainsKey(parts[2]); // this process id: dead unless a dispatcher here still runs it
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

    [LoggerMessage(LogLevel.Warning, "Outbox poll failed")]
    private static partial void LogPollFailed(ILogger logger, Exception e);

    [LoggerMessage(LogLevel.Warning, "Outbox job {Id} ({Type}) failed")]
    private static partial void LogJobFailed(ILogger logger, long id, string type, Exception e);
}
