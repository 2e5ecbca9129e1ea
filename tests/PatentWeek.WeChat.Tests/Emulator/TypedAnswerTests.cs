using System.Net;
using System.Text;
using System.Text.Json;
using PatentWeek.WeChat.Api;

namespace PatentWeek.WeChat.Tests.Emulator;

/// <summary>
/// The client's records read from the emulator's real answers (over HTTP): material counts and pages, drafts and
/// published articles with their news items, a deleted article; and what a malformed answer does.
/// </summary>
public sealed class TypedAnswerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Material_counts_and_pages_are_read_field_by_field()
    {
        await using var wx = await EmulatorHost.StartAsync();
        var addedAt = wx.Clock.GetUtcNow();
        var first = await wx.Materials.AddAsync("image", TestFiles.Jpeg, "一.jpg", "image/jpeg", Ct);
        wx.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await wx.Materials.AddAsync("image", TestFiles.Jpeg, "二.jpg", "image/jpeg", Ct);
        var voice = await wx.Materials.AddAsync("voice", [1, 2, 3], "说明.mp3", "audio/mpeg", Ct);

        Assert.Equal(new MaterialCount(VoiceCount: 1, VideoCount: 0, ImageCount: 2, NewsCount: 0), await wx.Materials.CountAsync(Ct));

        var images = await wx.Materials.BatchGetAsync("image", 0, 20, Ct);
        Assert.Equal((2, 2), (images.TotalCount, images.ItemCount));
        Assert.Equal([second.MediaId, first.MediaId], images.Items.Select(i => i.MediaId)); // newest first
        Assert.Equal(["二.jpg", "一.jpg"], images.Items.Select(i => i.Name));
        Assert.Equal([second.Url, first.Url], images.Items.Select(i => i.Url));
        Assert.StartsWith("http://mmbiz.qpic.cn/", images.Items[0].Url, StringComparison.Ordinal);
        Assert.Equal(addedAt.ToUnixTimeSeconds(), images.Items[1].UpdateTime.ToUnixTimeSeconds());
        Assert.Equal(addedAt.AddMinutes(1).ToUnixTimeSeconds(), images.Items[0].UpdateTime.ToUnixTimeSeconds());
        Assert.All(images.Items, i => Assert.Null(i.Content));

        var page = await wx.Materials.BatchGetAsync("image", 1, 1, Ct);
        Assert.Equal((2, 1), (page.TotalCount, page.ItemCount));
        Assert.Equal(first.MediaId, Assert.Single(page.Items).MediaId);

        var voices = await wx.Materials.BatchGetAsync("voice", 0, 20, Ct);
        Assert.Equal(voice.MediaId, Assert.Single(voices.Items).MediaId);
        Assert.Null(voices.Items[0].Url); // only images have one
    }

    [Fact]
    public async Task Drafts_and_published_articles_come_back_as_news_items()
    {
        await using var wx = await EmulatorHost.StartAsync();
        var cover = await wx.Materials.AddAsync("image", TestFiles.Jpeg, "封面.jpg", "image/jpeg", Ct);
        var savedAt = wx.Clock.GetUtcNow();
        var draft = await wx.Drafts.AddAsync(
        [
            new DraftArticle
            {
                Title = "宣传周启动", Author = "省知识产权局", Content = "<p>武汉启动仪式。</p>", ThumbMediaId = cover.MediaId,
                ContentSourceUrl = "https://example.cn/news/1?utm_content=m1", PicCrop2351 = "0_0.074_1_0.925", NeedOpenComment = 1,
            },
            new DraftArticle { Title = "专利开放日", Content = "<p>开放日。</p>", ThumbMediaId = cover.MediaId },
        ], Ct);

        var drafts = await wx.Drafts.BatchGetAsync(0, 20, noContent: false, Ct);
        Assert.Equal((1, 1), (drafts.TotalCount, drafts.ItemCount));
        var listed = Assert.Single(drafts.Items);
        Assert.Equal(draft, listed.MediaId);
        Assert.Equal(savedAt.ToUnixTimeSeconds(), listed.UpdateTime.ToUnixTimeSeconds());
        Assert.Equal(["宣传周启动", "专利开放日"], listed.Content.NewsItems.Select(n => n.Title));
        var lead = listed.Content.NewsItems[0];
        Assert.Equal(("省知识产权局", "<p>武汉启动仪式。</p>", "https://example.cn/news/1?utm_content=m1"), (lead.Author, lead.Content, lead.ContentSourceUrl));
        Assert.Equal((cover.MediaId, "0_0.074_1_0.925", 1), (lead.ThumbMediaId, lead.PicCrop2351, lead.NeedOpenComment));
        Assert.Equal("", listed.Content.NewsItems[1].Digest); // a multi-article draft has no digest
        Assert.Equal(listed.Content.NewsItems.Select(n => n.Title), (await wx.Drafts.GetAsync(draft, Ct)).Select(n => n.Title));

        var publishId = await wx.Drafts.SubmitAsync(draft, Ct);
        wx.Clock.Advance(TimeSpan.FromSeconds(3));
        var status = await wx.Drafts.GetPublishAsync(publishId, Ct);
        Assert.Equal(PublishStatus.Succeeded, status.Status);

        var published = await wx.Drafts.BatchGetPublishedAsync(0, 20, noContent: true, Ct);
        var job = Assert.Single(published.Items);
        Assert.Equal(status.ArticleId, job.ArticleId);
        Assert.Equal(status.Articles.Select(a => a.ArticleUrl), job.Content.NewsItems.Select(n => n.Url));
        Assert.Equal("https://example.cn/news/1?utm_content=m1", job.Content.NewsItems[0].ContentSourceUrl);

        var article = await wx.Drafts.GetArticleAsync(status.ArticleId!, Ct);
        Assert.False(article.IsDeleted);
        Assert.Equal(["宣传周启动", "专利开放日"], article.NewsItems.Select(n => n.Title));
        Assert.Equal(status.Articles.Select(a => a.ArticleUrl), article.NewsItems.Select(n => n.Url));
        Assert.All(article.NewsItems, n => Assert.NotEqual(true, n.IsDeleted));

        await wx.Drafts.DeletePublishedAsync(status.ArticleId!, 2, Ct); // the second article only
        var after = await wx.Drafts.GetArticleAsync(status.ArticleId!, Ct);
        Assert.Equal((false, (bool?)null, (bool?)true), (after.IsDeleted, after.NewsItems[0].IsDeleted, after.NewsItems[1].IsDeleted));
    }

    [Fact]
    public async Task An_error_answer_is_thrown_with_its_code_and_rid_whatever_record_was_expected()
    {
        await using var wx = await EmulatorHost.StartAsync();
        var refused = await Assert.ThrowsAsync<WeChatApiException>(() => wx.Materials.BatchGetAsync("sticker", 0, 20, Ct));
        Assert.Equal(40004, refused.ErrCode);
        Assert.False(string.IsNullOrEmpty(refused.Rid));
        Assert.Equal("/cgi-bin/material/batchget_material", refused.Path);
    }

    [Fact]
    public async Task An_answer_missing_a_documented_field_is_an_error_not_a_default()
    {
        // material/get_materialcount without voice_count: a record with a zero in it would be a lie.
        using var response = Answer("""{"video_count":0,"image_count":3,"news_count":0}""");
        var wrong = await Assert.ThrowsAsync<WeChatApiException>(() => WeChatResponse.ReadAsync<MaterialCount>(response, "/cgi-bin/material/get_materialcount", Ct));
        Assert.Equal(0, wrong.ErrCode);
        Assert.IsAssignableFrom<JsonException>(wrong.InnerException);
        Assert.Contains("unexpected shape", wrong.Message, StringComparison.Ordinal);

        using var error = Answer("""{"errcode":45009,"errmsg":"reach max api daily quota limit rid: 6650-abc"}""");
        var quota = await Assert.ThrowsAsync<WeChatApiException>(() => WeChatResponse.ReadAsync<MaterialCount>(error, "/cgi-bin/material/get_materialcount", Ct));
        Assert.Equal((45009, "6650-abc"), (quota.ErrCode, quota.Rid));
    }

    [Fact]
    public async Task Ids_documented_as_string_or_number_are_read_as_text()
    {
        using var number = Answer("""{"errcode":0,"errmsg":"ok","publish_id":2247483647,"msg_data_id":2247483648}""");
        Assert.Equal("2247483647", (await WeChatResponse.ReadAsync<SubmitAnswer>(number, "/cgi-bin/freepublish/submit", Ct)).PublishId);
        using var text = Answer("""{"publish_id":"100000001","publish_status":1}""");
        var publishing = await WeChatResponse.ReadAsync<PublishAnswer>(text, "/cgi-bin/freepublish/get", Ct);
        Assert.Equal(("100000001", 1, (string?)null), (publishing.PublishId, publishing.Status, publishing.ArticleId));
    }

    private static HttpResponseMessage Answer(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
