using System.Collections.Concurrent;
using PatentWeek.WeChat.Api;
using PatentWeek.WeChat.Tokens;

namespace PatentWeek.WeChat;

/// <summary>The API of one account: the raw client and its typed parts, sharing one token holder.</summary>
public sealed record WeChatClient(WeChatApiClient Api, WeChatDrafts Drafts, WeChatMaterials Materials, WeChatTokenHolder Tokens);

/// <summary>
/// Clients for accounts known only at run time (an administrator enters the AppId and secret after start-up).
/// One token holder per account and address is kept for the life of the factory, so single-flight refreshes
/// and the token cache work as they do with <see cref="WeChatServiceCollectionExtensions.AddWeChatClient"/>.
/// </summary>
public sealed class WeChatClientFactory(IHttpClientFactory http, IWeChatTokenCache cache, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<(string Base, string AppId, string Secret), WeChatTokenHolder> _holders = new();

    public WeChatClient Create(WeChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var holder = _holders.GetOrAdd((options.ApiBaseUrl, options.AppId, options.AppSecret), _ =>
            new WeChatTokenHolder(options.AppId, new StableTokenSource(http.CreateClient(WeChatServiceCollectionExtensions.TokenClient), options, time), cache, time));
        var api = new WeChatApiClient(http.CreateClient(WeChatServiceCollectionExtensions.ApiClient), holder, options);
        return new WeChatClient(api, new WeChatDrafts(api), new WeChatMaterials(api), holder);
    }

    public void Dispose()
    {
        foreach (var holder in _holders.Values)
            holder.Dispose();
        _holders.Clear();
    }
}
