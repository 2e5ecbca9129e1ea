using System.Net.Http.Json;
using PatentWeek.WeChat.Api;

namespace PatentWeek.WeChat.Tests.Emulator;

/// <summary>The client's reaction to each arranged failure, arranged over HTTP as any test (or person) would.</summary>
public sealed class FaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task System_busy_arrives_as_a_transient_typed_error()
    {
        await using var wx = await EmulatorHost.StartAsync();
        await ArrangeAsync(wx, new { path = "/cgi-bin/draft/count", errCode = -1, count = 1 });
        var busy = await Assert.ThrowsAsync<WeChatApiException>(() => wx.Drafts.CountAsync(Ct));
        Assert.Equal((WeChatErrors.SystemBusy, true), (busy.ErrCode, busy.IsTransient));
        Assert.Equal(0, await wx.Drafts.CountAsync(Ct));
    }

    [Fact]
    public async Task A_5xx_on_a_read_is_retried_by_the_resilience_handler()
    {
        await using var wx = await EmulatorHost.StartAsync();
        await ArrangeAsync(wx, new { path = "/cgi-bin/draft/count", httpStatus = 503, count = 1 });
        // The handler's back-off runs on the client's clock: move it along until the retry has gone out.
        var count = wx.Drafts.CountAsync(Ct);
        for (var i = 0; i < 200 && !count.IsCompleted; i++)
        {
            wx.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(25, Ct);
        }

        Assert.Equal(0, await count.WaitAsync(TimeSpan.FromSeconds(5), Ct));
    }

    [Fact]
    public async Task A_5xx_on_a_post_is_not_repeated_behind_the_caller_s_back()
    {
        await using var wx = await EmulatorHost.StartAsync();
        var cover = await wx.Materials.AddAsync("image", [0xFF, 0xD8, 0xFF, 0xD9], "c.jpg", "image/jpeg", Ct);
        await ArrangeAsync(wx, new { path = "/cgi-bin/draft/add", httpStatus = 502, count = 1 });
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            wx.Drafts.AddAsync([new DraftArticle { Title = "一次", Content = "<p>x</p>", ThumbMediaId = cover.MediaId }], Ct));
        Assert.Equal(0, await wx.Drafts.CountAsync(Ct));
        await wx.Drafts.AddAsync([new DraftArticle { Title = "一次", Content = "<p>x</p>", ThumbMediaId = cover.MediaId }], Ct);
        Assert.Equal(1, await wx.Drafts.CountAsync(Ct));
    }

    [Fact]
    public async Task Tokens_revoked_over_http_are_replaced_on_the_next_call()
    {
        await using var wx = await EmulatorHost.StartAsync();
        Assert.Equal(0, await wx.Drafts.CountAsync(Ct));
        using var http = new HttpClient();
        using var revoke = await http.PostAsync(wx.BaseUrl + "/_emulator/revoke-tokens", null, Ct);
        Assert.True(revoke.IsSuccessStatusCode);
        Assert.Equal(0, await wx.Drafts.CountAsync(Ct));
    }

    private static async Task ArrangeAsync(EmulatorHost wx, object fault)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync(wx.BaseUrl + "/_emulator/faults", fault, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
