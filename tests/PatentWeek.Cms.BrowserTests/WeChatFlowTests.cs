using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;
using PatentWeek.Cms.Tests.Media;

namespace PatentWeek.Cms.BrowserTests;

/// <summary>
/// The issue's "done when", in a real browser on the embedded mode as a fresh clone runs it: an editor goes from the
/// dashboard to a published item, previews it as WeChat will show it (every footnote whole), cross-posts it with one
/// click, sees the article with its cover and body picture in the hosted emulator's follower view, finds its address
/// back on the item (admin and public page), and is offered to send it again only after an edit. SQLite only: the
/// pipeline's database work is covered on both providers by the API tests; this test is about the clicks.
/// </summary>
public sealed class WeChatFlowTests(BrowserFixture browser)
{
    private static readonly string[] Links =
    [
        "国家知识产权局通知：https://www.cnipa.gov.cn/art/2019/11/1.html",
        "湖北省知识产权局：https://zscqj.hubei.gov.cn/",
        "活动报名：https://www.example.cn/patent-week/signup?from=wechat",
    ];

    [Fact]
    public async Task An_editor_cross_posts_a_published_item_and_finds_the_article_in_the_follower_view_and_on_the_item()
    {
        browser.RequireBrowser();
        await using var cms = await LiveCms.StartAsync(DatabaseProvider.Sqlite);
        var editorUser = await Staff.CreateUserAsync(cms.App, Roles.Editor);
        using var uploader = await Staff.SignInAsync(cms.App, Roles.Editor);
        var cover = (await uploader.Client.UploadOkAsync(TestImages.Jpeg(1200, 600), "cover.jpg", alt: "开幕式")).GetProperty("id").GetInt32();
        var photo = (await uploader.Client.UploadOkAsync(TestImages.Png(640, 480), "photo.png", alt: "展台")).GetProperty("id").GetInt32();
        var title = "专利周开幕式 " + Guid.NewGuid().ToString("N")[..6];
        var slug = TestContent.UniqueSlug("opening");
        // Long enough that the footnotes come well below the first screen of the phone.
        var filler = string.Concat(Enumerable.Range(1, 25).Select(i => $"第 {i} 段：各市州围绕知识产权助推实体经济高质量发展的主题开展活动。\n\n"));
        var item = await TestContent.AddAsync(cms.App, new ContentFields
        {
            Kind = ContentKind.News, Edition = 13, Title = title, Slug = slug, Summary = "第十三届中国专利周今天开幕。", Cover = $"/media/{cover}",
            Body = $"## 开幕式\n\n![展台](/media/{photo})\n\n详见[国家知识产权局通知](https://www.cnipa.gov.cn/art/2019/11/1.html)。\n\n{filler}"
                + "另见[湖北省知识产权局](https://zscqj.hubei.gov.cn/)与[活动报名](https://www.example.cn/patent-week/signup?from=wechat)。",
            Author = "省知识产权局", State = ContentState.Published, PublishedAt = DateTime.UtcNow,
        });

        // From the dashboard to the item, by clicking.
        var editor = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, "wechat");
        await editor.SignInAsync(editorUser.Email!, Staff.Password);
        await OpenItemAsync(editor, title);
        await Assertions.Expect(editor.Page.GetByText("尚未同步到微信")).ToBeVisibleAsync();
        await Assertions.Expect(WeChatButton(editor, "同步到微信")).ToBeVisibleAsync();
        await Assertions.Expect(WeChatButton(editor, "更新并重新发布")).ToHaveCountAsync(0);
        await editor.CheckAsync("item");

        // The phone preview is what will be sent: the outside links are numbered footnotes, every one shown whole.
        await editor.Page.GetByRole(AriaRole.Link, new() { Name = "微信预览" }).ClickAsync();
        await editor.Page.WaitForURLAsync(cms.BaseUrl + $"/admin/wechat/preview/{item.Id}");
        await Assertions.Expect(editor.Page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        var phone = editor.Page.Locator(".phone");
        await Assertions.Expect(phone.GetByText("参考链接", new() { Exact = true })).ToBeVisibleAsync();
        var phoneBox = (await phone.BoundingBoxAsync())!;
        for (var i = 0; i < Links.Length; i++)
        {
            var note = phone.GetByText($"[{i + 1}] {Links[i]}", new() { Exact = true });
            await Assertions.Expect(note).ToBeVisibleAsync();
            var box = (await note.BoundingBoxAsync())!;
            Assert.True(box.Y >= phoneBox.Y && box.Y + box.Height <= phoneBox.Y + phoneBox.Height && box.X + box.Width <= phoneBox.X + phoneBox.Width + 1,
                $"footnote {i + 1} lies outside the phone ({box.X},{box.Y} {box.Width}×{box.Height} in {phoneBox.Width}×{phoneBox.Height})");
        }

        await editor.CheckAsync("preview");

        await editor.ClickAsync("同步到微信");
        await editor.Page.WaitForURLAsync(cms.BaseUrl + "/admin/wechat");
        await editor.CheckAsync("posts");

        // The job runs in the background; the item page shows the article once WeChat has published it.
        await OpenItemAsync(editor, title);
        var articleLink = editor.Page.GetByRole(AriaRole.Link, new() { Name = "微信文章" });
        for (var i = 0; i < 60 && await articleLink.CountAsync() == 0; i++)
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            await editor.Page.ReloadAsync();
        }

