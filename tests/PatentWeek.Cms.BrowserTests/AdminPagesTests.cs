using Microsoft.Playwright;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;
using PatentWeek.Cms.Tests.Media;

namespace PatentWeek.Cms.BrowserTests;

/// <summary>
/// An administrator signs in with the authenticator code and opens every admin page: each renders, has
/// no serious or critical accessibility violation, and is kept as a screenshot, on a laptop and a phone.
/// </summary>
public abstract class AdminPagesTests(BrowserFixture browser, DatabaseProvider provider)
{
    private static readonly string[] Pages =
    [
        "/admin", "/admin/content", "/admin/content/edit", "/admin/media", "/admin/review", "/admin/trash", "/admin/password", "/admin/two-factor",
        "/admin/settings/users", "/admin/settings/cities", "/admin/settings/words", "/admin/settings/audit",
        "/admin/wechat", "/admin/wechat/settings",
    ];

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

        // An item with history, so the item and revision pages have something to show.
        using var api = await Staff.SignInAsync(cms.App, Roles.Editor);
        var id = await api.Client.CreateAsync(new { kind = "news", title = "无障碍检查", body = "第一版" });
        var version = (await api.Client.GetOkAsync($"/api/manage/v1/content/{id}")).GetProperty("version").GetInt32();
        await api.Client.ExpectAsync(System.Net.HttpStatusCode.OK, HttpMethod.Put, $"/api/manage/v1/content/{id}", new { title = "无障碍检查", body = "第二版", version });

        var media = (await api.Client.UploadOkAsync(PatentWeek.Cms.Tests.Media.TestImages.Jpeg(1200, 800), "检查.jpg", alt: "检查")).GetProperty("id").GetInt32();
        await PatentWeek.Cms.Tests.Media.MediaLibraryTests.ReadyAsync(api.Client, media);

        foreach (var path in Pages.Concat([$"/admin/media/{media}", $"/admin/content/{id}", $"/admin/content/edit/{id}", $"/admin/wechat/preview/{id}", $"/admin/content/{id}/revisions"]))
        {
            var response = await page.Page.GotoAsync(cms.BaseUrl + path);
            Assert.True(response!.Status == 200, $"{path} answered {response.Status}");
            await page.CheckAsync(path.Trim('/').Replace('/', '-'));
            Assert.False(await page.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), $"{path} scrolls sideways on a laptop");
        }

        await Assertions.Expect(page.Page.Locator(".d-modified, .d-inserted, .d-deleted").First).ToBeVisibleAsync();

        // The same pages on a phone.
        await page.Page.SetViewportSizeAsync(390, 844);
        foreach (var path in new[] { "/admin", "/admin/content", $"/admin/content/{id}", "/admin/content/edit", "/admin/media", $"/admin/media/{media}" })
        {
            await page.Page.GotoAsync(cms.BaseUrl + path);
            await page.CheckAsync("phone-" + path.Trim('/').Replace('/', '-'));
            var overflow = await page.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, $"{path} scrolls sideways on a phone");
        }
    }
}

public sealed class AdminPagesSqliteTests(BrowserFixture browser) : AdminPagesTests(browser, DatabaseProvider.Sqlite);

public sealed class AdminPagesPostgresTests(BrowserFixture browser) : AdminPagesTests(browser, DatabaseProvider.PostgreSql);
