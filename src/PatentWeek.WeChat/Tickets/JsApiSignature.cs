using System.Security.Cryptography;
using System.Text;

namespace PatentWeek.WeChat.Tickets;

/// <summary>What a page passes to <c>wx.config</c>: the account, the moment and nonce signed, and the signature.</summary>
public sealed record JsApiConfig(string AppId, long Timestamp, string NonceStr, string Signature);

/// <summary>
/// WeChat's JS-SDK permission signature (附录1 of the JS-SDK guide): SHA-1, in lowercase hex, over
/// <c>jsapi_ticket=…&amp;noncestr=…&amp;timestamp=…&amp;url=…</c> — the four fields in ASCII order of their lowercase
/// names, values as they are (no URL escaping), the url without its <c>#fragment</c>. The url must be exactly the
/// page's <c>location.href</c> (before the #), so it is signed as given, never normalised.
/// </summary>
public static class JsApiSignature
{
    private const string NonceAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Sign(string ticket, string nonceStr, long timestamp, string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var page = hash < 0 ? url : url[..hash];
        var text = $"jsapi_ticket={ticket}&noncestr={nonceStr}&timestamp={timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)}&url={page}";
#pragma warning disable CA5350 // SHA-1 is what the JS-SDK specifies; it is not our choice of hash.
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5350
    }

    /// <summary>A fresh configuration for <paramref name="url"/>: a 16-character random nonce and the current Unix time.</summary>
    public static JsApiConfig Configure(string appId, string ticket, string url, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var nonce = RandomNumberGenerator.GetString(NonceAlphabet, 16);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        return new JsApiConfig(appId, timestamp, nonce, Sign(ticket, nonce, timestamp, url));
    }
}
