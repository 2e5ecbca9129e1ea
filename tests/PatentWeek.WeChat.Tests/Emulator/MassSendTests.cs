using System.Net.Http.Json;
using System.Text.Json;
using PatentWeek.WeChat.Api;

namespace PatentWeek.WeChat.Tests.Emulator;

/// <summary><c>message/mass/sendall</c>: a clientmsgid sends once in 24 hours; what went out is listed at <c>/inspect/mass</c>.</summary>
public sealed class MassSendTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_repeated_clientmsgid_answers_45065_with_the_first_msg_id_and_sends_nothing()
    {
        await using var wx = await EmulatorHost.StartAsync();
        var draft = await DraftAsync(wx, "第18周专利周报");
        var sent = await wx.Drafts.SendAllAsync(draft, "week-18", Ct);
        var msgId = sent.MsgId;
        Assert.NotEqual(0, sent.MsgDataId); // required in the typed answer, and a real id
        Assert.Equal(0, await wx.Drafts.CountAsync(Ct)); // a mass-sent draft leaves the draft box

        var repeat = await Assert.ThrowsAsync<WeChatApiException>(() => wx.Drafts.SendAllAsync(draft, "week-18", Ct));
        Assert.Equal(45065, repeat.ErrCode);
        wx.Clock.Advance(TimeSpan.FromHours(23));
        var answer = await SendRawAsync(wx, new { filter = new { is_to_all = true }, mpnews = new { media_id = draft }, msgtype = "mpnews", send_ignore_reprint = 0, clientmsgid = "week-18" });
        Assert.Equal((45065, msgId), (answer.GetProperty("errcode").GetInt32(), answer.GetProperty("msg_id").GetInt64()));

        var sends = await InspectAsync(wx);
        Assert.Equal(1, sends.GetArrayLength());
        Assert.Equal((msgId, "week-18", true), (sends[0].GetProperty("msgId").GetInt64(), sends[0].GetProperty("clientMsgId").GetString(), sends[0].GetProperty("isToAll").GetBoolean()));
        Assert.Equal("第18周专利周报", sends[0].GetProperty("titles")[0].GetString());
    }

    [Fact]
    public async Task After_24_hours_the_same_clientmsgid_sends_again()
    {
        await using var wx = await EmulatorHost.StartAsync();
        var first = (await wx.Drafts.SendAllAsync(await DraftAsync(wx, "一"), "weekly", Ct)).MsgId;
        var second = await DraftAsync(wx, "二");
        wx.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        Assert.Equal(45065, (await Assert.ThrowsAsync<WeChatApiException>(() => wx.Drafts.SendAllAsync(second, "weekly", Ct))).ErrCode);
        wx.Clock.Advance(TimeSpan.FromSeconds(2));
        var again = (await wx.Drafts.SendAllAsync(second, "weekly", Ct)).MsgId;
        Assert.NotEqual(first, again);
        Assert.Equal(2, (await InspectAsync(wx)).GetArrayLength());
    }

    [Fact]
    public async Task Bad_sends_are_refused_with_wechat_s_codes_and_nothing_goes_out()
    {
        await using var wx = await EmulatorHost.StartAsync();
        var draft = await DraftAsync(wx, "三");
        Assert.Equal(40007, (await Assert.ThrowsAsync<WeChatApiException>(() => wx.Drafts.SendAllAsync("no-such-draft", "a", Ct))).ErrCode);
        Assert.Equal(45067, (await Assert.ThrowsAsync<WeChatApiException>(() => wx.Drafts.SendAllAsync(draft, new string('x', 65), Ct))).ErrCode);
        var text = await SendRawAsync(wx, new { filter = new { is_to_all = true }, text = new { content = "hi" }, msgtype = "text", clientmsgid = "b" });
        Assert.Equal(40008, text.GetProperty("errcode").GetInt32());
        Assert.Equal(0, (await InspectAsync(wx)).GetArrayLength());
        Assert.Equal(1, await wx.Drafts.CountAsync(Ct)); // the draft is still there to send
    }

    private static async Task<string> DraftAsync(EmulatorHost wx, string title)
    {
        var cover = await wx.Materials.AddAsync("image", TestFiles.Jpeg, "c.jpg", "image/jpeg", Ct);
        return await wx.Drafts.AddAsync([new DraftArticle { Title = title, Content = "<p>x</p>", ThumbMediaId = cover.MediaId }], Ct);
    }

    /// <summary>A send whose whole answer matters (the typed client turns a 45065 into an exception without its msg_id).</summary>
    private static async Task<JsonElement> SendRawAsync(EmulatorHost wx, object body)
    {
        var token = await wx.Tokens.GetAsync(Ct);
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync($"{wx.BaseUrl}/cgi-bin/message/mass/sendall?access_token={Uri.EscapeDataString(token)}", body, Ct);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static async Task<JsonElement> InspectAsync(EmulatorHost wx)
    {
        using var http = new HttpClient();
        return await http.GetFromJsonAsync<JsonElement>(wx.BaseUrl + "/inspect/mass", Ct);
    }
}
