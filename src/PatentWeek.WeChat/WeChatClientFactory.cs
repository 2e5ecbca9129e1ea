using System.Collections.Concurrent;
using PatentWeek.WeChat.Api;
using PatentWeek.WeChat.Tickets;
using PatentWeek.WeChat.Tokens;

namespace PatentWeek.WeChat;

/// <summary>The API of one account: the raw client and its typed parts, sharing one token holder (and one JS-SDK ticket holder).</summary>
public sealed record WeChatClient(WeChatApiClient Api, WeChatDrafts Drafts, WeChatMaterials Materials, WeChatTokenHolder Tokens, JsApiTicketHolder Tickets);

/// <summary>
/// Clients for accounts known only at run time (an administrator enters the AppId and secret after start-up).
/// One token holder per account and address is kept for the life of the factory, so single-flight refreshes
/// and the token cache work as they do with <see cref="WeChatServiceCollectionExtensions.AddWeChatClient"/>.
/// </summary>
public sealed class WeChatClientFactory(IHttpClientFactory http, IWeChatTokenCache cache, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<(string Base, string AppId, string Secret), WeChatTokenHolder> _holders = new();
    private readonly ConcurrentDictionary<(string Base, string AppId, string Secret), JsApiTicketHolder> _tickets = new();

    public WeChatClient Create(WeChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var holder = _holders.GetOrAdd((options.ApiBaseUrl, options.AppId, options.AppSecret), _ =>
            new WeChatTokenHolder(options.AppId, new StableTokenSource(http.CreateClient(WeChatServiceCollectionExtensions.TokenClient), options, time), cache, time));
        var api = new WeChatApiClient(http.CreateClient(WeChatServiceCollectionExtensions.ApiClient), holder, options);
        // The ticket holder outlives this client: it asks for a client of its own (a fresh HttpClient) when it fetches.
        var tickets = _tickets.GetOrAdd((options.ApiBaseUrl, options.AppId, options.AppSecret), _ => new JsApiTicketHolder(options.AppId, new JsApiTicketSource(
            () => new WeChatApiClient(http.CreateClient(WeChatServiceCollectionExtensions.ApiClient), holder, options), time), cache, time));
        return new WeChatClient(api, new WeChatDrafts(api), new WeChatMaterials(api), holder, tickets);
    }

    public void Dispose()
    {
        foreach (var holder in _holders.Values)
            holder.Dispose();
        _holders.Clear();
        foreach (var tickets in _tickets.Values)
            tickets.Dispose();
        _tickets.Clear();
    }
}
