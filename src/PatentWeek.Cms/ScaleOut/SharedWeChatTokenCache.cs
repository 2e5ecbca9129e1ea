using System.Globalization;
using PatentWeek.WeChat.Tokens;
using StackExchange.Redis;

namespace PatentWeek.Cms.ScaleOut;

/// <summary>
/// WeChat access tokens and JS-SDK tickets in Redis, shared by every instance, with a Redis lock around each refresh
/// (<see cref="LockAsync"/>). A token WeChat grants for two hours is fetched once for the whole farm, as WeChat's
/// 中控 design asks. While Redis is away each instance keeps its own copy (the in-memory cache): normal-mode
/// <c>stable_token</c> hands every caller the same current token, so two instances fetching at once do no harm; only
/// force mode could, and the holder uses it only after WeChat refused the token it was just given.
/// </summary>
internal sealed partial class SharedWeChatTokenCache(SharedRedis redis, TimeProvider time, ILogger<SharedWeChatTokenCache> logger) : IWeChatTokenCache
{
    /// <summary>A refresh that takes longer than this (WeChat hangs) lets another instance try.</summary>
    private static readonly TimeSpan LockFor = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(100);
    private readonly MemoryWeChatTokenCache _local = new();

    public async ValueTask<AccessToken?> GetAsync(string appId, CancellationToken cancellationToken)
    {
        if (redis.Database is { } db)
        {
            try
            {
                var fields = await db.HashGetAsync(Key(appId), ["value", "expires", "lifetime"]);
                if (fields[0].HasValue && long.TryParse((string?)fields[1], CultureInfo.InvariantCulture, out var expires) && long.TryParse((string?)fields[2], CultureInfo.InvariantCulture, out var lifetime))
                    return new AccessToken((string)fields[0]!, DateTimeOffset.FromUnixTimeMilliseconds(expires), TimeSpan.FromSeconds(lifetime));
                return null;
            }
            catch (Exception e) when (SharedRedis.IsOutage(e))
            {
                LogFallback(logger, e.Message);
            }
        }

        return await _local.GetAsync(appId, cancellationToken);
    }

    public async ValueTask SetAsync(string appId, AccessToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        await _local.SetAsync(appId, token, cancellationToken);
        if (redis.Database is not { } db)
            return;
        try
        {
            var key = Key(appId);
            var transaction = db.CreateTransaction();
            _ = transaction.HashSetAsync(key, [
                new("value", token.Value),
                new("expires", token.ExpiresAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
                new("lifetime", ((long)token.Lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture))]);
            _ = transaction.KeyExpireAsync(key, token.ExpiresAt.UtcDateTime);
            await transaction.ExecuteAsync();
        }
        catch (Exception e) when (SharedRedis.IsOutage(e))
        {
            LogFallback(logger, e.Message);
        }
    }

    public async ValueTask RemoveAsync(string appId, CancellationToken cancellationToken)
    {
        await _local.RemoveAsync(appId, cancellationToken);
        if (redis.Database is not { } db)
            return;
        try
        {
            await db.KeyDeleteAsync(Key(appId));
        }
        catch (Exception e) when (SharedRedis.IsOutage(e))
        {
            LogFallback(logger, e.Message);
        }
    }

    /// <summary>
    /// Waits for the farm-wide refresh lock (<c>SET NX</c> with an expiry, released only by its holder). Without Redis
    /// the holder's own semaphore is the lock.
    /// </summary>
    public async ValueTask<IAsyncDisposable> LockAsync(string key, CancellationToken cancellationToken)
    {
        var name = (RedisKey)(Key(key) + ":refresh");
        var holder = (RedisValue)Guid.NewGuid().ToString("N");
        var giveUp = time.GetUtcNow() + LockFor;
        while (redis.Database is { } db)
        {
            try
            {
                if (await db.LockTakeAsync(name, holder, LockFor))
                    return new Held(db, name, holder);
            }
            catch (Exception e) when (SharedRedis.IsOutage(e))
            {
                LogFallback(logger, e.Message);
                break;
            }

            // Whoever holds it is fetching: when it lets go, the cache holds what it fetched.
            if (time.GetUtcNow() > giveUp)
                break;
            await Task.Delay(LockPoll, time, cancellationToken);
        }

        return NoLock.Instance;
    }

    private static string Key(string appId) => SharedRedis.KeyPrefix + "wechat:" + appId;

    private sealed class Held(IDatabase db, RedisKey name, RedisValue holder) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await db.LockReleaseAsync(name, holder);
            }
            catch (Exception e) when (SharedRedis.IsOutage(e))
            {
                // The lock runs out by itself.
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "WeChat credentials kept in this instance only, Redis did not answer: {Reason}")]
    private static partial void LogFallback(ILogger logger, string reason);
}
