using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;
using PatentWeek.WeChat.Push;

namespace PatentWeek.Cms.Tests.WeChat;

/// <summary>A CMS whose account comes from configuration only (no emulator): the push endpoint checks with these values.</summary>
public sealed class WeChatCallbackApp() : AppFixture(DatabaseProvider.Sqlite)
{
    public const string AppId = "wx5e0c3ad7a1b2c3d4";
    public const string Token = "pushToken2019";
    public const string AesKey = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["WeChat:Emulator"] = "false",
        ["WeChat:AppId"] = AppId,
        ["WeChat:AppSecret"] = "not-used-here",
        ["WeChat:Token"] = Token,
        ["WeChat:EncodingAESKey"] = AesKey,
    };
}

/// <summary>
/// <c>/wechat/callback</c> as WeChat calls it: the URL check, follower messages in plain and secure mode with keyword
/// replies, and every way a push can fail the checks (signature, msg_signature, time window, replayed nonce, foreign
/// AppId, tampered ciphertext, size), each refused with 401 (413 for size) and no reply.
/// </summary>
public sealed class WeChatCallbackTests(WeChatCallbackApp app) : IClassFixture<WeChatCallbackApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_URL_check_echoes_only_a_correctly_signed_request()
    {
        var (ts, nonce) = Fresh();
        var signature = WeChatSignature.Compute(WeChatCallbackApp.Token, ts, nonce);
        using var ok = await app.Client.GetAsync(new Uri($"/wechat/callback?signature={signature}&timestamp={ts}&nonce={nonce}&echostr=4375120948345356249", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("4375120948345356249", await ok.Content.ReadAsStringAsync(Ct));

        using var wrong = await app.Client.GetAsync(new Uri($"/wechat/callback?signature={new string('0', 40)}&timestamp={ts}&nonce={nonce}&echostr=1", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var old = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 400).ToString(CultureInfo.InvariantCulture);
        using var stale = await app.Client.GetAsync(new Uri($"/wechat/callback?signature={WeChatSignature.Compute(WeChatCallbackApp.Token, old, nonce)}&timestamp={old}&nonce={nonce}&echostr=1", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
    }

    [Fact]
    public async Task A_city_name_in_secure_mode_gets_a_news_reply_of_that_citys_latest_stories()
    {
        var title = "武汉市专利周亮点 " + Guid.NewGuid().ToString("N")[..6];
        await TestContent.AddAsync(app.App, new PatentWeek.Cms.Content.ContentFields
        {
            Kind = ContentKind.Story, Edition = 13, Title = title, Slug = TestContent.UniqueSlug("wuhan"), Summary = "武汉的亮点",
            Body = "正文", City = "420100", State = ContentState.Published, PublishedAt = DateTime.UtcNow.AddYears(1),
        });

        var reply = await SendSecureAsync(TextMessage("武汉", MsgId()));

        Assert.Equal("news", reply.Element("MsgType")!.Value);
        Assert.Equal("o-follower", reply.Element("ToUserName")!.Value);
        var first = reply.Element("Articles")!.Elements("item").First();
        Assert.Equal(title, first.Element("Title")!.Value);
        Assert.Equal("武汉的亮点", first.Element("Description")!.Value);
        Assert.StartsWith("https://zscq.example.cn/story/wuhan-", first.Element("Url")!.Value, StringComparison.Ordinal);
        Assert.StartsWith("https://zscq.example.cn/", first.Element("PicUrl")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_keywords_and_anything_else_gets_the_default_reply_in_plain_mode()
    {
        var help = await SendPlainAsync(TextMessage("帮助", MsgId()));
        Assert.Equal("text", help.Element("MsgType")!.Value);
        Assert.Contains("武汉市", help.Element("Content")!.Value, StringComparison.Ordinal);
        Assert.Contains("恩施", help.Element("Content")!.Value, StringComparison.Ordinal);

        var other = await SendPlainAsync(TextMessage("你好", MsgId()));
        Assert.Contains("回复城市名", other.Element("Content")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_delivered_twice_is_answered_once()
    {
        var id = MsgId();
        var first = await SendPlainAsync(TextMessage("帮助", id));
        Assert.Equal("text", first.Element("MsgType")!.Value);

        // WeChat's retry: same MsgId, new nonce and timestamp.
        var (status, body) = await PostAsync(TextMessage("帮助", id), secure: false);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("success", body);
    }

    [Fact]
    public async Task A_replayed_nonce_is_refused()
    {
        var (ts, nonce) = Fresh();
        var query = $"signature={WeChatSignature.Compute(WeChatCallbackApp.Token, ts, nonce)}&timestamp={ts}&nonce={nonce}&openid=o-follower";
        Assert.Equal(HttpStatusCode.OK, (await RawAsync(query, TextMessage("帮助", MsgId()))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RawAsync(query, TextMessage("帮助", MsgId()))).Status);
    }

    public static TheoryData<string> BadPushes => ["signature", "stale", "future", "msg_signature", "foreign-appid", "tampered", "no-encrypt"];

    [Theory]
    [MemberData(nameof(BadPushes))]
    public async Task Pushes_that_fail_a_check_get_401_and_no_reply(string fault)
    {
        var (ts, nonce) = Fresh();
        if (fault == "stale")
            ts = (long.Parse(ts, CultureInfo.InvariantCulture) - 301).ToString(CultureInfo.InvariantCulture);
        if (fault == "future")
            ts = (long.Parse(ts, CultureInfo.InvariantCulture) + 301).ToString(CultureInfo.InvariantCulture);
        var crypt = new WeChatMessageCrypt(WeChatCallbackApp.AesKey, fault == "foreign-appid" ? "wx0000000000000000" : WeChatCallbackApp.AppId);
        var encrypted = crypt.Encrypt(TextMessage("武汉", MsgId()));
        if (fault == "tampered")
            encrypted = (encrypted[0] == 'A' ? "B" : "A") + encrypted[1..];
        var body = fault == "no-encrypt"
            ? "<xml><ToUserName><![CDATA[gh_x]]></ToUserName></xml>"
            : $"<xml><ToUserName><![CDATA[gh_x]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>";
        var signature = fault == "signature" ? new string('a', 40) : WeChatSignature.Compute(WeChatCallbackApp.Token, ts, nonce);
        var msgSignature = fault == "msg_signature" ? new string('b', 40) : WeChatSignature.Compute(WeChatCallbackApp.Token, ts, nonce, encrypted);

        var (status, answer) = await RawAsync($"signature={signature}&timestamp={ts}&nonce={nonce}&openid=o-follower&encrypt_type=aes&msg_signature={msgSignature}", body);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.DoesNotContain("<xml>", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_push_is_refused_before_it_is_read()
    {
        var (ts, nonce) = Fresh();
        var (status, _) = await RawAsync($"signature={WeChatSignature.Compute(WeChatCallbackApp.Token, ts, nonce)}&timestamp={ts}&nonce={nonce}",
            "<xml><Content>" + new string('x', 300_000) + "</Content></xml>");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    private static string TextMessage(string content, string msgId) => new XElement("xml",
        new XElement("ToUserName", new XCData("gh_account")),
        new XElement("FromUserName", new XCData("o-follower")),
        new XElement("CreateTime", DateTimeOffset.UtcNow.ToUnixTimeSeconds()),
        new XElement("MsgType", new XCData("text")),
        new XElement("Content", new XCData(content)),
        new XElement("MsgId", msgId)).ToString(SaveOptions.DisableFormatting);

    private static string MsgId() => Random.Shared.NextInt64(1_000_000_000_000, 9_000_000_000_000).ToString(CultureInfo.InvariantCulture);

    private static (string Timestamp, string Nonce) Fresh() =>
        (DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), Random.Shared.Next(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture));

    private async Task<XElement> SendPlainAsync(string xml)
    {
        var (status, body) = await PostAsync(xml, secure: false);
        Assert.Equal(HttpStatusCode.OK, status);
        return XElement.Parse(body);
    }

    /// <summary>Sends as WeChat does in secure mode, checks the reply's signature, and opens it.</summary>
    private async Task<XElement> SendSecureAsync(string xml)
    {
        var (status, body) = await PostAsync(xml, secure: true);
        Assert.Equal(HttpStatusCode.OK, status);
        var wrapped = XElement.Parse(body);
        var encrypted = wrapped.Element("Encrypt")!.Value;
        Assert.True(WeChatSignature.Matches(wrapped.Element("MsgSignature")!.Value, WeChatCallbackApp.Token,
            wrapped.Element("TimeStamp")!.Value, wrapped.Element("Nonce")!.Value, encrypted));
        var opened = new WeChatMessageCrypt(WeChatCallbackApp.AesKey, WeChatCallbackApp.AppId).Decrypt(encrypted);
        Assert.Equal(WeChatCallbackApp.AppId, opened.AppId);
        return XElement.Parse(opened.Xml);
    }

    private Task<(HttpStatusCode Status, string Body)> PostAsync(string xml, bool secure)
    {
        var (ts, nonce) = Fresh();
        var query = $"signature={WeChatSignature.Compute(WeChatCallbackApp.Token, ts, nonce)}&timestamp={ts}&nonce={nonce}&openid=o-follower";
        if (!secure)
            return RawAsync(query, xml);
        var encrypted = new WeChatMessageCrypt(WeChatCallbackApp.AesKey, WeChatCallbackApp.AppId).Encrypt(xml);
        query += $"&encrypt_type=aes&msg_signature={WeChatSignature.Compute(WeChatCallbackApp.Token, ts, nonce, encrypted)}";
        return RawAsync(query, $"<xml><ToUserName><![CDATA[gh_account]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>");
    }

    private async Task<(HttpStatusCode Status, string Body)> RawAsync(string query, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "text/xml");
        using var response = await app.Client.PostAsync(new Uri("/wechat/callback?" + query, UriKind.Relative), content, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
