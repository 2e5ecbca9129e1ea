using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using PatentWeek.WeChat.Tokens;

namespace PatentWeek.WeChat;

public static class WeChatServiceCollectionExtensions
{
    internal const string TokenClient = "PatentWeek.WeChat.Tokens";
    internal const string ApiClient = "PatentWeek.WeChat.Api";

    /// <summary>
    /// Registers the client for one official account: its options (checked at start-up), the token holder with
    /// an in-memory cache (register another <see cref="IWeChatTokenCache"/> first to share tokens and tickets between
    /// instances), the JS-SDK ticket holder, and <see cref="WeChatApiClient"/> on the HttpClient factory with a resilience handler.
    /// The handler retries only safe methods: a POST that timed out may have created a draft or a publish
    /// job, so whether to send it again is the caller's decision, made with what it remembers.
    /// </summary>
    public static IHttpClientBuilder AddWeChatClient(this IServiceCollection services, Action<WeChatOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<WeChatOptions>().Configure(configure).Validate(Valid, "WeChat needs ApiBaseUrl (an absolute URL), AppId and AppSecret.").ValidateOnStart();
        services.AddWeChatClientFactory();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<WeChatOptions>>().Value);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<WeChatOptions>();
            var time = sp.GetRequiredService<TimeProvider>();
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(TokenClient);
            return new WeChatTokenHolder(options.AppId, new StableTokenSource(http, options, time), sp.GetRequiredService<IWeChatTokenCache>(), time);
        });

        services.TryAddSingleton(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            return new Tickets.JsApiTicketHolder(sp.GetRequiredService<WeChatOptions>().AppId,
                new Tickets.JsApiTicketSource(sp.GetRequiredService<WeChatApiClient>, time), sp.GetRequiredService<IWeChatTokenCache>(), time);
        });
        services.TryAddTransient<Api.WeChatDrafts>();
        services.TryAddTransient<Api.WeChatMaterials>();
        services.TryAddTransient<Api.WeChatDiagnostics>();
        var builder = services.AddHttpClient<WeChatApiClient>();
        builder.AddStandardResilienceHandler(DisableUnsafeRetries);
        return builder;
    }

    /// <summary>
    /// Registers <see cref="WeChatClientFactory"/>, for applications whose account is configured at run time, with
    /// the same HTTP clients and resilience rules as <see cref="AddWeChatClient"/>.
    /// </summary>
    public static IServiceCollection AddWeChatClientFactory(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWeChatTokenCache, MemoryWeChatTokenCache>();
        if (services.Any(d => d.ServiceType == typeof(WeChatClientFactory)))
            return services;

        // A normal-mode token request returns the account's current token however often it is sent: retry freely.
        services.AddHttpClient(TokenClient).AddStandardResilienceHandler();
        services.AddHttpClient(ApiClient).AddStandardResilienceHandler(DisableUnsafeRetries);
        services.AddSingleton<WeChatClientFactory>();
        return services;
    }

    private static void DisableUnsafeRetries(HttpStandardResilienceOptions options) => options.Retry.DisableForUnsafeHttpMethods();

    private static bool Valid(WeChatOptions o) =>
        Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out _) && !string.IsNullOrWhiteSpace(o.AppId) && !string.IsNullOrWhiteSpace(o.AppSecret);
}
