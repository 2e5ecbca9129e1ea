using System.Net.Http.Json;
using System.Text.Json;
using PatentWeek.WeChat.Api;

namespace PatentWeek.WeChat.Tests.Emulator;

/// <summary><c>openapi/rid/get</c>: each error answer's rid leads back to the call that caused it, for 7 days.</summary>
public sealed class RidTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rid_from_an_error_answer_tells_the_call_behind_it()
    {
        await using var wx = await EmulatorHost.StartAsync();
        var failedAt = wx.Clock.GetUtcNow();
        var error = await Assert.ThrowsAsync<WeChatApiException>(() => wx.Drafts.GetAsync("no-such-draft", Ct));
        Assert.Equal(WeChatErrors.InvalidMediaId, error.ErrCode);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$", error.Rid);

        wx.Clock.Advance(TimeSpan.FromMinutes(10));
        var info = await wx.Diagnostics.RidAsync(error.Rid!, Ct);
        Assert.Equal(failedAt.ToUnixTimeSeconds(), info.InvokeTime.ToUnixTimeSeconds());
        Assert.StartsWith("access_token=", info.RequestUrl, StringComparison.Ordinal);
        Assert.Equal("""{"media_id":"no-such-draft"}""", info.RequestBody);
        Assert.Equal("127.0.0.1", info.ClientIp);
        Assert.InRange(info.CostInMs, 0, 10_000);
        var answer = JsonDocument.Parse(info.ResponseBody).RootElement;
        Assert.Equal(40007, answer.GetProperty("errcode").GetInt32());
        Assert.Equal(error.ErrMsg, answer.GetProperty("errmsg").GetString());
    }

    [Fact]
    public async Task Token_calls_uploads_and_injected_faults_are_recorded_too()
    {
        await using var wx = await EmulatorHost.StartAsync();
        using var http = new HttpClient();

        // The token endpoint reads its body itself; the record still has it.
        using var badSecret = await http.PostAsJsonAsync(wx.BaseUrl + "/cgi-bin/stable_token",
            new { grant_type = "client_credential", appid = EmulatorHost.AppId, secret = "wrong" }, Ct);
        var errmsg = (await badSecret.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errmsg").GetString()!;
        var tokenCall = await wx.Diagnostics.RidAsync(errmsg[(errmsg.LastIndexOf("rid: ", StringComparison.Ordinal) + "rid: ".Length)..], Ct);
        Assert.Contains("\"secret\":\"wrong\"", tokenCall.RequestBody, StringComparison.Ordinal);
        Assert.Contains("40125", tokenCall.ResponseBody, StringComparison.Ordinal);

        var upload = await Assert.ThrowsAsync<WeChatApiException>(() => wx.Materials.AddAsync("sticker", TestFiles.Jpeg, "s.jpg", "image/jpeg", Ct));
        var uploadCall = await wx.Diagnostics.RidAsync(upload.Rid!, Ct);
        Assert.Contains("type=sticker", uploadCall.RequestUrl, StringComparison.Ordinal);
        Assert.StartsWith("(multipart/form-data, ", uploadCall.RequestBody, StringComparison.Ordinal);

        using var arranged = await http.PostAsJsonAsync(wx.BaseUrl + "/_emulator/faults", new { path = "/cgi-bin/draft/count", errCode = 45009, count = 1 }, Ct);
        arranged.EnsureSuccessStatusCode();
        var injected = await Assert.ThrowsAsync<WeChatApiException>(() => wx.Drafts.CountAsync(Ct));
        Assert.Contains("45009", (await wx.Diagnostics.RidAsync(injected.Rid!, Ct)).ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_malformed_and_week_old_rids_are_refused()
    {
        await using var wx = await EmulatorHost.StartAsync();
        var unknown = await Assert.ThrowsAsync<WeChatApiException>(() => wx.Diagnostics.RidAsync("0123abcd-4567ef01-89abcdef", Ct));
        Assert.Equal(76001, unknown.ErrCode);
        var malformed = await Assert.ThrowsAsync<WeChatApiException>(() => wx.Diagnostics.RidAsync("not a rid", Ct));
        Assert.Equal(76002, malformed.ErrCode);

        var error = await Assert.ThrowsAsync<WeChatApiException>(() => wx.Drafts.DeleteAsync("no-such-draft", Ct));
        wx.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Contains("no-such-draft", (await wx.Diagnostics.RidAsync(error.Rid!, Ct)).RequestBody, StringComparison.Ordinal);
        wx.Clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await Assert.ThrowsAsync<WeChatApiException>(() => wx.Diagnostics.RidAsync(error.Rid!, Ct));
        Assert.Equal(76001, expired.ErrCode);
    }
}
