using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace PatentWeek.Cms.ScaleOut;

/// <summary>
/// A fixed-window limit for one client address that holds across instances: the window's count is a Redis counter
/// (<c>INCR</c>, expiring with the window), so two instances behind a load balancer allow the limit once, not twice.
/// Without Redis, or while it is away, the process's own window limits instead (<see cref="FixedWindowRateLimiter"/>):
/// a limit per instance is the better failure than none.
/// </summary>
internal sealed class SharedWindowLimiter(SharedRedis redis, string key, FixedWindowRateLimiterOptions options, TimeProvider time) : RateLimiter
{
    private readonly FixedWindowRateLimiter _local = new(options);
    private long _lastUsed = time.GetTimestamp();

    /// <summary>The partition of the request's client address under <paramref name="policy"/>: <paramref name="permitLimit"/> a minute.</summary>
    public static RateLimitPartition<string> PerAddressPerMinute(HttpContext context, string policy, int permitLimit)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var services = context.RequestServices;
        return RateLimitPartition.Get(address, a => new SharedWindowLimiter(
            services.GetRequiredService<SharedRedis>(), policy + ":" + a,
            new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 },
            services.GetRequiredService<TimeProvider>()));
    }

    public override TimeSpan? IdleDuration => time.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => _local.GetStatistics();

    /// <summary>
    /// Answers synchronously only without Redis. The rate-limiting middleware tries this first and, when it is
    /// refused, asks <see cref="AcquireAsyncCore"/>, which goes to Redis.
    /// </summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        redis.IsAvailable ? WindowLease.Pending : _local.AttemptAcquire(permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, time.GetTimestamp());
        if (redis.Database is not { } db)
            return _local.AttemptAcquire(permitCount);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var window = (long)options.Window.TotalMilliseconds;
        var start = now - now % window;
        var counter = (RedisKey)$"{SharedRedis.KeyPrefix}limit:{key}:{start}";
        try
        {
            var count = await db.StringIncrementAsync(counter, permitCount);
            if (count == permitCount)
                await db.KeyExpireAsync(counter, TimeSpan.FromMilliseconds(window * 2), CommandFlags.FireAndForget);
            return count <= options.PermitLimit ? WindowLease.Granted : new WindowLease(TimeSpan.FromMilliseconds(start + window - now));
        }
        catch (Exception e) when (SharedRedis.IsOutage(e))
        {
            return _local.AttemptAcquire(permitCount);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _local.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>A granted lease, or a refusal with the wait until the window ends (the caller's Retry-After).</summary>
    private sealed class WindowLease(TimeSpan? retryAfter, bool acquired = false) : RateLimitLease
    {
        public static readonly WindowLease Granted = new(null, acquired: true);

        /// <summary>"Ask asynchronously": no wait, and the middleware goes on to <see cref="AcquireAsyncCore"/>.</summary>
        public static readonly WindowLease Pending = new(null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
