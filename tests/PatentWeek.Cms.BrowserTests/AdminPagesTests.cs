using Microsoft.Playwright;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;
using PatentWeek.Cms.Tests.Media;

namespace PatentWeek.Cms.BrowserTests;

/// <summary>
/// An administrator signs in with the authenticator code and reaches every admin page the way a person does,
/// by the navigation and the links on the pages: each renders, has no serious or critical accessibility
/// violation, does not scroll sideways, and is kept as a screenshot, on a laptop and a phone.
/// </summary>
public abstract class AdminPagesTests(BrowserFixture browser, DatabaseProvider provider)
{
    private const string ItemTitle = "无障碍检查";

    [Fact]
    public async Task Every_admin_page_renders_and_passes_axe_for_an_administrator_signed_in_with_two_factor()
    {
        browser.RequireBrowser();
        await using var cms = await LiveCms.StartAsync(provider);
        var admin = await Staff.CreateUserAsync(cms.App, Roles.Administrator);
        var name = provider.ToString().ToLowerInvariant() + "-admin";

        var page = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, name);
        await page.GoAsync("/admin/signin");
        await page.Page.GetByLabel("邮箱").FillAsync(admin.Email!);
        await page.Page.GetByLabel("密码").FillAsync(Staff.Password);
        await page.ClickAsync("登录");
        await page.Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/admin/signin-code"));
        await page.CheckAsync("code");
        await page.Page.GetByLabel("验证码").FillAsync("000000");
        await page.ClickAsync("验证");
        await Assertions.Expect(page.Page.Locator(".field-validation-error")).ToContainTextAsync("验证码不正确");
        await page.Page.GetByLabel("验证码").FillAsync(await Staff.CodeAsync(cms.App, admin));
        await page.ClickAsync("验证");
        await page.Page.WaitForURLAsync(cms.BaseUrl + "/admin");

        // A published item with history, so the item, revision and WeChat preview pages have something to show.
        using var api = await Staff.SignInAsync(cms.App, Roles.Editor);
        var id = await api.Client.CreateAsync(new { kind = "news", title = ItemTitle, body = "第一版" });
        var version = (await api.Client.GetOkAsync($"/api/manage/v1/content/{id}")).GetProperty("version").GetInt32();
        await api.Client.ExpectAsync(System.Net.HttpStatusCode.OK, HttpMethod.Put, $"/api/manage/v1/content/{id}", new { title = ItemTitle, body = "第二版", version });
        await api.Client.PostAsync($"/api/manage/v1/content/{id}/publish");

        var media = (await api.Client.UploadOkAsync(TestImages.Jpeg(1200, 800), "检查.jpg", alt: "检查")).GetProperty("id").GetInt32();
        await MediaLibraryTests.ReadyAsync(api.Client, media);

        // Every page, reached by clicking from the one before.
        var steps = new (string Step, Func<Task> Reach)[]
        {
            ("dashboard", () => page.NavAsync("工作台")),
            ("content", () => page.NavAsync("内容")),
            ("content-new", () => page.FollowAsync("新建")),
            ("content-item", () => page.OpenItemAsync(ItemTitle)),
            ("content-revisions", () => page.FollowAsync("修订历史")),
            ("content-item-again", () => page.FollowAsync("返回内容")),
            ("content-edit", () => page.FollowAsync("编辑")),
            ("content-item-wechat", () => page.OpenItemAsync(ItemTitle)),
            ("wechat-preview", () => page.FollowAsync("微信预览")),
            ("media", () => page.NavAsync("媒体库")),
            ("media-item", () => page.FollowAsync(page.Page.Locator(".media-grid a", new() { HasText = "检查.jpg" }))),
            ("review", () => page.NavAsync("审核")),
            ("wechat", () => page.NavAsync("微信")),
            ("wechat-settings", () => page.FollowAsync("公众号设置")),
            ("trash", () => page.NavAsync("回收站")),
            ("users", () => page.NavAsync("用户")),
            ("cities", () => page.NavAsync("市州")),
            ("words", () => page.NavAsync("敏感词")),
            ("audit", () => page.NavAsync("审计日志")),
            ("password", () => page.FollowAsync("修改密码")),
            ("two-factor", () => page.FollowAsync("双因素登录")),
        };
        foreach (var (step, reach) in steps)
        {
            await reach();
            await page.CheckAsync(step);
            Assert.False(await page.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), $"{step} ({page.Page.Url}) scrolls sideways on a laptop");
            if (step == "content-revisions")
                await Assertions.Expect(page.Page.Locator(".d-modified, .d-inserted, .d-deleted").First).ToBeVisibleAsync();
        }

        // The same pages on a phone.
        await page.Page.SetViewportSizeAsync(390, 844);
        var phoneSteps = new (string Step, Func<Task> Reach)[]
        {
            ("dashboard", () => page.NavAsync("工作台")),
            ("content", () => page.NavAsync("内容")),
            ("content-new", () => page.FollowAsync("新建")),
            ("content-item", () => page.OpenItemAsync(ItemTitle)),
            ("content-edit", () => page.FollowAsync("编辑")),
            ("media", () => page.NavAsync("媒体库")),
            ("media-item", () => page.FollowAsync(page.Page.Locator(".media-grid a", new() { HasText = "检查.jpg" }))),
        };
        foreach (var (step, reach) in phoneSteps)
        {
            await reach();
            await page.CheckAsync("phone-" + step);
            Assert.False(await page.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), $"{step} ({page.Page.Url}) scrolls sideways on a phone");
        }
    }
}

public sealed class AdminPagesSqliteTests(BrowserFixture browser) : AdminPagesTests(browser, DatabaseProvider.Sqlite);

public sealed class AdminPagesPostgresTests(BrowserFixture browser) : AdminPagesTests(browser, DatabaseProvider.PostgreSql);
