namespace PatentWeek.WeChat.Tokens;

/// <summary>Fetches a token from WeChat (<c>stable_token</c>); <paramref name="force"/> invalidates the current one.</summary>
public interface IWeChatTokenSource
{
    Task<AccessToken> FetchAsync(bool force, CancellationToken cancellationToken);
}

/// <summary>
/// The one place an AppId's token comes from (WeChat's 中控 design): served from the cache while fresh,
/// refreshed ahead of expiry, and fetched by one caller at a time while the others wait for its result.
/// After a rejection (40001 / 40014 / 42001) a caller asks for a replacement: if someone already replaced
/// the rejected token that one is used; otherwise normal mode is tried first and force mode only when
/// WeChat hands back the very token it just rejected.
/// </summary>
public sealed class WeChatTokenHolder(string appId, IWeChatTokenSource source, IWeChatTokenCache cache, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _fetch = new(1, 1);

    public string AppId => appId;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (await cache.GetAsync(appId, cancellationToken) is { } cached && cached.IsFresh(time.GetUtcNow()))
            return cached.Value;
        await _fetch.WaitAsync(cancellationToken);
        try
        {
            await using var shared = await cache.LockAsync(appId, cancellationToken);
            // Someone (here, or another instance) may have fetched while we waited.
            if (await cache.GetAsync(appId, cancellationToken) is { } again && again.IsFresh(time.GetUtcNow()))
                return again.Value;
            return await FetchAndStoreAsync(force: false, cancellationToken);
        }
        finally
        {
            _fetch.Release();
        }
    }

    /// <summary>A token other than <paramref name="rejected"/>, which WeChat just refused.</summary>
    public async Task<string> ReplaceAsync(string rejected, CancellationToken cancellationToken)
    {
        await _fetch.WaitAsync(cancellationToken);
        try
        {
            await using var shared = await cache.LockAsync(appId, cancellationToken);
            if (await cache.GetAsync(appId, cancellationToken) is { } cached && cached.Value != rejected && cached.IsFresh(time.GetUtcNow()))
                return cached.Value;
            var token = await FetchAndStoreAsync(force: false, cancellationToken);
            return token != rejected ? token : await FetchAndStoreAsync(force: true, cancellationToken);
        }
        finally
        {
            _fetch.Release();
        }
    }

    private async Task<string> FetchAndStoreAsync(bool force, CancellationToken cancellationToken)
    {
        var token = await source.FetchAsync(force, cancellationToken);
        await cache.SetAsync(appId, token, cancellationToken);
        return token.Value;
    }

    public void Dispose() => _fetch.Dispose();
}
