using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.BrowserTests;

/// <summary>
/// The editorial round trip in a real browser: a Wuhan contributor drafts and submits a story, a reviewer
/// rejects it with a comment, the contributor fixes and resubmits, the reviewer approves, an editor
/// publishes, the public page shows it — and a Huangshi contributor cannot open it.
/// </summary>
public abstract partial class EditorialFlowTests(BrowserFixture browser, DatabaseProvider provider)
{
    [Fact]
    public async Task A_city_story_from_draft_to_the_public_site()
    {
        browser.RequireBrowser();
        await using var cms = await LiveCms.StartAsync(provider);
        var wuhanUser = await Staff.CreateUserAsync(cms.App, Roles.CityContributor, "420100");
        var huangshiUser = await Staff.CreateUserAsync(cms.App, Roles.CityContributor, "420200");
        var reviewerUser = await Staff.CreateUserAsync(cms.App, Roles.Reviewer);
        var editorUser = await Staff.CreateUserAsync(cms.App, Roles.Editor);
        var name = provider.ToString().ToLowerInvariant();
        var title = "武汉市专利周亮点（浏览器测试）";

        // The Wuhan contributor drafts and submits.
        var wuhan = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, name + "-wuhan");
        await wuhan.SignInAsync(wuhanUser.Email!, Staff.Password);
        await wuhan.GoAsync("/admin/content/edit");
        await wuhan.CheckAsync("new-story");
        await wuhan.Page.GetByLabel("标题", new() { Exact = true }).FillAsync(title);
        await wuhan.Page.GetByLabel("正文（Markdown）").FillAsync("## 活动概况\n\n举办了知识产权服务对接活动。");
        await Assertions.Expect(wuhan.Page.Locator("#preview h2")).ToHaveTextAsync("活动概况");
        await wuhan.ClickAsync("保存");
        await wuhan.Page.WaitForURLAsync(new Regex(@"/admin/content/\d+$"));
        var itemUrl = new Uri(wuhan.Page.Url).AbsolutePath;
        await wuhan.CheckAsync("draft");
        await wuhan.ClickAsync("提交审核");
        await Assertions.Expect(wuhan.Page.Locator(".state")).ToHaveTextAsync("待审核");

