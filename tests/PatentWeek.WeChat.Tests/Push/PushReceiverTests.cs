using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using PatentWeek.WeChat.Push;

namespace PatentWeek.WeChat.Tests.Push;

/// <summary>Pushes as WeChat sends them, plain and secure: accepted when signed, fresh and new; refused otherwise.</summary>
public sealed class PushReceiverTests
{
    private const string Key = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR";
    private const string AppId = "wx49f0ab532d5d035a";
    private const string Token = "patentweek";

    [Fact]
    public void The_url_check_echoes_only_for_the_official_vector_s_signature()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1714036504 + 10));
        var receiver = new WeChatPushReceiver("AAAAA", null, clock);
        Assert.Equal("4375120948345356249", receiver.VerifyUrl(new PushQuery("f464b24fc39322e44b38aa78f5edd27bd1441696", "1714036504", "1514711492", "4375120948345356249")));
        Assert.Null(receiver.VerifyUrl(new PushQuery("0464b24fc39322e44b38aa78f5edd27bd1441696", "1714036504", "1514711492", "4375120948345356249")));
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(receiver.VerifyUrl(new PushQuery("f464b24fc39322e44b38aa78f5edd27bd1441696", "1714036504", "1514711492", "4375120948345356249")));
    }

    [Fact]
    public void A_secure_push_is_verified_decrypted_and_its_reply_can_be_opened_by_wechat()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T08:00:00Z", CultureInfo.InvariantCulture));
        var crypt = new WeChatMessageCrypt(Key, AppId);
        var receiver = new WeChatPushReceiver(Token, crypt, clock);
        var (query, body) = SecurePush(crypt, clock, "<xml><ToUserName><![CDATA[gh_office]]></ToUserName><FromUserName><![CDATA[o-follower]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[武汉]]></Content><MsgId>42</MsgId></xml>", "n1");

        var message = receiver.Read(query, body);
        Assert.Equal(("text", "武汉", "o-follower", "msg:42"), (message.MsgType, message.Content, message.FromUserName, message.DeliveryKey));

        var reply = XElement.Parse(receiver.Reply(PushReplies.Text(message, "帮助：发送城市名", clock.GetUtcNow()), secure: true));
        var encrypted = reply.Element("Encrypt")!.Value;
        Assert.True(WeChatSignature.Matches(reply.Element("MsgSignature")!.Value, Token, reply.Element("TimeStamp")!.Value, reply.Element("Nonce")!.Value, encrypted));
        var opened = XElement.Parse(crypt.Decrypt(encrypted).Xml);
        Assert.Equal(("o-follower", "gh_office", "帮助：发送城市名"), (opened.Element("ToUserName")!.Value, opened.Element("FromUserName")!.Value, opened.Element("Content")!.Value));
    }

    [Fact]
    public void Stale_replayed_tampered_and_foreign_pushes_are_refused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T08:00:00Z", CultureInfo.InvariantCulture));
        var crypt = new WeChatMessageCrypt(Key, AppId);
        var receiver = new WeChatPushReceiver(Token, crypt, clock);
        const string xml = "<xml><MsgType>event</MsgType><Event>subscribe</Event></xml>";

        var (query, body) = SecurePush(crypt, clock, xml, "n2");
        receiver.Read(query, body);
        Assert.Throws<WeChatCryptoException>(() => receiver.Read(query, body)); // the same nonce again: a replay

        var (stale, staleBody) = SecurePush(crypt, clock, xml, "n3", age: TimeSpan.FromSeconds(301));
        Assert.Throws<WeChatCryptoException>(() => receiver.Read(stale, staleBody));

        var (future, futureBody) = SecurePush(crypt, clock, xml, "n4", age: TimeSpan.FromSeconds(-301));
        Assert.Throws<WeChatCryptoException>(() => receiver.Read(future, futureBody));

        var (signed, signedBody) = SecurePush(crypt, clock, xml, "n5");
        Assert.Equal(WeChatCryptoException.ValidateSignatureError,
            Assert.Throws<WeChatCryptoException>(() => receiver.Read(signed with { MsgSignature = new string('0', 40) }, signedBody)).Code);

        var (foreign, foreignBody) = SecurePush(new WeChatMessageCrypt(Key, "wx-someone-else"), clock, xml, "n6");
        Assert.Equal(WeChatCryptoException.ValidateAppIdError, Assert.Throws<WeChatCryptoException>(() => receiver.Read(foreign, foreignBody)).Code);
    }

    [Fact]
    public void Xml_with_a_dtd_is_refused_so_entities_cannot_reach_files()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T08:00:00Z", CultureInfo.InvariantCulture));
        var receiver = new WeChatPushReceiver(Token, null, clock);
        var query = Plain(clock, "n7");
        const string xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><Content>&e;</Content></xml>";
        Assert.Equal(WeChatCryptoException.ParseXmlError, Assert.Throws<WeChatCryptoException>(() => receiver.Read(query, xxe)).Code);
    }

    [Fact]
    public void A_publish_result_is_keyed_by_its_publish_id()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T08:00:00Z", CultureInfo.InvariantCulture));
        var receiver = new WeChatPushReceiver(Token, null, clock);
        var message = receiver.Read(Plain(clock, "n8"),
            "<xml><MsgType>event</MsgType><Event>PUBLISHJOBFINISH</Event><PublishEventInfo><publish_id>2247483651</publish_id><publish_status>0</publish_status></PublishEventInfo></xml>");
        Assert.Equal("publish:2247483651", message.DeliveryKey);
    }

    private static PushQuery Plain(TimeProvider clock, string nonce)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new PushQuery(WeChatSignature.Compute(Token, timestamp, nonce), timestamp, nonce);
    }

    /// <summary>What WeChat sends in secure mode: both signatures in the query, the ciphertext in the body.</summary>
    private static (PushQuery, string) SecurePush(WeChatMessageCrypt crypt, TimeProvider clock, string xml, string nonce, TimeSpan age = default)
    {
        var timestamp = (clock.GetUtcNow() - age).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var encrypted = crypt.Encrypt(xml);
        var body = new XElement("xml", new XElement("ToUserName", new XCData("gh_office")), new XElement("Encrypt", new XCData(encrypted))).ToString();
        return (new PushQuery(WeChatSignature.Compute(Token, timestamp, nonce), timestamp, nonce, null, "aes", WeChatSignature.Compute(Token, timestamp, nonce, encrypted)), body);
    }
}
