using PatentWeek.WeChat.Api;

namespace PatentWeek.WeChat.Tests.Emulator;

/// <summary>The library and the published list, read through the client's typed pages.</summary>
public sealed class LibraryEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Materials_are_listed_and_published_articles_listed_and_deleted()
    {
        await using var wx = await EmulatorHost.StartAsync();
        var cover = await wx.Materials.AddAsync("image", TestFiles.Jpeg, "封面.jpg", "image/jpeg", Ct);
        var list = await wx.Materials.BatchGetAsync("image", 0, 20, Ct);
        Assert.Equal(1, list.TotalCount);
        Assert.Equal(cover.MediaId, list.Items[0].MediaId);
        await Assert.ThrowsAsync<WeChatApiException>(() => wx.Materials.BatchGetAsync("sticker", 0, 20, Ct));

        var draft = await wx.Drafts.AddAsync([new DraftArticle { Title = "列表", Content = "<p>x</p>", ThumbMediaId = cover.MediaId }], Ct);
        var publishId = await wx.Drafts.SubmitAsync(draft, Ct);
        wx.Clock.Advance(TimeSpan.FromSeconds(3));
        var articleId = (await wx.Drafts.GetPublishAsync(publishId, Ct)).ArticleId!;
        Assert.Equal(1, (await wx.Drafts.BatchGetPublishedAsync(0, 20, noContent: false, Ct)).TotalCount);

        await wx.Drafts.DeletePublishedAsync(articleId, 0, Ct);
        Assert.Equal(0, (await wx.Drafts.BatchGetPublishedAsync(0, 20, noContent: false, Ct)).TotalCount);
        var gone = await Assert.ThrowsAsync<WeChatApiException>(() => wx.Drafts.DeletePublishedAsync(articleId, 0, Ct));
        Assert.Equal(WeChatErrors.InvalidMediaId, gone.ErrCode);
    }
}