        // The reviewer rejects it with a comment.
        var reviewer = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, name + "-reviewer");
        await reviewer.SignInAsync(reviewerUser.Email!, Staff.Password);
        await reviewer.GoAsync("/admin/review");
        await reviewer.CheckAsync("review-queue");
        var card = reviewer.Page.Locator("section.review", new() { HasText = title });
        await card.GetByLabel("退回意见").FillAsync("请补充活动数据");
        await card.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Assertions.Expect(reviewer.Page.Locator(".flash")).ToHaveTextAsync("已退回修改。");

        // The contributor sees the comment, fixes the story and resubmits.
        await wuhan.GoAsync(itemUrl);
        await Assertions.Expect(wuhan.Page.GetByRole(AriaRole.Note)).ToContainTextAsync("请补充活动数据");
        await wuhan.CheckAsync("rejected");
        await wuhan.Page.GetByRole(AriaRole.Link, new() { Name = "编辑" }).ClickAsync();
        await wuhan.Page.GetByLabel("正文（Markdown）").FillAsync("## 活动概况\n\n举办了知识产权服务对接活动 3 场。");
        await wuhan.ClickAsync("保存");
        await wuhan.ClickAsync("提交审核");
        await Assertions.Expect(wuhan.Page.Locator(".state")).ToHaveTextAsync("待审核");

        // The reviewer approves; the editor publishes.
        await reviewer.GoAsync(itemUrl);
        await reviewer.ClickAsync("通过");
        await Assertions.Expect(reviewer.Page.Locator(".state")).ToHaveTextAsync("已通过");
        var editor = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, name + "-editor");
        await editor.SignInAsync(editorUser.Email!, Staff.Password);
        await editor.GoAsync(itemUrl);
        await editor.CheckAsync("approved");
        await editor.ClickAsync("发布");
        await Assertions.Expect(editor.Page.Locator(".state")).ToHaveTextAsync("已发布");

        // The public page shows it.
        var publicUrl = await editor.Page.GetByRole(AriaRole.Link, new() { Name = "查看线上页面" }).GetAttributeAsync("href");
        var visitor = await browser.Browser!.NewPageAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 390, Height = 844 } });
        await visitor.GotoAsync(cms.BaseUrl + publicUrl);
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(visitor.Locator(".prose")).ToContainTextAsync("3 场");
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsPath, $"{name}-public-story.png"), FullPage = true });

        // A Huangshi contributor cannot open it, nor find it in the list.
        var huangshi = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, name + "-huangshi");
        await huangshi.SignInAsync(huangshiUser.Email!, Staff.Password);
        var denied = await huangshi.Page.GotoAsync(cms.BaseUrl + itemUrl);
        Assert.Equal(404, denied!.Status);
        var edit = await huangshi.Page.GotoAsync(cms.BaseUrl + itemUrl.Replace("/admin/content/", "/admin/content/edit/", StringComparison.Ordinal));
        Assert.Equal(404, edit!.Status);
        await huangshi.GoAsync("/admin/content");
        await Assertions.Expect(huangshi.Page.GetByText(title)).ToHaveCountAsync(0);
        await huangshi.CheckAsync("content-list");

        // Signing out ends the session.
        await huangshi.ClickAsync("退出");
        await huangshi.Page.WaitForURLAsync(cms.BaseUrl + "/admin/signin");
        await huangshi.GoAsync("/admin/content");
        Assert.StartsWith(cms.BaseUrl + "/admin/signin", huangshi.Page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_generated_password_must_be_changed_at_the_first_sign_in()
    {
        browser.RequireBrowser();
        await using var cms = await LiveCms.StartAsync(provider);
        var user = await Staff.CreateUserAsync(cms.App, Roles.Editor);
        await using (var db = cms.App.CreateContext())
        {
            var row = db.Users.Single(u => u.Id == user.Id);
            row.MustChangePassword = true;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var page = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, provider.ToString().ToLowerInvariant() + "-password");
        await page.GoAsync("/admin/signin");
        await page.Page.GetByLabel("邮箱").FillAsync(user.Email!);
        await page.Page.GetByLabel("密码").FillAsync(Staff.Password);
        await page.ClickAsync("登录");
        await page.Page.WaitForURLAsync(cms.BaseUrl + "/admin/password");
        await page.CheckAsync("must-change");
        await page.GoAsync("/admin/content");
        Assert.EndsWith("/admin/password", page.Page.Url, StringComparison.Ordinal);

        await page.Page.GetByLabel("当前密码").FillAsync(Staff.Password);
        await page.Page.GetByLabel("新密码（至少 10 位，含大小写字母和数字）").FillAsync("short");
        await page.Page.GetByLabel("再次输入新密码").FillAsync("short");
        await page.ClickAsync("保存新密码");
        await Assertions.Expect(page.Page.Locator(".field-validation-error").First).ToContainTextAsync("10");
        await page.CheckAsync("weak-password");

        await page.Page.GetByLabel("当前密码").FillAsync(Staff.Password);
        await page.Page.GetByLabel("新密码（至少 10 位，含大小写字母和数字）").FillAsync("Brand-new-Pass-7");
        await page.Page.GetByLabel("再次输入新密码").FillAsync("Brand-new-Pass-7");
        await page.ClickAsync("保存新密码");
        await page.Page.WaitForURLAsync(cms.BaseUrl + "/admin");
        await Assertions.Expect(page.Page.Locator(".flash")).ToHaveTextAsync("密码已修改。");
    }

    [Fact]
    public async Task Forms_without_the_antiforgery_token_are_refused()
    {
        browser.RequireBrowser();
        await using var cms = await LiveCms.StartAsync(provider);
        var user = await Staff.CreateUserAsync(cms.App, Roles.Editor);
        var page = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, provider.ToString().ToLowerInvariant() + "-csrf");
        await page.SignInAsync(user.Email!, Staff.Password);
        var response = await page.Page.APIRequest.PostAsync(cms.BaseUrl + "/admin/content/edit", new() { Form = page.Page.APIRequest.CreateFormData().Set("Form.Title", "伪造").Set("Form.Kind", "news") });
        Assert.Equal(400, response.Status);
        await using var db = cms.App.CreateContext();
        Assert.DoesNotContain(db.ContentItems, i => i.Title == "伪造");
    }
}

public sealed class EditorialFlowSqliteTests(BrowserFixture browser) : EditorialFlowTests(browser, DatabaseProvider.Sqlite);

public sealed class EditorialFlowPostgresTests(BrowserFixture browser) : EditorialFlowTests(browser, DatabaseProvider.PostgreSql);
