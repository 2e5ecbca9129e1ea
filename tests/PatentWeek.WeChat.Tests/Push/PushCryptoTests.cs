using System.Security.Cryptography;
using PatentWeek.WeChat.Push;

namespace PatentWeek.WeChat.Tests.Push;

/// <summary>Every public vector of the reference (§7 and §10), and the negative cases, for signatures and secure mode.</summary>
public sealed class PushCryptoTests
{
    private const string RustKey = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR";

    [Theory]
    [InlineData("AAAAA", "1714036504", "1514711492", "f464b24fc39322e44b38aa78f5edd27bd1441696")]
    [InlineData("AAAAA", "1714037059", "486452656", "899cf89e464efb63f54ddac96b0a0a235f53aa78")]
    public void The_url_check_signature_matches_the_official_vectors(string token, string timestamp, string nonce, string signature)
    {
        Assert.Equal(signature, WeChatSignature.Compute(token, timestamp, nonce));
        Assert.True(WeChatSignature.Matches(signature, token, timestamp, nonce));
        Assert.True(WeChatSignature.Matches(signature.ToUpperInvariant(), token, timestamp, nonce));
    }

    [Theory]
    [InlineData("test", "123456", "test", "rust", "d6056f2bb3ad3e30f4afa5ef90cc9ddcdc7b7b27")]
    [InlineData("123456", "1411443780", "437374425", "4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q==", "dd6b9c95b495b3f7e2901bfbc76c664930ffdb96")]
    public void Msg_signature_matches_the_public_vectors(string token, string timestamp, string nonce, string encrypt, string signature) =>
        Assert.Equal(signature, WeChatSignature.Compute(token, timestamp, nonce, encrypt));

    [Fact]
    public void A_tampered_or_missing_signature_does_not_match()
    {
        Assert.False(WeChatSignature.Matches("f464b24fc39322e44b38aa78f5edd27bd1441697", "AAAAA", "1714036504", "1514711492"));
        Assert.False(WeChatSignature.Matches("f464b24f", "AAAAA", "1714036504", "1514711492"));
        Assert.False(WeChatSignature.Matches(null, "AAAAA", "1714036504", "1514711492"));
        Assert.False(WeChatSignature.Matches("f464b24fc39322e44b38aa78f5edd27bd1441696", "AAAAA", "1714036505", "1514711492"));
    }

    [Fact]
    public void Encryption_matches_the_public_vector()
    {
        var crypt = new WeChatMessageCrypt(RustKey, "rust");
        Assert.Equal("9s4gMv99m88kKTh/H8IdkNiFGeG9pd7vNWl50fGRWXY=", crypt.Encrypt("test", random: "1234567890123456"));
    }

    [Fact]
    public void Decryption_gives_the_public_vectors_messages_randoms_and_appids()
    {
        var rust = new WeChatMessageCrypt(RustKey, "rust").Decrypt("9s4gMv99m88kKTh/H8IdkNiFGeG9pd7vNWl50fGRWXY=");
        Assert.Equal(("test", "1234567890123456", "rust"), (rust.Xml, rust.Random, rust.AppId));

        // The wechatpy vector (token 123456) uses the same EncodingAESKey with its own AppId.
        var wechatpy = new WeChatMessageCrypt(RustKey, "wx49f0ab532d5d035a")
            .Decrypt("4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q==");
        Assert.Equal(("5927782489442352469", "2304fc2fe146f1f8", "wx49f0ab532d5d035a"), (wechatpy.Xml, wechatpy.Random, wechatpy.AppId));
    }

    [Fact]
    public void Chinese_round_trips_as_utf8_and_the_padding_fills_32_byte_blocks()
    {
        var crypt = new WeChatMessageCrypt(RustKey, "wx49f0ab532d5d035a");
        var xml = "<xml><Content><![CDATA[武汉]]></Content></xml>";
        var encrypted = crypt.Encrypt(xml);
        Assert.Equal(0, Convert.FromBase64String(encrypted).Length % 32);
        Assert.Equal(xml, crypt.Decrypt(encrypted).Xml);
        Assert.NotEqual(encrypted, crypt.Encrypt(xml)); // a fresh random prefix each time
    }

    [Fact]
    public void A_message_for_another_appid_is_refused()
    {
        var encrypted = new WeChatMessageCrypt(RustKey, "wx-other").Encrypt("<xml/>");
        var error = Assert.Throws<WeChatCryptoException>(() => new WeChatMessageCrypt(RustKey, "rust").Decrypt(encrypted));
        Assert.Equal(WeChatCryptoException.ValidateAppIdError, error.Code);
    }

    [Fact]
    public void Bad_padding_is_refused()
    {
        // Encrypt a block whose last byte claims 0 bytes of padding, with the protocol's own key and IV.
        var key = Convert.FromBase64String(RustKey + "=");
        var plain = new byte[32];
        plain[^1] = 0;
        using var aes = Aes.Create();
        aes.Key = key;
        var cipher = Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
        var error = Assert.Throws<WeChatCryptoException>(() => new WeChatMessageCrypt(RustKey, "rust").Decrypt(cipher));
        Assert.Equal(WeChatCryptoException.IllegalBuffer, error.Code);
    }

    [Theory]
    [InlineData("not base64!", WeChatCryptoException.DecodeBase64Error)]
    [InlineData("AAAA", WeChatCryptoException.DecryptAesError)]
    public void Garbage_is_refused_with_the_sample_library_s_code(string encrypted, int code) =>
        Assert.Equal(code, Assert.Throws<WeChatCryptoException>(() => new WeChatMessageCrypt(RustKey, "rust").Decrypt(encrypted)).Code);

    [Theory]
    [InlineData("short")]
    [InlineData("kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1a!")]
    public void An_illegal_key_is_refused(string key) =>
        Assert.Equal(WeChatCryptoException.IllegalAesKey, Assert.Throws<WeChatCryptoException>(() => new WeChatMessageCrypt(key, "rust")).Code);
}
