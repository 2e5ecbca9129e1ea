using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.WeChat.Api;
using PatentWeek.WeChat.Emulator;

namespace PatentWeek.WeChat.Tests.Emulator;

/// <summary>The typed client against the emulator over HTTP: the whole draft-to-published flow, and the error behaviours.</summary>
public sealed class ClientAgainstEmulatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;


    [Fact]
    public async Task A_draft_is_published_and_its_article_url_comes_back()
    {
        await using var wx = await EmulatorHost.StartAsync();
        var cover = await wx.Materials.AddAsync("image", TestFiles.Jpeg, "cover.jpg", "image/jpeg", Ct);
        var bodyImage = await wx.Materials.UploadBodyImageAsync(TestFiles.Jpeg, "body.jpg", "image/jpeg", Ct);
        Assert.StartsWith("http://mmbiz.qpic.cn/", bodyImage, StringComparison.Ordinal);

        var draft = await wx.Drafts.AddAsync([new DraftArticle
        {
            Title = "2026年湖北省知识产权宣传周启动",
            Content = $"<p>武汉启动仪式。</p><img src=\"{bodyImage}\"><img src=\"https://example.cn/x.jpg\"><script>alert(1)</script>",
            ThumbMediaId = cover.MediaId,
            PicCrop2351 = "0_0.074_1_0.925",
            PicCrop11 = "0_0_0.5_1",
        }], Ct);

        var stored = (await wx.Drafts.GetAsync(draft, Ct))[0];
        Assert.Equal("2026年湖北省知识产权宣传周启动", stored.Title);
        Assert.Contains(bodyImage, stored.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("example.cn", stored.Content, StringComparison.Ordinal); // pictures not from uploadimg are dropped
        Assert.DoesNotContain("script", stored.Content, StringComparison.Ordinal);
        Assert.Equal(1, await wx.Drafts.CountAsync(Ct));

        var publishId = await wx.Drafts.SubmitAsync(draft, Ct);
        Assert.Equal(0, await wx.Drafts.CountAsync(Ct)); // a submitted draft leaves the draft box
        Assert.Equal(PublishStatus.Publishing, (await wx.Drafts.GetPublishAsync(publishId, Ct)).Status);
        wx.Clock.Advance(TimeSpan.FromSeconds(2));
        var done = await wx.Drafts.GetPublishAsync(publishId, Ct);
        Assert.Equal(PublishStatus.Succeeded, done.Status);
        Assert.Equal(1, done.Articles[0].Idx);

        using var http = new HttpClient();
        var inspect = await http.GetFromJsonAsync<JsonElement>(wx.BaseUrl + "/inspect", Ct);
        Assert.Equal(EmulatorHost.AppId, inspect.GetProperty("appId").GetString());
        var published = inspect.GetProperty("published")[0].GetProperty("articles")[0];
        Assert.Equal("2026年湖北省知识产权宣传周启动", published.GetProperty("title").GetString());
        Assert.Equal(done.Articles[0].ArticleUrl, published.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Chinese_reaches_the_wire_as_utf8_not_escapes()
    {
        await using var wx = await EmulatorHost.StartAsync();
        var cover = await wx.Materials.AddAsync("image", TestFiles.Jpeg, "c.jpg", "image/jpeg", Ct);
        var draft = await wx.Drafts.AddAsync([new DraftArticle { Title = "知识产权", Content = "<p>专利</p>", ThumbMediaId = cover.MediaId }], Ct);
        await using var scope = wx.Emulator.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<EmulatorDb>().Drafts.SingleAsync(d => d.MediaId == draft, Ct);
        Assert.Contains("知识产权", stored.Articles, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", stored.Articles, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escaped_text_is_refused_as_wechat_refuses_it()
    {
        await using var wx = await EmulatorHost.StartAsync();
        using var http = new HttpClient();
        var token = (await (await http.PostAsJsonAsync(wx.BaseUrl + "/cgi-bin/stable_token",
            new { grant_type = "client_credential", appid = EmulatorHost.AppId, secret = EmulatorHost.Secret }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct))
            .GetProperty("access_token").GetString();
        // What System.Text.Json's default encoder would send for "知识产权".
        using var body = new StringContent("{\"articles\":[{\"title\":\"\\u77E5\\u8BC6\",\"content\":\"x\"}]}", System.Text.Encoding.UTF8, "application/json");
        var answer = await (await http.PostAsync($"{wx.BaseUrl}/cgi-bin/draft/add?access_token={token}", body, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(40033, answer.GetProperty("errcode").GetInt32());
    }

    [Fact]
    public async Task A_token_revoked_mid_flow_is_replaced_and_the_call_retried_once()
    {
        await using var wx = await EmulatorHost.StartAsync();
        var cover = await wx.Materials.AddAsync("image", TestFiles.Jpeg, "c.jpg", "image/jpeg", Ct);
        await using (var scope = wx.Emulator.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<EmulatorDb>().Tokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.Revoked, true), Ct);

        var draft = await wx.Drafts.AddAsync([new DraftArticle { Title = "换了令牌", Content = "<p>x</p>", ThumbMediaId = cover.MediaId }], Ct);
        Assert.False(string.IsNullOrEmpty(draft));
    }

    [Fact]
    public async Task An_expired_token_is_refreshed_ahead_of_time_on_the_clock()
    {
        await using var wx = await EmulatorHost.StartAsync();
        Assert.Equal(0, await wx.Drafts.CountAsync(Ct));
        wx.Clock.Advance(TimeSpan.FromHours(3)); // far past the 7200 s lifetime
        Assert.Equal(0, await wx.Drafts.CountAsync(Ct));
    }

    [Fact]
    public async Task Errors_arrive_typed_with_their_code_and_rid()
    {
        await using var wx = await EmulatorHost.StartAsync(o => o.DailyQuota = 3);
        var cover = await wx.Materials.AddAsync("image", TestFiles.Jpeg, "c.jpg", "image/jpeg", Ct);

        var tooLong = await Assert.ThrowsAsync<WeChatApiException>(() =>
            wx.Drafts.AddAsync([new DraftArticle { Title = new string('长', 33), Content = "<p>x</p>", ThumbMediaId = cover.MediaId }], Ct));
        Assert.Equal(45003, tooLong.ErrCode);
        Assert.False(string.IsNullOrEmpty(tooLong.Rid));

        var badThumb = await Assert.ThrowsAsync<WeChatApiException>(() =>
            wx.Drafts.AddAsync([new DraftArticle { Title = "缩略图", Content = "<p>x</p>", ThumbMediaId = "not-a-material" }], Ct));
        Assert.Equal(WeChatErrors.InvalidMediaId, badThumb.ErrCode);

        // The third draft/add call today uses up the quota of 3; the fourth is refused.
        await wx.Drafts.AddAsync([new DraftArticle { Title = "第三次", Content = "<p>x</p>", ThumbMediaId = cover.MediaId }], Ct);
        var quota = await Assert.ThrowsAsync<WeChatApiException>(() =>
            wx.Drafts.AddAsync([new DraftArticle { Title = "第四次", Content = "<p>x</p>", ThumbMediaId = cover.MediaId }], Ct));
        Assert.Equal(WeChatErrors.DailyQuotaReached, quota.ErrCode);
        Assert.True(quota.IsTransient);
        Assert.Equal(0, (await wx.Materials.QuotaAsync("/cgi-bin/draft/add", Ct)).Remain);
        await wx.Materials.ClearQuotaAsync("/cgi-bin/draft/add", Ct);
        Assert.Equal(3, (await wx.Materials.QuotaAsync("/cgi-bin/draft/add", Ct)).Remain);
    }

    [Fact]
    public async Task An_injected_failure_ends_the_job_with_its_status_and_fail_idx()
    {
        await using var wx = await EmulatorHost.StartAsync();
        wx.Emulator.GetRequiredService<EmulatorFaults>().FailNextPublish(PublishStatus.RejectedByReview);
        var cover = await wx.Materials.AddAsync("image", TestFiles.Jpeg, "c.jpg", "image/jpeg", Ct);
        var draft = await wx.Drafts.AddAsync([new DraftArticle { Title = "不通过", Content = "<p>x</p>", ThumbMediaId = cover.MediaId }], Ct);
        var publishId = await wx.Drafts.SubmitAsync(draft, Ct);
        wx.Clock.Advance(TimeSpan.FromSeconds(3));
        var status = await wx.Drafts.GetPublishAsync(publishId, Ct);
        Assert.Equal((PublishStatus.RejectedByReview, true), (status.Status, status.IsFinal));
        Assert.Equal([1], status.FailIdx);
    }
}
