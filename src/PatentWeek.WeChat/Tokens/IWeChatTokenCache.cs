using System.Collections.Concurrent;

namespace PatentWeek.WeChat.Tokens;

/// <summary>
/// Where the token holder keeps each AppId's token. In memory for one process; with several instances, a shared
/// store (a database row, Redis) so they do not each fetch a token and supersede one another's.
/// </summary>
public interface IWeChatTokenCache
{
    ValueTask<AccessToken?> GetAsync(string appId, CancellationToken cancellationToken);

    ValueTask SetAsync(string appId, AccessToken token, CancellationToken cancellationToken);

    ValueTask RemoveAsync(string appId, CancellationToken cancellationToken);

    /// <summary>
    /// The right to fetch <paramref name="key"/>'s credential among everyone sharing this cache, held until disposed:
    /// with several instances, one of them calls WeChat and the others then find its result in the cache (never two
    /// <c>stable_token</c> calls racing, whose force mode would revoke the other's token). A cache of one process needs
    /// no lock beyond the holder's own.
    /// </summary>
    ValueTask<IAsyncDisposable> LockAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<IAsyncDisposable>(NoLock.Instance);
}

/// <summary>The lock of a cache that only this process uses: the holder's semaphore is enough.</summary>
public sealed class NoLock : IAsyncDisposable
{
    public static readonly NoLock Instance = new();

    private NoLock()
    {
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

public sealed class MemoryWeChatTokenCache : IWeChatTokenCache
{
    private readonly ConcurrentDictionary<string, AccessToken> _tokens = new(StringComparer.Ordinal);

    public ValueTask<AccessToken?> GetAsync(string appId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_tokens.TryGetValue(appId, out var token) ? token : null);

    public ValueTask SetAsync(string appId, AccessToken token, CancellationToken cancellationToken)
    {
        _tokens[appId] = token;
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string appId, CancellationToken cancellationToken)
    {
        _tokens.TryRemove(appId, out _);
        return ValueTask.CompletedTask;
    }
}
