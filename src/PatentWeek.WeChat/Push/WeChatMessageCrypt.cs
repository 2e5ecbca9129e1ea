using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PatentWeek.WeChat.Push;

/// <summary>A decrypted push: the message XML and the 16 random bytes (as text) it was sent with.</summary>
public sealed record DecryptedMessage(string Xml, string Random, string AppId);

/// <summary>
/// Secure-mode encryption of pushes and replies, compatible with WeChat's WXBizMsgCrypt:
/// <list type="bullet">
/// <item>key = Base64(EncodingAESKey + "="), 32 bytes, AES-256-CBC, IV = the key's first 16 bytes;</item>
/// <item>plaintext = random(16) ‖ length of the message (4 bytes, big-endian) ‖ message (UTF-8) ‖ AppId;</item>
/// <item>padding PKCS#7 to a multiple of 32 bytes (not AES's 16), so .NET's own padding is switched off.</item>
/// </list>
/// </summary>
public sealed class WeChatMessageCrypt
{
    private const int Block = 32;
    private readonly byte[] _key;
    private readonly string _appId;

    public WeChatMessageCrypt(string encodingAesKey, string appId)
    {
        ArgumentNullException.ThrowIfNull(encodingAesKey);
        ArgumentException.ThrowIfNullOrEmpty(appId);
        if (encodingAesKey.Length != 43 || !encodingAesKey.All(char.IsAsciiLetterOrDigit))
            throw new WeChatCryptoException(WeChatCryptoException.IllegalAesKey, "The EncodingAESKey must be 43 letters and digits.");
        try
        {
            _key = Convert.FromBase64String(encodingAesKey + "=");
        }
        catch (FormatException e)
        {
            throw new WeChatCryptoException(WeChatCryptoException.IllegalAesKey, "The EncodingAESKey is not valid Base64: " + e.Message);
        }

        if (_key.Length != 32)
            throw new WeChatCryptoException(WeChatCryptoException.IllegalAesKey, "The EncodingAESKey does not give a 32-byte key.");
        _appId = appId;
    }

    public string Encrypt(string message, string? random = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var randomBytes = random is null ? RandomText() : Encoding.UTF8.GetBytes(random);
        if (randomBytes.Length != 16)
            throw new ArgumentException("The random prefix is 16 bytes.", nameof(random));
        var body = Encoding.UTF8.GetBytes(message);
        var appId = Encoding.UTF8.GetBytes(_appId);
        var length = 16 + 4 + body.Length + appId.Length;
        var pad = Block - (length % Block);
        var plain = new byte[length + pad];
        randomBytes.CopyTo(plain, 0);
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16), body.Length);
        body.CopyTo(plain, 20);
        appId.CopyTo(plain, 20 + body.Length);
        plain.AsSpan(length).Fill((byte)pad);

        using var aes = Aes.Create();
        aes.Key = _key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, _key.AsSpan(0, 16), PaddingMode.None));
    }

    /// <summary>Decrypts an <c>Encrypt</c> value and checks the AppId at its end.</summary>
    public DecryptedMessage Decrypt(string encrypted)
    {
        ArgumentNullException.ThrowIfNull(encrypted);
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encrypted);
        }
        catch (FormatException)
        {
            throw new WeChatCryptoException(WeChatCryptoException.DecodeBase64Error, "The encrypted message is not valid Base64.");
        }

        if (cipher.Length == 0 || cipher.Length % 16 != 0)
            throw new WeChatCryptoException(WeChatCryptoException.DecryptAesError, "The encrypted message is not a whole number of AES blocks.");
        byte[] plain;
        using (var aes = Aes.Create())
        {
            aes.Key = _key;
            plain = aes.DecryptCbc(cipher, _key.AsSpan(0, 16), PaddingMode.None);
        }

        int pad = plain[^1];
        if (pad is < 1 or > Block || pad > plain.Length || plain.AsSpan(plain.Length - pad).ContainsAnyExcept((byte)pad))
            throw new WeChatCryptoException(WeChatCryptoException.IllegalBuffer, "The decrypted message has bad padding.");
        var content = plain.AsSpan(0, plain.Length - pad);
        if (content.Length < 20)
            throw new WeChatCryptoException(WeChatCryptoException.IllegalBuffer, "The decrypted message is too short.");
        var length = BinaryPrimitives.ReadInt32BigEndian(content[16..20]);
        if (length < 0 || length > content.Length - 20)
            throw new WeChatCryptoException(WeChatCryptoException.IllegalBuffer, "The decrypted message's length field is out of range.");
        var appId = Encoding.UTF8.GetString(content[(20 + length)..]);
        if (!string.Equals(appId, _appId, StringComparison.Ordinal))
            throw new WeChatCryptoException(WeChatCryptoException.ValidateAppIdError, "The message was encrypted for another AppId.");
        return new DecryptedMessage(Encoding.UTF8.GetString(content.Slice(20, length)), Encoding.UTF8.GetString(content[..16]), appId);
    }

    /// <summary>16 random letters and digits, as WeChat's samples use (they are part of the plaintext only).</summary>
    private static byte[] RandomText() =>
        Encoding.ASCII.GetBytes(RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 16));
}
