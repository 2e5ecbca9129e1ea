using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;

namespace PatentWeek.Cms.ScaleOut;

/// <summary>
/// The output cache's store. With <c>Cms:Redis</c>, entries and tags live in Redis, so a page evicted by one instance
/// is gone for all; whenever Redis is away the process's own bounded memory store serves instead, so the site keeps
/// answering from a warm cache rather than rendering every request (or failing it). When Redis returns both forget the
/// whole site: evictions made meanwhile reached only the instance that made them. Without Redis it is the memory store,
/// counted (hits and misses feed the cache hit ratio).
/// </summary>
internal sealed partial class SharedOutputCacheStore : IOutputCacheBufferStore
{
    /// <summary>
    /// How long after an eviction in Redis it is made again. Another instance may be rendering from its read model while
    /// the signal that marks that model stale is on its way; a page it stores after the first eviction goes with the second.
    /// </summary>
    internal static readonly TimeSpan SecondEviction = TimeSpan.FromSeconds(1.5);

    private readonly IOutputCacheStore? _shared;
    private readonly IOutputCacheStore _local;
    private readonly SharedRedis _redis;
    private readonly CmsMetrics _metrics;
    private readonly ILogger<SharedOutputCacheStore> _logger;

    public SharedOutputCacheStore(IOutputCacheStore? shared, IOutputCacheStore local, SharedRedis redis, CmsMetrics metrics, ILogger<SharedOutputCacheStore> logger)
    {
        _shared = shared;
        _local = local;
        _redis = redis;
        _metrics = metrics;
        _logger = logger;
        if (shared is not null)
            redis.Restored += () => _ = ForgetEverythingAsync();
    }

    /// <summary>Redis is configured and connected: it is the store now.</summary>
    private bool Shared => _shared is not null && _redis.IsAvailable;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var value = Shared ? await TryAsync(() => _shared!.GetAsync(key, cancellationToken), null, "get") : await _local.GetAsync(key, cancellationToken);
        _metrics.CacheLookup(value is not null);
        return value;
    }

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        var store = Shared ? _shared! : _local;
        bool found;
        if (store is IOutputCacheBufferStore buffers)
        {
            found = store == _local
                ? await buffers.TryGetAsync(key, destination, cancellationToken)
                : await TryAsync(() => buffers.TryGetAsync(key, destination, cancellationToken), false, "get");
        }
        else if (await (store == _local ? _local.GetAsync(key, cancellationToken) : TryAsync(() => store.GetAsync(key, cancellationToken), null, "get")) is { } bytes)
        {
            await destination.WriteAsync(bytes, cancellationToken);
            found = true;
        }
        else
        {
            found = false;
        }

        _metrics.CacheLookup(found);
        return found;
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (!Shared || !await TryAsync(async () => { await _shared!.SetAsync(key, value, tags, validFor, cancellationToken); return true; }, false, "set"))
            await _local.SetAsync(key, value, tags, validFor, cancellationToken);
    }

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (Shared && _shared is IOutputCacheBufferStore buffers
            && await TryAsync(async () => { await buffers.SetAsync(key, value, tags, validFor, cancellationToken); return true; }, false, "set"))
            return;
        await SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken);
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        await _local.EvictByTagAsync(tag, cancellationToken);
        if (!Shared)
            return;
        await TryAsync(async () => { await _shared!.EvictByTagAsync(tag, cancellationToken); return true; }, false, "evict");
        _ = EvictAgainAsync(tag);
    }

    private async Task EvictAgainAsync(string tag)
    {
        await Task.Delay(SecondEviction);
        if (Shared)
            await TryAsync(async () => { await _shared!.EvictByTagAsync(tag, CancellationToken.None); return true; }, false, "evict");
    }

    private async Task ForgetEverythingAsync()
    {
        await _local.EvictByTagAsync(Site.CacheTags.Site, CancellationToken.None);
        await TryAsync(async () => { await _shared!.EvictByTagAsync(Site.CacheTags.Site, CancellationToken.None); return true; }, false, "evict");
    }

    /// <summary>A Redis call that may find Redis gone: then the answer is a miss (or "not stored"), never an error page.</summary>
    private async ValueTask<T> TryAsync<T>(Func<ValueTask<T>> call, T fallback, string operation)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (SharedRedis.IsOutage(e))
        {
            LogFailed(_logger, operation, e.Message);
            return fallback;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Shared output cache {Operation} failed; answered without it: {Reason}")]
    private static partial void LogFailed(ILogger logger, string operation, string reason);
}
