using Microsoft.Extensions.Diagnostics.HealthChecks;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Media;
using PatentWeek.Cms.Outbox;
using PatentWeek.Cms.ScaleOut;

namespace PatentWeek.Cms.Health;

/// <summary>
/// Redis, when configured: degraded (a warning, still ready) while it is away, since every instance then serves from
/// its own caches; the site keeps answering, but an eviction reaches only the instance that made it.
/// </summary>
internal sealed class RedisHealthCheck(SharedRedis redis) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(!redis.IsConfigured ? HealthCheckResult.Healthy("Not configured: one instance, caches in the process.")
            : redis.IsAvailable ? HealthCheckResult.Healthy("Connected: instances share the output cache, WeChat credentials and sign-in limits.")
            : HealthCheckResult.Degraded("Redis cannot be reached: each instance serves from its own caches until it returns."));
}

/// <summary>The media folder takes a file: uploads would fail otherwise (a full disk, a volume mounted read-only).</summary>
internal sealed partial class MediaStoreHealthCheck(IMediaStore store, ILogger<MediaStoreHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = store.NewTempFile();
        try
        {
            await File.WriteAllBytesAsync(probe, [1], cancellationToken);
            return HealthCheckResult.Healthy("The media folder is writable.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The report is readable through the site: fixed words there, the path and the reason in the log.
            LogNotWritable(logger, e);
            return HealthCheckResult.Unhealthy(e is IOException io && DiskFull.Is(io) ? "The media folder is full." : "The media folder cannot be written.");
        }
        finally
        {
            File.Delete(probe);
        }
    }

    [LoggerMessage(LogLevel.Warning, "The media folder cannot be written")]
    private static partial void LogNotWritable(ILogger logger, Exception exception);
}

/// <summary>
/// The outbox keeps up: degraded when its oldest due job has waited over five minutes (no dispatcher runs, or a job
/// type keeps failing), since scheduled publishes and cross-posts are then late.
/// </summary>
internal sealed class OutboxHealthCheck(CmsDbContext db, OutboxBacklog backlog) : IHealthCheck
{
    private static readonly TimeSpan Late = TimeSpan.FromMinutes(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var sample = await backlog.SampleAsync(db, cancellationToken);
            var data = new Dictionary<string, object> { ["due"] = sample.Due, ["oldestAgeSeconds"] = (int)sample.OldestAge.TotalSeconds };
            return sample.OldestAge > Late
                ? HealthCheckResult.Degraded($"The oldest due job has waited {(int)sample.OldestAge.TotalMinutes} minutes.", data: data)
                : HealthCheckResult.Healthy($"{sample.Due} jobs due.", data);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            return HealthCheckResult.Unhealthy("The outbox could not be read.");
        }
    }
}
