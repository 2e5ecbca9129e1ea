using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Tests.Infrastructure;
using PatentWeek.Cms.Tests.Media;

namespace PatentWeek.Cms.Tests.WeChat;

/// <summary>
/// Cross-posting end to end against the hosted emulator, over HTTP both ways: a news item, a story with photos and an
/// outside link, a video, a multi-article post, and the rules around them (409 in flight or unchanged, republish after
/// an edit, titles too long for WeChat, who may do it).
/// </summary>
public abstract class CrossPostFlowTests(WeChatCms cms)
{
    private static readonly int[] NoSuchItem = [0];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_news_item_is_published_once_and_its_article_url_comes_back_to_the_item_page()
    {
        cms.RequireProvider();
        var title = "专利周开幕 " + Guid.NewGuid().ToString("N")[..6];
        var item = await cms.PublishedAsync(title, "## 开幕式\n\n今天上午，第十三届中国专利周在武汉开幕。");

        var accepted = await cms.CrossPostAsync(item.Id);
        Assert.Equal("queued", accepted.GetProperty("status").GetString());
        var post = await cms.SettledAsync(item.Id);

        Assert.Equal("published", post.GetProperty("status").GetString());
        Assert.Equal(["queued", "uploading", "draft-requested", "drafted", "submit-requested", "submitted", "published"], WeChatCms.StepNames(post));
        var url = post.GetProperty("articleUrl").GetString()!;
        var articles = await cms.PublishedArticlesAsync(title);
        var article = Assert.Single(articles);
        Assert.Equal(url, article.GetProperty("url").GetString());
        Assert.Contains("开幕式", article.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains("style=", article.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await cms.DraftsTitledAsync(title)); // a published draft leaves the draft box

        // The public page links to the article, and the article opens in the emulator's follower view.
        var page = await cms.Anonymous.GetStringAsync(new Uri($"/news/{item.Slug}", UriKind.Relative), Ct);
        using var html = await new HtmlParser().ParseDocumentAsync(page, Ct);
        var link = html.QuerySelectorAll("a").Single(a => a.TextContent == "在微信阅读");
        Assert.Equal(url, link.GetAttribute("href"));
        var follower = await cms.Anonymous.GetStringAsync(new Uri(url, UriKind.RelativeOrAbsolute), Ct);
        Assert.Contains(title, follower, StringComparison.Ordinal);
        var api = await cms.Anonymous.GetStringAsync(new Uri($"/api/v1/content/news/{item.Slug}", UriKind.Relative), Ct);
        Assert.Equal(url, JsonDocument.Parse(api).RootElement.GetProperty("weChatUrl").GetString());
    }

    [Fact]
    public async Task Asking_again_while_in_flight_or_when_unchanged_sends_nothing_and_an_edit_republishes_replacing_the_old_article()
    {
        cms.RequireProvider();
        var title = "重复同步 " + Guid.NewGuid().ToString("N")[..6];
        var item = await cms.PublishedAsync(title);

        await cms.CrossPostAsync(item.Id);
        var busy = await cms.Editor.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/manage/v1/content/{item.Id}/wechat");
        Assert.NotEqual("published", busy.GetProperty("wechatStatus").GetString());
        var first = await cms.SettledAsync(item.Id);
        var unchanged = await cms.Editor.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/manage/v1/content/{item.Id}/wechat");
        Assert.Equal("published", unchanged.GetProperty("wechatStatus").GetString());
        Assert.Single(await cms.PublishedArticlesAsync(title));

        // An edit of the published item: cross-posting again publishes the new version and deletes the old article.
        await using (var db = cms.App.CreateContext())
        {
            var row = await db.ContentItems.FindAsync([item.Id], Ct);
            row!.Html = "<p>更正后的正文。</p>";
            await db.SaveChangesAsync(Ct);
        }

        var again = await cms.CrossPostAsync(item.Id);
        Assert.Equal(first.GetProperty("id").GetInt64(), again.GetProperty("replacesPostId").GetInt64());
        var second = await cms.SettledAsync(item.Id);
        Assert.Equal("published", second.GetProperty("status").GetString());
        Assert.Contains("replaced", WeChatCms.StepNames(second));
        var live = Assert.Single(await cms.PublishedArticlesAsync(title));
        Assert.Contains("更正后的正文", live.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(first.GetProperty("articleUrl").GetString(), second.GetProperty("articleUrl").GetString());
        using var old = await cms.Anonymous.GetAsync(new Uri(first.GetProperty("articleUrl").GetString()!, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }

    [Fact]
    public async Task A_story_with_photos_and_an_outside_link_sends_uploaded_pictures_a_cover_with_crops_and_footnotes()
    {
        cms.RequireProvider();
        var first = (await cms.Editor.UploadOkAsync(TestImages.Jpeg(1600, 900), "a.jpg", alt: "开幕式现场")).GetProperty("id").GetInt32();
        var second = (await cms.Editor.UploadOkAsync(TestImages.Png(800, 800), "b.png", alt: "展台")).GetProperty("id").GetInt32();
        var title = "武汉亮点 " + Guid.NewGuid().ToString("N")[..6];
        var item = await cms.PublishedAsync(title,
            $"![开幕式现场](/media/{first})\n\n详见[国家知识产权局通知](https://www.cnipa.gov.cn/art/2019/11/1.html)。\n\n![展台](/media/{second})",
            ContentKind.Story, cover: $"/media/{first}", city: "420100");
        var client = await cms.ClientAsync();
        var imagesBefore = (await client.Materials.CountAsync(Ct)).ImageCount;

        await cms.CrossPostAsync(item.Id);
        var post = await cms.SettledAsync(item.Id);

        Assert.Equal("published", post.GetProperty("status").GetString());
        var article = Assert.Single(await cms.PublishedArticlesAsync(title));
        var content = article.GetProperty("content").GetString()!;
        using var html = await new HtmlParser().ParseDocumentAsync(content, Ct);
        var sources = html.QuerySelectorAll("img").Select(i => i.GetAttribute("src")!).ToList();
        Assert.Equal(2, sources.Count);
        Assert.All(sources, s => Assert.StartsWith("http://mmbiz.qpic.cn/", s, StringComparison.Ordinal));
        Assert.Contains("参考链接", content, StringComparison.Ordinal);
        Assert.Contains("https://www.cnipa.gov.cn/art/2019/11/1.html", content, StringComparison.Ordinal);
        Assert.Empty(html.QuerySelectorAll("a"));
        // The cover went up once as permanent material; the same picture in the body is an uploadimg of its own.
        Assert.Equal(imagesBefore + 1, (await client.Materials.CountAsync(Ct)).ImageCount);

        // A second item with the same cover reuses the upload.
        var other = await cms.PublishedAsync("同封面 " + Guid.NewGuid().ToString("N")[..6], cover: $"/media/{first}");
        await cms.CrossPostAsync(other.Id);
        Assert.Equal("published", (await cms.SettledAsync(other.Id)).GetProperty("status").GetString());
        Assert.Equal(imagesBefore + 1, (await client.Materials.CountAsync(Ct)).ImageCount);
    }

    [Fact]
    public async Task A_video_item_becomes_an_article_with_its_poster_as_cover_and_read_more_pointing_at_the_video_page()
    {
        cms.RequireProvider();
        var clip = await MediaOnSiteTests.VideoClipAsync();
        var video = (await cms.Editor.UploadOkAsync(clip, "film.mp4", title: "宣传片")).GetProperty("id").GetInt32();
        var title = "宣传片 " + Guid.NewGuid().ToString("N")[..6];
        var item = await cms.PublishedAsync(title, "本届专利周宣传片。", ContentKind.Video, cover: $"/media/{video}");

        var preview = await cms.Editor.GetOkAsync($"/api/manage/v1/content/{item.Id}/wechat/preview");
        Assert.EndsWith($"/video/{item.Slug}", preview.GetProperty("contentSourceUrl").GetString(), StringComparison.Ordinal);
        Assert.EndsWith(".jpg", preview.GetProperty("coverUrl").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<video", preview.GetProperty("content").GetString(), StringComparison.Ordinal);

        await cms.CrossPostAsync(item.Id);
        var post = await cms.SettledAsync(item.Id, seconds: 60);
        Assert.Equal("published", post.GetProperty("status").GetString());
        Assert.Single(await cms.PublishedArticlesAsync(title));
    }

    [Fact]
    public async Task Several_items_go_as_one_multi_article_post_in_order()
    {
        cms.RequireProvider();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var a = await cms.PublishedAsync("第一篇 " + tag);
        var b = await cms.PublishedAsync("第二篇 " + tag);

        var accepted = await cms.Editor.ExpectAsync(HttpStatusCode.Accepted, HttpMethod.Post, "/api/manage/v1/wechat/posts", new { items = new[] { a.Id, b.Id } });
        var postId = accepted.GetProperty("id").GetInt64();
        await cms.SettledAsync(a.Id);

        var post = await cms.Editor.GetOkAsync($"/api/manage/v1/wechat/posts/{postId}");
        Assert.Equal("published", post.GetProperty("status").GetString());
        var job = (await cms.InspectAsync()).GetProperty("published").EnumerateArray()
            .Single(j => j.GetProperty("articles").EnumerateArray().Any(x => x.GetProperty("title").GetString() == "第一篇 " + tag));
        Assert.Equal(["第一篇 " + tag, "第二篇 " + tag], job.GetProperty("articles").EnumerateArray().Select(x => x.GetProperty("title").GetString()));
        var urls = post.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("articleUrl").GetString()).ToList();
        Assert.Equal(2, urls.Distinct().Count());
        Assert.Equal(urls[1], (await cms.Editor.GetOkAsync($"/api/manage/v1/content/{b.Id}/wechat")).GetProperty("articleUrl").GetString());
    }

    [Fact]
    public async Task Requests_WeChat_cannot_take_are_refused_with_reasons_and_nothing_is_sent()
    {
        cms.RequireProvider();
        var longTitle = "第十三届中国专利周湖北省知识产权局系列宣传活动暨全省专利转化运用成果展示会隆重开幕" + Guid.NewGuid().ToString("N")[..4];
        var item = await cms.PublishedAsync(longTitle);
        var tooLong = await cms.Editor.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, $"/api/manage/v1/content/{item.Id}/wechat");
        Assert.Contains("微信标题", tooLong.GetProperty("errors").GetProperty("item")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await cms.Editor.SendAsync(HttpMethod.Get, $"/api/manage/v1/content/{item.Id}/wechat")).Status);

        // With a WeChat title of its own, the same item goes.
        var shortTitle = "专利周开幕 " + Guid.NewGuid().ToString("N")[..6];
        var titled = await cms.PublishedAsync(longTitle + "（二）", weChatTitle: shortTitle);
        await cms.CrossPostAsync(titled.Id);
        Assert.Equal("published", (await cms.SettledAsync(titled.Id)).GetProperty("status").GetString());
        Assert.Single(await cms.PublishedArticlesAsync(shortTitle));

        var draft = await TestContent.AddAsync(cms.App, TestContent.News(TestContent.UniqueSlug("draft"), ContentState.Draft));
        await cms.Editor.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"/api/manage/v1/content/{draft.Id}/wechat");
        await cms.Editor.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, "/api/manage/v1/content/999999/wechat");
        await cms.Editor.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, "/api/manage/v1/content/-1/wechat");
        await cms.Editor.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Post, "/api/manage/v1/wechat/posts", new { items = NoSuchItem });
        var nine = Enumerable.Range(0, 9).Select(_ => titled.Id).ToArray();
        await cms.Editor.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/manage/v1/wechat/posts", new { items = nine });
        await cms.Editor.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, "/api/manage/v1/wechat/posts", new { items = Array.Empty<int>() });

        // Only editors and administrators cross-post; the others are refused before anything happens.
        foreach (var role in new[] { Roles.Reviewer, Roles.CityContributor })
        {
            using var member = await Staff.SignInAsync(cms.App, role, role == Roles.CityContributor ? "420100" : null);
            var other = await cms.PublishedAsync("无权同步 " + role, city: "420100");
            Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.SendAsync(HttpMethod.Post, $"/api/manage/v1/content/{other.Id}/wechat")).Status);
        }

        using var anonymous = await cms.Anonymous.PostAsync(new Uri($"/api/manage/v1/content/{item.Id}/wechat", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}

public sealed class CrossPostFlowSqliteTests(SqliteWeChatCms cms) : CrossPostFlowTests(cms), IClassFixture<SqliteWeChatCms>;

public sealed class CrossPostFlowPostgresTests(PostgresWeChatCms cms) : CrossPostFlowTests(cms), IClassFixture<PostgresWeChatCms>;