        var articleUrl = await articleLink.GetAttributeAsync("href");
        Assert.NotNull(articleUrl);
        await Assertions.Expect(editor.Page.GetByText("已发布").First).ToBeVisibleAsync();
        // Nothing changed since the post: no button that would send it again, but a word saying so.
        await Assertions.Expect(editor.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "已同步到微信，发布后没有改动" })).ToBeVisibleAsync();
        await Assertions.Expect(WeChatButton(editor, "更新并重新发布")).ToHaveCountAsync(0);
        await Assertions.Expect(WeChatButton(editor, "同步到微信")).ToHaveCountAsync(0);
        await editor.CheckAsync("item-published");

        // The article at the address the item holds, opened from its link: the body picture loaded.
        var article = await editor.Page.RunAndWaitForPopupAsync(() => articleLink.ClickAsync());
        await Assertions.Expect(article.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        Assert.True(await BodyPictureWidthAsync(article.Locator("iframe")) > 0, "the article page's body picture did not load");
        await article.CloseAsync();

        // The follower view of the hosted emulator, opened from the WeChat page: the card's cover and the body picture loaded.
        await editor.Page.GetByRole(AriaRole.Navigation, new() { Name = "管理导航" }).GetByRole(AriaRole.Link, new() { Name = "微信", Exact = true }).ClickAsync();
        var follower = await editor.Page.RunAndWaitForPopupAsync(() => editor.Page.GetByRole(AriaRole.Link, new() { Name = "打开模拟器（关注者视图）" }).ClickAsync());
        var card = follower.Locator("article", new() { Has = follower.GetByRole(AriaRole.Heading, new() { Name = title }) });
        var coverImage = card.Locator("img.cover");
        await Assertions.Expect(coverImage).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await coverImage.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the follower view's cover did not load");
        Assert.True(await BodyPictureWidthAsync(card.Locator("iframe")) > 0, "the follower view's body picture did not load");
        await follower.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsPath, "wechat-follower-view.png"), FullPage = true });
        await follower.CloseAsync();

        // The public page links to the article.
        var visitor = await browser.Browser!.NewPageAsync(new() { Locale = "zh-CN" });
        await visitor.GotoAsync(cms.BaseUrl + $"/news/{slug}");
        Assert.Equal(articleUrl, await visitor.GetByRole(AriaRole.Link, new() { Name = "在微信阅读" }).GetAttributeAsync("href"));
        await visitor.CloseAsync();

        // After an edit is published, the item offers to send the change.
        await OpenItemAsync(editor, title);
        await editor.Page.GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();
        var body = editor.Page.GetByLabel("正文（Markdown）");
        await body.FillAsync(await body.InputValueAsync() + "\n\n补充：开幕式后举办了专利转化对接会。");
        await editor.ClickAsync("保存");
        await editor.Page.WaitForURLAsync(new Regex(@"/admin/content/\d+$"));
        await editor.ClickAsync("发布");
        await Assertions.Expect(editor.Page.Locator(".flash")).ToHaveTextAsync("已发布。");
        await Assertions.Expect(WeChatButton(editor, "更新并重新发布")).ToBeVisibleAsync();
        await Assertions.Expect(editor.Page.GetByText("已同步到微信，发布后没有改动")).ToHaveCountAsync(0);
        await editor.CheckAsync("item-edited");
    }

    private static async Task OpenItemAsync(AdminPages editor, string title)
    {
        await editor.Page.GetByRole(AriaRole.Navigation, new() { Name = "管理导航" }).GetByRole(AriaRole.Link, new() { Name = "内容", Exact = true }).ClickAsync();
        await editor.Page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await editor.Page.WaitForURLAsync(new Regex(@"/admin/content/\d+$"));
    }

    private static ILocator WeChatButton(AdminPages editor, string name) =>
        editor.Page.Locator("section.card", new() { Has = editor.Page.GetByRole(AriaRole.Heading, new() { Name = "微信", Exact = true }) })
            .GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>
    /// The natural width of the first picture in an article frame, once it has finished loading (0 when broken). Read
    /// from the page, since the frame runs no script of its own.
    /// </summary>
    private static async Task<int> BodyPictureWidthAsync(ILocator frame)
    {
        var element = await frame.ElementHandleAsync();
        await frame.Page.WaitForFunctionAsync("f => { const i = f.contentDocument && f.contentDocument.querySelector('img'); return !!i && i.complete; }", element);
        return await frame.EvaluateAsync<int>("f => f.contentDocument.querySelector('img').naturalWidth");
    }
}
