using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;
using PatentWeek.Cms.Tests.Media;

namespace PatentWeek.Cms.BrowserTests;

/// <summary>
/// The "done when" of the first-hour walkthrough: on the embedded default a fresh clone starts with, an editor
/// creates, illustrates, publishes and cross-posts a news item, and types no address after signing in.
/// </summary>
public abstract partial class NewsItemFlowTests(BrowserFixture browser, DatabaseProvider provider)
{
    [Fact]
    public async Task An_editor_creates_illustrates_publishes_and_cross_posts_a_news_item_by_clicking_only()
    {
        browser.RequireBrowser();
        await using var cms = await LiveCms.StartAsync(provider);
        var editorUser = await Staff.CreateUserAsync(cms.App, Roles.Editor);
        var title = "专利周开幕 " + Guid.NewGuid().ToString("N")[..6];
        var editor = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, provider.ToString().ToLowerInvariant() + "-news-item");
        await editor.SignInAsync(editorUser.Email!, Staff.Password);

        // A picture for the body, uploaded in the media library.
        await editor.NavAsync("媒体库");
        await editor.Page.GetByLabel("替代文字").FillAsync("开幕式现场");
        await editor.Page.Locator("#upload-file").SetInputFilesAsync(new FilePayload { Name = "开幕式.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(1600, 900) });
        await Assertions.Expect(editor.Page.Locator(".uploads li").First).ToContainTextAsync("已上传");

        // 新建内容 on the dashboard: a news item, the picture put in the body through the toolbar's 插入图片.
        await editor.NavAsync("工作台");
        await editor.FollowAsync("新建内容");
        Assert.Equal("news", await editor.Page.GetByLabel("类型", new() { Exact = true }).InputValueAsync());
        await editor.Page.GetByLabel("标题", new() { Exact = true }).FillAsync(title);
        var body = editor.Page.GetByLabel("正文（Markdown）");
        await body.FillAsync("## 开幕式\n\n第十三届中国专利周在武汉开幕。");
        // The cursor sits between the heading and the paragraph: the picture goes there as a paragraph of its own.
        await body.EvaluateAsync("area => area.setSelectionRange(7, 7)");
        await editor.ClickAsync("插入图片");
        var picker = editor.Page.GetByRole(AriaRole.Dialog, new() { Name = "插入图片" });
        await picker.GetByRole(AriaRole.Button, new() { Name = "开幕式.jpg" }).ClickAsync();
        await Assertions.Expect(picker).ToBeHiddenAsync();
        Assert.Matches(ImageAtCursor(), await body.InputValueAsync());
        await Assertions.Expect(editor.Page.Locator("#preview img[alt='开幕式现场']")).ToBeVisibleAsync();
        await editor.CheckAsync("illustrated");

        await editor.ClickAsync("保存");
        await editor.Page.WaitForURLAsync(new Regex(@"/admin/content/\d+$"));
        await Assertions.Expect(editor.Page.Locator(".prose img[alt='开幕式现场']")).ToBeVisibleAsync();
        await editor.ClickAsync("发布");
        await Assertions.Expect(editor.Page.Locator(".state")).ToHaveTextAsync("已发布");

        // The public page shows the picture, loaded.
        var visitor = await editor.Page.RunAndWaitForPopupAsync(() => editor.Page.GetByRole(AriaRole.Link, new() { Name = "查看线上页面" }).ClickAsync());
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync(title);
        var picture = visitor.Locator(".prose img[alt='开幕式现场']");
        await picture.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(picture).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await picture.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the body picture did not load on the public page");
        await visitor.CloseAsync();

        // 同步到微信 on the item page; the page refreshes itself while the post is on its way, and the article's
        // link shows there once WeChat has published it, with nothing more pressed.
        await editor.ClickAsync("同步到微信");
        await editor.Page.WaitForURLAsync(new Regex(@"/admin/content/\d+$"));
        var article = editor.Page.GetByRole(AriaRole.Link, new() { Name = "微信文章" });
        await Assertions.Expect(article).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(editor.Page.GetByText("正在同步到微信")).ToHaveCountAsync(0);
        await editor.CheckAsync("cross-posted");
        var wechat = await editor.Page.RunAndWaitForPopupAsync(() => article.ClickAsync());
        await Assertions.Expect(wechat.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"^## 开幕式\n\n!\[开幕式现场\]\(/media/\d+\)\n\n第十三届")]
    private static partial Regex ImageAtCursor();
}

public sealed class NewsItemFlowSqliteTests(BrowserFixture browser) : NewsItemFlowTests(browser, DatabaseProvider.Sqlite);

public sealed class NewsItemFlowPostgresTests(BrowserFixture browser) : NewsItemFlowTests(browser, DatabaseProvider.PostgreSql);
