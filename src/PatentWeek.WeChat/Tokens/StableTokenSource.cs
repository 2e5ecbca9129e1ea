using System.Net.Http.Json;

namespace PatentWeek.WeChat.Tokens;

/// <summary>
/// Tokens from <c>POST /cgi-bin/stable_token</c>: normal mode returns the account's current token (rotated by
/// WeChat ahead of expiry, without killing the previous one), force mode replaces it at once and is rationed
/// (20 a day, 30 s apart), so it is used only when normal mode hands back a token WeChat just refused.
/// </summary>
public sealed class StableTokenSource(HttpClient http, WeChatOptions options, TimeProvider time) : IWeChatTokenSource
{
    private const string Path = "/cgi-bin/stable_token";

    public async Task<AccessToken> FetchAsync(bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var body = new { grant_type = "client_credential", appid = options.AppId, secret = options.AppSecret, force_refresh = force };
        using var response = await http.PostAsJsonAsync(new Uri(options.ApiBaseUrl.TrimEnd('/') + Path), body, WeChatJson.Options, cancellationToken);
        var answer = await WeChatResponse.ReadAsync<TokenAnswer>(response, Path, cancellationToken);
        if (answer is not { AccessToken: { Length: > 0 } value, ExpiresIn: > 0 and var seconds })
            throw new WeChatApiException($"WeChat {Path} answered without a token.");
        var lifetime = TimeSpan.FromSeconds(seconds);
        return new AccessToken(value, time.GetUtcNow() + lifetime, lifetime);
    }

    /// <summary>Read leniently: what a missing token means is said above, in one message.</summary>
    private sealed record TokenAnswer(string? AccessToken = null, int ExpiresIn = 0);
}
