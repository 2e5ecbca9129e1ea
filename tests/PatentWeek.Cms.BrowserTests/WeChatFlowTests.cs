using Microsoft.Playwright;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.BrowserTests;

/// <summary>
/// The "done when", in a real browser on the embedded mode as a fresh clone runs it: an editor previews a
/// published item as WeChat will show it, cross-posts it with one click, sees the article appear in the hosted
/// emulator's follower view, and finds its address back on the item (admin and public page). SQLite only: the
/// pipeline's database work is covered on both providers by the API tests; this test is about the clicks.
/// </summary>
public sealed class WeChatFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_editor_cross_posts_a_published_item_and_finds_the_article_in_the_follower_view_and_on_the_item()
    {
        browser.RequireBrowser();
        await using var cms = await LiveCms.StartAsync(DatabaseProvider.Sqlite);
        var editorUser = await Staff.CreateUserAsync(cms.App, Roles.Editor);
        var title = "专利周开幕式 " + Guid.NewGuid().ToString("N")[..6];
        var slug = TestContent.UniqueSlug("opening");
        var item = await TestContent.AddAsync(cms.App, new ContentFields
        {
            Kind = ContentKind.News, Edition = 13, Title = title, Slug = slug, Summary = "第十三届中国专利周今天开幕。",
            Body = "## 开幕式\n\n详见[国家知识产权局通知](https://www.cnipa.gov.cn/art/2019/11/1.html)。",
            Author = "省知识产权局", State = ContentState.Published, PublishedAt = DateTime.UtcNow,
        });

        var editor = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, "wechat");
        await editor.SignInAsync(editorUser.Email!, Staff.Password);
        await editor.GoAsync($"/admin/content/{item.Id}");
        await Assertions.Expect(editor.Page.GetByText("尚未同步到微信")).ToBeVisibleAsync();
        await editor.CheckAsync("item");

        // The phone preview is what will be sent: the outside link is a numbered footnote.
        await editor.Page.GetByRole(AriaRole.Link, new() { Name = "微信预览" }).ClickAsync();
        await editor.Page.WaitForURLAsync(cms.BaseUrl + $"/admin/wechat/preview/{item.Id}");
        await Assertions.Expect(editor.Page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await Assertions.Expect(editor.Page.FrameLocator("iframe").GetByText("参考链接")).ToBeVisibleAsync();
        await editor.CheckAsync("preview");

        await editor.ClickAsync("同步到微信");
        await editor.Page.WaitForURLAsync(cms.BaseUrl + "/admin/wechat");
        await editor.CheckAsync("posts");

        // The job runs in the background; the item page shows the article once WeChat has published it.
        string? articleUrl = null;
        for (var i = 0; i < 60 && articleUrl is null; i++)
        {
            await editor.GoAsync($"/admin/content/{item.Id}");
            var link = editor.Page.GetByRole(AriaRole.Link, new() { Name = "微信文章" });
            if (await link.CountAsync() > 0)
                articleUrl = await link.GetAttributeAsync("href");
            else
                await Task.Delay(500, TestContext.Current.CancellationToken);
        }

        Assert.NotNull(articleUrl);
        await Assertions.Expect(editor.Page.GetByText("已发布").First).ToBeVisibleAsync();
        await Assertions.Expect(editor.Page.GetByRole(AriaRole.Button, new() { Name = "更新并重新发布" })).ToBeVisibleAsync();
        await editor.CheckAsync("item-published");

        // The follower view of the hosted emulator lists the article; its own page opens at the URL the item holds.
        await editor.GoAsync("/wechat-emulator/");
        await Assertions.Expect(editor.Page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await editor.Page.GotoAsync(new Uri(new Uri(cms.BaseUrl), articleUrl).AbsoluteUri);
        await Assertions.Expect(editor.Page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();

        // And the public page links to it.
        await editor.GoAsync($"/news/{slug}");
        var read = editor.Page.GetByRole(AriaRole.Link, new() { Name = "在微信阅读" });
        Assert.Equal(articleUrl, await read.GetAttributeAsync("href"));
    }
}
