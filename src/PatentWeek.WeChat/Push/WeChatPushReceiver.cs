using System.Collections.Concurrent;
using System.Globalization;
using System.Security;
using System.Xml;
using System.Xml.Linq;

namespace PatentWeek.WeChat.Push;

/// <summary>The query string WeChat puts on a push or on the URL check.</summary>
public sealed record PushQuery(string? Signature, string? Timestamp, string? Nonce, string? EchoStr = null, string? EncryptType = null, string? MsgSignature = null);

/// <summary>
/// Checks and opens pushes for one account. Every push must carry a valid <c>signature</c> (compared in constant
/// time), a timestamp within ±<c>window</c> of our clock, and a nonce not seen in that window (WeChat documents
/// no window; 300 s is our policy). In secure mode the body's <c>Encrypt</c> must match <c>msg_signature</c> and
/// decrypt for our AppId. XML is read without DTDs or external entities.
/// </summary>
public sealed class WeChatPushReceiver(string token, WeChatMessageCrypt? crypt, TimeProvider time, TimeSpan? window = null)
{
    private readonly TimeSpan _window = window ?? TimeSpan.FromSeconds(300);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _nonces = new(StringComparer.Ordinal);

    /// <summary>The URL check: the echostr to send back verbatim, or null when the request is not WeChat's.</summary>
    public string? VerifyUrl(PushQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.EchoStr is not null && IsSigned(query) && IsTimely(query.Timestamp) ? query.EchoStr : null;
    }

    /// <summary>Verifies and, in secure mode, decrypts a push; throws <see cref="WeChatCryptoException"/> when it fails.</summary>
    public PushMessage Read(PushQuery query, string body)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(body);
        if (!IsSigned(query))
            throw new WeChatCryptoException(WeChatCryptoException.ValidateSignatureError, "The push's signature is wrong.");
        if (!IsTimely(query.Timestamp))
            throw new WeChatCryptoException(WeChatCryptoException.ValidateSignatureError, "The push's timestamp is outside the accepted window.");
        if (!Remember(query.Nonce!, query.Timestamp!))
            throw new WeChatCryptoException(WeChatCryptoException.ValidateSignatureError, "The push's nonce was already used (a replay).");

        var xml = Parse(body);
        if (!string.Equals(query.EncryptType, "aes", StringComparison.OrdinalIgnoreCase))
            return new PushMessage(xml);
        if (crypt is null)
            throw new WeChatCryptoException(WeChatCryptoException.IllegalAesKey, "An encrypted push arrived but no EncodingAESKey is configured.");
        var encrypted = xml.Element("Encrypt")?.Value
            ?? throw new WeChatCryptoException(WeChatCryptoException.ParseXmlError, "The encrypted push has no Encrypt element.");
        if (!WeChatSignature.Matches(query.MsgSignature, token, query.Timestamp!, query.Nonce!, encrypted))
            throw new WeChatCryptoException(WeChatCryptoException.ValidateSignatureError, "The push's msg_signature is wrong.");
        return new PushMessage(Parse(crypt.Decrypt(encrypted).Xml));
    }

    /// <summary>A reply as WeChat expects it: the XML itself in plain mode, wrapped and signed in secure mode.</summary>
    public string Reply(string replyXml, bool secure, string? nonce = null)
    {
        ArgumentNullException.ThrowIfNull(replyXml);
        if (!secure)
            return replyXml;
        if (crypt is null)
            throw new InvalidOperationException("Secure replies need an EncodingAESKey.");
        var encrypted = crypt.Encrypt(replyXml);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        nonce ??= Random.Shared.Next(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var signature = WeChatSignature.Compute(token, timestamp, nonce, encrypted);
        return new XElement("xml",
            new XElement("Encrypt", new XCData(encrypted)),
            new XElement("MsgSignature", new XCData(signature)),
            new XElement("TimeStamp", timestamp),
            new XElement("Nonce", new XCData(nonce))).ToString(SaveOptions.DisableFormatting);
    }

    private bool IsSigned(PushQuery q) =>
        q.Timestamp is not null && q.Nonce is not null && WeChatSignature.Matches(q.Signature, token, q.Timestamp, q.Nonce);

    private bool IsTimely(string? timestamp) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && seconds < 253_402_300_800 // year 10000: beyond it FromUnixTimeSeconds throws
        && (time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= _window;

    /// <summary>True the first time a nonce (with its timestamp) is seen within the window.</summary>
    private bool Remember(string nonce, string timestamp)
    {
        var now = time.GetUtcNow();
        foreach (var (key, seen) in _nonces)
        {
            if (now - seen > _window * 2)
                _nonces.TryRemove(key, out _);
        }

        return _nonces.TryAdd(nonce + "|" + timestamp, now);
    }

    private static XElement Parse(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 1_000_000 };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            return XElement.Load(reader);
        }
        catch (Exception e) when (e is XmlException or SecurityException)
        {
            throw new WeChatCryptoException(WeChatCryptoException.ParseXmlError, "The push is not valid XML: " + e.Message);
        }
    }
}
