using System.Net;
using AngleSharp.Html.Parser;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Tests.Media;
using PatentWeek.Cms.WeChat;

namespace PatentWeek.Cms.Tests.WeChat;

/// <summary>
/// What a follower sees of a cross-posted article in the hosted emulator: its cover on the message card and its body
/// pictures, each at an address under <c>/wechat-emulator</c> that answers with the picture itself.
/// </summary>
public abstract class FollowerViewTests(WeChatCms cms)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_follower_views_show_the_cover_and_body_pictures_at_addresses_that_serve_them()
    {
        cms.RequireProvider();
        var cover = (await cms.Editor.UploadOkAsync(TestImages.Jpeg(1200, 600), "cover.jpg", alt: "开幕式")).GetProperty("id").GetInt32();
        var photo = (await cms.Editor.UploadOkAsync(TestImages.Png(640, 480), "photo.png", alt: "展台")).GetProperty("id").GetInt32();
        var title = "图片同步 " + Guid.NewGuid().ToString("N")[..6];
        var item = await cms.PublishedAsync(title, $"开幕式现场：\n\n![展台](/media/{photo})", ContentKind.News, cover: $"/media/{cover}");

        await cms.CrossPostAsync(item.Id);
        var post = await cms.SettledAsync(item.Id);
        Assert.Equal("published", post.GetProperty("status").GetString());

        // The list of published articles: the card's cover, then the article's own pictures.
        var list = await ParseAsync(WeChatAccounts.EmulatorPrefix + "/");
        var card = list.QuerySelectorAll("article").Single(a => a.QuerySelector("h3")?.TextContent == title);
        var coverSrc = card.QuerySelector("img.cover")?.GetAttribute("src");
        Assert.NotNull(coverSrc);
        await AssertPictureAsync(coverSrc);
        var listBody = await BodyPicturesAsync(card.QuerySelector("iframe")!.GetAttribute("srcdoc")!);
        await AssertPictureAsync(Assert.Single(listBody));

        // The article at its own address, as a follower opening the link sees it.
        var page = await ParseAsync(post.GetProperty("articleUrl").GetString()!);
        var pageBody = await BodyPicturesAsync(page.QuerySelector("iframe")!.GetAttribute("srcdoc")!);
        await AssertPictureAsync(Assert.Single(pageBody));

        using var missing = await cms.Anonymous.GetAsync(new Uri(WeChatAccounts.EmulatorPrefix + "/mmbiz/no-such-picture", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> ParseAsync(string url) =>
        await new HtmlParser().ParseDocumentAsync(await cms.Anonymous.GetStringAsync(new Uri(url, UriKind.RelativeOrAbsolute), Ct), Ct);

    private static async Task<List<string>> BodyPicturesAsync(string srcdoc)
    {
        using var document = await new HtmlParser().ParseDocumentAsync(srcdoc, Ct);
        return [.. document.QuerySelectorAll("img").Select(i => i.GetAttribute("src")!)];
    }

    /// <summary>A picture of the page is the emulator's copy, served under its prefix as an image.</summary>
    private async Task AssertPictureAsync(string src)
    {
        Assert.StartsWith(WeChatAccounts.EmulatorPrefix + "/mmbiz/", src, StringComparison.Ordinal);
        using var response = await cms.Anonymous.GetAsync(new Uri(src, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("image/", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.True((await response.Content.ReadAsByteArrayAsync(Ct)).Length > 100, src);
    }
}

public sealed class FollowerViewSqliteTests(SqliteWeChatCms cms) : FollowerViewTests(cms), IClassFixture<SqliteWeChatCms>;

public sealed class FollowerViewPostgresTests(PostgresWeChatCms cms) : FollowerViewTests(cms), IClassFixture<PostgresWeChatCms>;
