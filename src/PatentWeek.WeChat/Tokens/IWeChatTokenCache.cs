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
