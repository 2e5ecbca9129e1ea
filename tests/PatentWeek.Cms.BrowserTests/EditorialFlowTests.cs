using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data.Content;
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

        // The Wuhan contributor starts from the dashboard's 新建内容; a city's new item is a story.
        var wuhan = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, name + "-wuhan");
        await wuhan.SignInAsync(wuhanUser.Email!, Staff.Password);
        await wuhan.FollowAsync("新建内容");
        await wuhan.CheckAsync("new-story");
        Assert.Equal("story", await wuhan.Page.GetByLabel("类型", new() { Exact = true }).InputValueAsync());
        await wuhan.Page.GetByLabel("标题", new() { Exact = true }).FillAsync(title);
        await wuhan.Page.GetByLabel("正文（Markdown）").FillAsync("## 活动概况\n\n举办了知识产权服务对接活动。");
        await Assertions.Expect(wuhan.Page.Locator("#preview h2")).ToHaveTextAsync("活动概况");
        await wuhan.ClickAsync("保存");
        await wuhan.Page.WaitForURLAsync(new Regex(@"/admin/content/\d+$"));
        var itemUrl = new Uri(wuhan.Page.Url).AbsolutePath;
        await wuhan.CheckAsync("draft");
        await wuhan.ClickAsync("提交审核");
        await Assertions.Expect(wuhan.Page.Locator(".state")).ToHaveTextAsync("待审核");

        // The reviewer, who may not create, is offered no 新建; the review queue is in the navigation.
        var reviewer = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, name + "-reviewer");
        await reviewer.SignInAsync(reviewerUser.Email!, Staff.Password);
        await Assertions.Expect(reviewer.Page.GetByRole(AriaRole.Link, new() { Name = "新建内容" })).ToHaveCountAsync(0);
        await reviewer.NavAsync("审核");
        await reviewer.CheckAsync("review-queue");
        var card = reviewer.Page.Locator("section.review", new() { HasText = title });
        await card.GetByLabel("退回意见").FillAsync("请补充活动数据");
        await card.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Assertions.Expect(reviewer.Page.Locator(".flash")).ToHaveTextAsync("已退回修改。");

        // The contributor finds the story back among the dashboard's drafts, sees the comment, fixes it and resubmits.
        await wuhan.NavAsync("工作台");
        await wuhan.FollowAsync(wuhan.Card("我的草稿").GetByRole(AriaRole.Link, new() { Name = title }));
        await Assertions.Expect(wuhan.Page.GetByRole(AriaRole.Note)).ToContainTextAsync("请补充活动数据");
        await wuhan.CheckAsync("rejected");
        await wuhan.FollowAsync("编辑");
        await wuhan.Page.GetByLabel("正文（Markdown）").FillAsync("## 活动概况\n\n举办了知识产权服务对接活动 3 场。");
        await wuhan.ClickAsync("保存");
        await wuhan.ClickAsync("提交审核");
        await Assertions.Expect(wuhan.Page.Locator(".state")).ToHaveTextAsync("待审核");

        // The reviewer approves it from the dashboard's 待审核 list.
        await reviewer.NavAsync("工作台");
        await reviewer.FollowAsync(reviewer.Card("待审核").GetByRole(AriaRole.Link, new() { Name = title }));
        await reviewer.ClickAsync("通过");
        await Assertions.Expect(reviewer.Page.Locator(".state")).ToHaveTextAsync("已通过");

        // The editor finds it in the dashboard's 待发布 queue and publishes it.
        var editor = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, name + "-editor");
        await editor.SignInAsync(editorUser.Email!, Staff.Password);
        await editor.FollowAsync(editor.Card("待发布").GetByRole(AriaRole.Link, new() { Name = title }));
        Assert.EndsWith(itemUrl, editor.Page.Url, StringComparison.Ordinal);
        await editor.CheckAsync("approved");
        await editor.ClickAsync("发布");
        await Assertions.Expect(editor.Page.Locator(".state")).ToHaveTextAsync("已发布");

        // 查看线上页面 opens the public page, which shows it.
        var visitor = await editor.Page.RunAndWaitForPopupAsync(() => editor.Page.GetByRole(AriaRole.Link, new() { Name = "查看线上页面" }).ClickAsync());
        await visitor.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(visitor.Locator(".prose")).ToContainTextAsync("3 场");
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsPath, $"{name}-public-story.png"), FullPage = true });
        await visitor.CloseAsync();

        // A Huangshi contributor does not find it in the list, and who types its address is refused.
        var huangshi = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, name + "-huangshi");
        await huangshi.SignInAsync(huangshiUser.Email!, Staff.Password);
        await huangshi.NavAsync("内容");
        await Assertions.Expect(huangshi.Page.GetByText(title)).ToHaveCountAsync(0);
        await huangshi.CheckAsync("content-list");
        var denied = await huangshi.Page.GotoAsync(cms.BaseUrl + itemUrl);
        Assert.Equal(404, denied!.Status);
        var edit = await huangshi.Page.GotoAsync(cms.BaseUrl + itemUrl.Replace("/admin/content/", "/admin/content/edit/", StringComparison.Ordinal));
        Assert.Equal(404, edit!.Status);
        await huangshi.Page.GoBackAsync();
        await huangshi.Page.GoBackAsync();
        Assert.EndsWith("/admin/content", huangshi.Page.Url, StringComparison.Ordinal);

        // Signing out ends the session: a typed address leads back to the sign-in page.
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
    public async Task New_content_starts_from_the_dashboard_as_news_for_editors_and_a_story_for_cities_and_reviewers_are_offered_none()
    {
        browser.RequireBrowser();
        await using var cms = await LiveCms.StartAsync(provider);
        var editorUser = await Staff.CreateUserAsync(cms.App, Roles.Editor);
        var wuhanUser = await Staff.CreateUserAsync(cms.App, Roles.CityContributor, "420100");
        var reviewerUser = await Staff.CreateUserAsync(cms.App, Roles.Reviewer);
        var name = provider.ToString().ToLowerInvariant() + "-new";

        // The editor's 新建内容 opens the form on news, and the item is created.
        var editor = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, name + "-editor");
        await editor.SignInAsync(editorUser.Email!, Staff.Password);
        await editor.FollowAsync(editor.Card("我的草稿").GetByRole(AriaRole.Link, new() { Name = "新建内容" }));
        Assert.Equal(cms.BaseUrl + "/admin/content/new", editor.Page.Url);
        await editor.CheckAsync("new-news");
        Assert.Equal("news", await editor.Page.GetByLabel("类型", new() { Exact = true }).InputValueAsync());
        await editor.Page.GetByLabel("标题", new() { Exact = true }).FillAsync("新建按钮的新闻");
        await editor.Page.GetByLabel("正文（Markdown）").FillAsync("从工作台新建。");
        await editor.ClickAsync("保存");
        await editor.Page.WaitForURLAsync(new Regex(@"/admin/content/\d+$"));
        await Assertions.Expect(editor.Page.Locator(".crumbs")).ToContainTextAsync("新闻");
        await using (var db = cms.App.CreateContext())
            Assert.Equal(ContentKind.News, db.ContentItems.Single(i => i.Title == "新建按钮的新闻").Kind);

        // The content list's 新建 leads to the same form.
        await editor.NavAsync("内容");
        await editor.FollowAsync("新建");
        Assert.Equal("news", await editor.Page.GetByLabel("类型", new() { Exact = true }).InputValueAsync());
        // A bookmark of the form's older address still opens it.
        await editor.GoAsync("/admin/content/edit");
        Assert.Equal("news", await editor.Page.GetByLabel("类型", new() { Exact = true }).InputValueAsync());

        // A news form has no event fields; choosing 活动 shows them at once, without a reload, and they are saved.
        await Assertions.Expect(editor.Page.GetByLabel("活动类型")).ToBeHiddenAsync();
        await editor.Page.GetByLabel("类型", new() { Exact = true }).SelectOptionAsync("event");
        await Assertions.Expect(editor.Page.GetByLabel("活动类型")).ToBeVisibleAsync();
        await editor.Page.GetByLabel("标题", new() { Exact = true }).FillAsync("新建表单里的活动");
        await editor.Page.GetByLabel("市州", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "武汉市" });
        await editor.Page.GetByLabel("开始", new() { Exact = true }).FillAsync("2019-11-18T09:30");
        await editor.Page.GetByLabel("活动类型").SelectOptionAsync(new SelectOptionValue { Label = "培训" });
        await editor.Page.GetByLabel("主办单位", new() { Exact = true }).FillAsync("武汉市知识产权局");
        await editor.Page.GetByLabel("正文（Markdown）").FillAsync("活动介绍。");
        await editor.ClickAsync("保存");
        await editor.Page.WaitForURLAsync(new Regex(@"/admin/content/\d+$"));
        await using (var db = cms.App.CreateContext())
        {
            var created = db.ContentItems.Single(i => i.Title == "新建表单里的活动");
            Assert.Equal((ContentKind.Event, "training", "武汉市知识产权局"), (created.Kind, created.EventType, created.Organiser));
        }

        // A city contributor's form starts on a story.
        var wuhan = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, name + "-wuhan");
        await wuhan.SignInAsync(wuhanUser.Email!, Staff.Password);
        await wuhan.FollowAsync("新建内容");
        Assert.Equal("story", await wuhan.Page.GetByLabel("类型", new() { Exact = true }).InputValueAsync());
        await wuhan.NavAsync("内容");
        await wuhan.FollowAsync("新建");
        Assert.Equal("story", await wuhan.Page.GetByLabel("类型", new() { Exact = true }).InputValueAsync());

        // A reviewer is offered neither button, and typing the form's address is refused.
        var reviewer = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, name + "-reviewer");
        await reviewer.SignInAsync(reviewerUser.Email!, Staff.Password);
        await Assertions.Expect(reviewer.Page.GetByRole(AriaRole.Link, new() { Name = "新建内容" })).ToHaveCountAsync(0);
        await reviewer.NavAsync("内容");
        await Assertions.Expect(reviewer.Page.GetByRole(AriaRole.Link, new() { Name = "新建", Exact = true })).ToHaveCountAsync(0);
        await reviewer.GoAsync("/admin/content/new");
        Assert.StartsWith(cms.BaseUrl + "/admin/denied", reviewer.Page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editors_find_approved_items_in_the_dashboard_queue_and_publish_them_there_and_dates_show_the_year()
    {
        browser.RequireBrowser();
        await using var cms = await LiveCms.StartAsync(provider);
        var editorUser = await Staff.CreateUserAsync(cms.App, Roles.Editor);
        var reviewerUser = await Staff.CreateUserAsync(cms.App, Roles.Reviewer);
        var name = provider.ToString().ToLowerInvariant() + "-queue";
        var approved = TestContent.News(TestContent.UniqueSlug("approved"), ContentState.Approved) with { Title = "已通过待发布的新闻" };
        await TestContent.AddAsync(cms.App, approved);
        var archive = TestContent.News(TestContent.UniqueSlug("archive")) with { Title = "2019 年的旧闻", PublishedAt = new DateTime(2019, 11, 30, 2, 0, 0, DateTimeKind.Utc) };
        await TestContent.AddAsync(cms.App, archive);

        var editor = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, name);
        await editor.SignInAsync(editorUser.Email!, Staff.Password);

        // 最近发布 tells a 2019 item from this year's: the date carries the year (Beijing time, 10:00 on 30 November).
        await Assertions.Expect(editor.Card("最近发布").Locator("li", new() { HasText = "2019 年的旧闻" })).ToContainTextAsync("2019-11-30 10:00");

        // The queue lists the approved item; the list behind 全部待发布 is the content list's 已通过 filter.
        var queue = editor.Card("待发布");
        await Assertions.Expect(queue.GetByRole(AriaRole.Link, new() { Name = "已通过待发布的新闻" })).ToBeVisibleAsync();
        await editor.FollowAsync(queue.GetByRole(AriaRole.Link, new() { Name = "全部待发布" }));
        Assert.Equal("approved", await editor.Page.GetByLabel("状态").InputValueAsync());
        await Assertions.Expect(editor.Page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link)).ToHaveTextAsync(["已通过待发布的新闻"]);
        await editor.CheckAsync("approved-list");

        // The editor publishes it from the queue; it leaves the queue.
        await editor.NavAsync("工作台");
        await editor.FollowAsync(editor.Card("待发布").GetByRole(AriaRole.Link, new() { Name = "已通过待发布的新闻" }));
        await editor.ClickAsync("发布");
        await Assertions.Expect(editor.Page.Locator(".state")).ToHaveTextAsync("已发布");
        await editor.NavAsync("工作台");
        await Assertions.Expect(editor.Card("待发布")).ToContainTextAsync("没有已通过待发布的内容。");
        await editor.CheckAsync("queue-empty");

        // A reviewer does not publish, so has no queue.
        var reviewer = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, name + "-reviewer");
        await reviewer.SignInAsync(reviewerUser.Email!, Staff.Password);
        await Assertions.Expect(reviewer.Page.GetByRole(AriaRole.Heading, new() { Name = "待发布" })).ToHaveCountAsync(0);
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
