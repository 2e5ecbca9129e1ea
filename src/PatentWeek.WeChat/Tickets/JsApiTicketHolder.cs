using PatentWeek.WeChat.Tokens;

namespace PatentWeek.WeChat.Tickets;

/// <summary>Fetches a JS-SDK ticket from WeChat (<c>ticket/getticket?type=jsapi</c>).</summary>
public interface IJsApiTicketSource
{
    Task<AccessToken> FetchAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The one place an account's <c>jsapi_ticket</c> comes from, built like <see cref="WeChatTokenHolder"/>: WeChat
/// rations <c>getticket</c> and tells every caller to cache the ticket, so it is served from the cache while fresh,
/// refreshed ahead of expiry (the token's margins) and fetched by one caller at a time while the others wait for
/// its result. A ticket found to be dead (WeChat refused a signature made with it) is replaced once, however many
/// callers saw it refused. The ticket is kept in the token cache under its own key, so instances that share
/// tokens share tickets too.
/// </summary>
public sealed class JsApiTicketHolder(string appId, IJsApiTicketSource source, IWeChatTokenCache cache, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _fetch = new(1, 1);
    private readonly string _key = appId + "#jsapi_ticket";

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (await cache.GetAsync(_key, cancellationToken) is { } cached && cached.IsFresh(time.GetUtcNow()))
            return cached.Value;
        await _fetch.WaitAsync(cancellationToken);
        try
        {
            await using var shared = await cache.LockAsync(_key, cancellationToken);
            // Someone (here, or another instance) may have fetched while we waited.
            if (await cache.GetAsync(_key, cancellationToken) is { } again && again.IsFresh(time.GetUtcNow()))
                return again.Value;
            return await FetchAndStoreAsync(cancellationToken);
        }
        finally
        {
            _fetch.Release();
        }
    }

    /// <summary>A ticket other than <paramref name="rejected"/>, unless WeChat hands the same one back (then it is still valid there).</summary>
    public async Task<string> ReplaceAsync(string rejected, CancellationToken cancellationToken)
    {
        await _fetch.WaitAsync(cancellationToken);
        try
        {
            await using var shared = await cache.LockAsync(_key, cancellationToken);
            if (await cache.GetAsync(_key, cancellationToken) is { } cached && cached.Value != rejected && cached.IsFresh(time.GetUtcNow()))
                return cached.Value;
            return await FetchAndStoreAsync(cancellationToken);
        }
        finally
        {
            _fetch.Release();
        }
    }

    private async Task<string> FetchAndStoreAsync(CancellationToken cancellationToken)
    {
        var ticket = await source.FetchAsync(cancellationToken);
        if (await cache.GetAsync(_key, cancellationToken) is { } previous && previous.Value == ticket.Value && previous.ExpiresAt < ticket.ExpiresAt)
        {
            // WeChat hands a live ticket back with the full expires_in again, yet it still dies when it first would
            // have: keep that end, and use the ticket right up to it (no margin left to refresh in), so the next
            // fetch comes when WeChat has a new one instead of on every call until then.
            ticket = new AccessToken(previous.Value, previous.ExpiresAt, TimeSpan.Zero);
        }

        await cache.SetAsync(_key, ticket, cancellationToken);
        return ticket.Value;
    }

    public void Dispose() => _fetch.Dispose();
}

/// <summary>
/// <c>GET /cgi-bin/ticket/getticket?type=jsapi</c> through the API client, which answers a rejected access token
/// (40001 / 40014 / 42001) by replacing it and asking once more. The ticket is kept as an expiring credential
/// (<see cref="AccessToken"/>: value, expiry, lifetime).
/// </summary>
public sealed class JsApiTicketSource(Func<WeChatApiClient> api, TimeProvider time) : IJsApiTicketSource
{
    public const string Path = "/cgi-bin/ticket/getticket";

    public async Task<AccessToken> FetchAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var answer = await api().GetAsync<TicketAnswer>(Path, cancellationToken, "type=jsapi");
        if (answer is not { Ticket: { Length: > 0 } value, ExpiresIn: > 0 and var seconds })
            throw new WeChatApiException($"WeChat {Path} answered without a ticket.");
        var lifetime = TimeSpan.FromSeconds(seconds);
        return new AccessToken(value, time.GetUtcNow() + lifetime, lifetime);
    }

    /// <summary><c>{errcode, errmsg, ticket, expires_in}</c>, read leniently: a missing ticket is said above, in one message.</summary>
    private sealed record TicketAnswer(string? Ticket = null, int ExpiresIn = 0);
}
