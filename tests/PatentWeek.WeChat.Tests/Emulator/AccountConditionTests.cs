using System.Net.Http.Json;
using System.Text.Json;
using PatentWeek.WeChat.Api;

namespace PatentWeek.WeChat.Tests.Emulator;

/// <summary>The account's conditions set in the emulator's options: an IP whitelist (40164) and an unverified account (48001).</summary>
public sealed class AccountConditionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Calls_from_outside_the_whitelist_answer_40164_naming_the_caller()
    {
        await using var wx = await EmulatorHost.StartAsync(o => o.IpWhitelist.Add("203.0.113.7"));
        // The client's first call needs a token, and the token call is refused already.
        var refused = await Assert.ThrowsAsync<WeChatApiException>(() => wx.Drafts.CountAsync(Ct));
        Assert.Equal(WeChatErrors.IpNotWhitelisted, refused.ErrCode);
        Assert.StartsWith("invalid ip 127.0.0.1 ipv6 ::ffff:127.0.0.1, not in whitelist rid: ", refused.ErrMsg, StringComparison.Ordinal);

        // Business calls are refused too, whatever token they carry.
        using var http = new HttpClient();
        var answer = await http.GetFromJsonAsync<JsonElement>(wx.BaseUrl + "/cgi-bin/draft/count?access_token=any", Ct);
        Assert.Equal(WeChatErrors.IpNotWhitelisted, answer.GetProperty("errcode").GetInt32());
    }

    [Fact]
    public async Task A_whitelisted_caller_is_served()
    {
        await using var wx = await EmulatorHost.StartAsync(o =>
        {
            o.IpWhitelist.Add("203.0.113.7");
            o.IpWhitelist.Add("127.0.0.1");
        });
        Assert.Equal(0, await wx.Drafts.CountAsync(Ct));
    }

    [Fact]
    public async Task An_unverified_account_may_not_use_drafts_publishing_or_permanent_material()
    {
        await using var wx = await EmulatorHost.StartAsync(o => o.Unverified = true);
        var calls = new Func<Task>[]
        {
            () => wx.Materials.AddAsync("image", TestFiles.Jpeg, "c.jpg", "image/jpeg", Ct),
            () => wx.Drafts.CountAsync(Ct),
            () => wx.Drafts.AddAsync([new DraftArticle { Title = "t", Content = "<p>x</p>", ThumbMediaId = "m" }], Ct),
            () => wx.Drafts.SubmitAsync("m", Ct),
            () => wx.Drafts.BatchGetPublishedAsync(0, 20, noContent: true, Ct),
        };
        foreach (var call in calls)
        {
            var refused = await Assert.ThrowsAsync<WeChatApiException>(call);
            Assert.Equal(WeChatErrors.ApiUnauthorized, refused.ErrCode);
            Assert.StartsWith("api unauthorized rid: ", refused.ErrMsg, StringComparison.Ordinal);
        }

        // What an unverified account keeps: body images, temporary material, its quota.
        Assert.StartsWith("http://mmbiz.qpic.cn/", await wx.Materials.UploadBodyImageAsync(TestFiles.Jpeg, "b.jpg", "image/jpeg", Ct), StringComparison.Ordinal);
        await wx.Materials.UploadTemporaryAsync("image", TestFiles.Jpeg, "p.jpg", "image/jpeg", Ct);
        Assert.Equal(0, (await wx.Materials.QuotaAsync("/cgi-bin/draft/count", Ct)).Used); // refused calls are not counted
    }
}
