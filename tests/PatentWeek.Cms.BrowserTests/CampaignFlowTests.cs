using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;
using PatentWeek.Cms.Tests.Media;

namespace PatentWeek.Cms.BrowserTests;

/// <summary>
/// The campaign's paperwork in a real browser, on a clock set to the campaign's days: 武汉 drafts its plan with two
/// events and the stamped scan from its home, submits it a day late and sees 逾期; the office returns it from the
/// dashboard with a comment; 武汉 fixes and resubmits from the notification; the office accepts; 黄石 sees only its own;
/// 武汉 files its report with figures and evidence; the dashboard shows both cities as they are.
/// </summary>
public sealed class CampaignFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_city_plan_late_returned_accepted_and_its_report_filed()
    {
        browser.RequireBrowser();
        var clock = new TestClock();
        clock.SetBeijing(2019, 11, 14, 10, 0, 0);
        await using var cms = await LiveCms.StartAsync(DatabaseProvider.Sqlite, clock: clock);
        var wuhanUser = await Staff.CreateUserAsync(cms.App, Roles.CityContributor, "420100");
        var huangshiUser = await Staff.CreateUserAsync(cms.App, Roles.CityContributor, "420200");
        var reviewerUser = await Staff.CreateUserAsync(cms.App, Roles.Reviewer);
        const string planTitle = "第十三届中国专利周武汉市活动方案";

        // 武汉 starts from its home: the card of what it owes.
        var wuhan = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, "campaign-wuhan");
        await wuhan.SignInAsync(wuhanUser.Email!, Staff.Password);
        var owed = wuhan.Card("第13届专利周报送");
        await Assertions.Expect(owed).ToContainTextAsync("已截止");
        await wuhan.FollowAsync(owed.GetByRole(AriaRole.Link, new() { Name = planTitle }));
        await wuhan.CheckAsync("plan-missing");
        await FillEventAsync(wuhan.Page, 0, "专利质押融资对接会", "2019-12-02", "对接", "武汉光谷会展中心");
        await FillEventAsync(wuhan.Page, 1, "高价值专利培训", "2019-12-03", "培训", "武汉光谷会展中心");
        await wuhan.Page.GetByLabel("官方网站").CheckAsync();
        await wuhan.Page.GetByLabel("联系人").FillAsync("张敏");
        await wuhan.Page.GetByLabel("联系电话").FillAsync("027-86759077");

        // Submitted without the scan: refused next to the field, and what was typed is kept as the draft.
        await wuhan.ClickAsync("提交");
        await Assertions.Expect(wuhan.Page.Locator("#scan-error")).ToContainTextAsync("盖章扫描件");
        await Assertions.Expect(wuhan.Page.Locator("#e1-title")).ToHaveValueAsync("高价值专利培训");
        await wuhan.Page.Locator("#scan").SetInputFilesAsync(new FilePayload { Name = "武汉方案盖章.pdf", MimeType = "application/pdf", Buffer = TestImages.Pdf() });
        await wuhan.ClickAsync("提交");
        await Assertions.Expect(wuhan.Page.Locator(".flash")).ToContainTextAsync("逾期");
        await Assertions.Expect(wuhan.Page.Locator(".status-late").First).ToHaveTextAsync(new Regex("逾期"));
        await wuhan.CheckAsync("plan-submitted-late");

        // The office sees it on the dashboard and returns it with a comment.
        var office = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, "campaign-office");
        await office.SignInAsync(reviewerUser.Email!, Staff.Password);
        await office.NavAsync("报送情况");
        await office.CheckAsync("dashboard");
        var wuhanRow = office.Page.Locator("table.compliance tbody tr", new() { Has = office.Page.GetByRole(AriaRole.Rowheader, new() { Name = "武汉市" }) });
        await Assertions.Expect(wuhanRow).ToContainTextAsync("已提交");
        await Assertions.Expect(wuhanRow).ToContainTextAsync("逾期");
        await office.FollowAsync(wuhanRow.GetByRole(AriaRole.Link, new() { Name = "已提交" }).First);
        await office.Page.GetByLabel("退回意见（写明需要修改的地方）").FillAsync("请写明第二场培训的具体地点。");
        await office.ClickAsync("退回修改");
        await Assertions.Expect(office.Page.Locator(".flash")).ToContainTextAsync("已退回");

        // 武汉 follows the notification, sees the comment, fixes and resubmits.
        await wuhan.NavAsync("工作台");
        await wuhan.FollowAsync(wuhan.Card("通知").GetByRole(AriaRole.Link, new() { Name = "活动方案被退回：请写明第二场培训的具体地点。" }));
        await Assertions.Expect(wuhan.Page.GetByRole(AriaRole.Status, new() { Name = "退回意见" })).ToContainTextAsync("请写明第二场培训的具体地点。");
        await wuhan.Page.Locator("#e1-place").FillAsync("武汉大学法学院报告厅");
        await wuhan.ClickAsync("提交");
        await Assertions.Expect(wuhan.Page.Locator(".flash")).ToContainTextAsync("逾期");

        await office.NavAsync("报送情况");
        await office.FollowAsync(wuhanRow.GetByRole(AriaRole.Link, new() { Name = "已提交" }).First);
        await Assertions.Expect(office.Page.Locator("table.diff").First).ToContainTextAsync("武汉大学法学院报告厅");
        await office.ClickAsync("通过");
        await Assertions.Expect(office.Page.Locator(".flash")).ToHaveTextAsync("已通过。");

        // 武汉 makes its first planned event into an event item, which goes through review like a story.
        await wuhan.NavAsync("工作台");
        await wuhan.FollowAsync(wuhan.Card("第13届专利周报送").GetByRole(AriaRole.Link, new() { Name = planTitle }));
        await Assertions.Expect(wuhan.Page.Locator(".status-accepted").First).ToContainTextAsync("已通过");
        await wuhan.FollowAsync(wuhan.Page.GetByRole(AriaRole.Button, new() { Name = "为“专利质押融资对接会”生成活动条目" }));
        await Assertions.Expect(wuhan.Page.Locator("h1")).ToContainTextAsync("专利质押融资对接会");
        await wuhan.CheckAsync("event-item");

        // 黄石 sees its own paperwork only, and no dashboard.
        var huangshi = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, "campaign-huangshi");
        await huangshi.SignInAsync(huangshiUser.Email!, Staff.Password);
        await Assertions.Expect(huangshi.Card("第13届专利周报送")).ToContainTextAsync("第十三届中国专利周黄石市活动方案");
        await Assertions.Expect(huangshi.Card("第13届专利周报送")).Not.ToContainTextAsync("武汉");
        await Assertions.Expect(huangshi.Page.GetByRole(AriaRole.Link, new() { Name = "报送情况" })).ToHaveCountAsync(0);

        // 武汉 files its report in the week after; weeks later, both sign in again.
        clock.SetBeijing(2019, 12, 10, 15, 0, 0);
        await wuhan.SignInAsync(wuhanUser.Email!, Staff.Password);
        await wuhan.FollowAsync(wuhan.Card("第13届专利周报送").GetByRole(AriaRole.Link, new() { Name = "武汉市第十三届中国专利周活动总结报告" }));
        // The system's own counts start the prefilled figures (editable), with the count shown beside.
        var counted = await wuhan.Page.Locator("table.metrics tr", new() { Has = wuhan.Page.Locator("#metric-events-held") }).Locator("td").Nth(1).InnerTextAsync();
        Assert.Matches(@"^\d+$", counted);
        await Assertions.Expect(wuhan.Page.Locator("#metric-events-held")).ToHaveValueAsync(counted);
        foreach (var (label, text) in Sections)
            await wuhan.Page.GetByLabel(label, new() { Exact = true }).FillAsync(text);
        foreach (var (key, value) in Figures)
            await wuhan.Page.Locator($"#metric-{key}").FillAsync(value);
        await wuhan.Page.Locator("#r0-outlet").FillAsync("湖北日报");
        await wuhan.Page.Locator("#r0-title").FillAsync("武汉专利周成果丰硕");
        await wuhan.Page.Locator("#r0-date").FillAsync("2019-12-05");
        await wuhan.Page.Locator("#r0-url").FillAsync("https://news.example.cn/2019/12/05/zlz.html");
        await wuhan.Page.Locator("#evidence-highlights").SetInputFilesAsync(new FilePayload { Name = "成效证明.pdf", MimeType = "application/pdf", Buffer = TestImages.Pdf() });
        await wuhan.Page.Locator("#scan").SetInputFilesAsync(new FilePayload { Name = "总结盖章.pdf", MimeType = "application/pdf", Buffer = TestImages.Pdf() });
        await wuhan.ClickAsync("提交");
        await Assertions.Expect(wuhan.Page.Locator(".flash")).ToHaveTextAsync("已提交，请等待省局审核。");
        await wuhan.CheckAsync("report-submitted");

        // The dashboard: 武汉 accepted (late) and its report in with its figures; 黄石 owes everything.
        await office.SignInAsync(reviewerUser.Email!, Staff.Password);
        await office.NavAsync("报送情况");
        await Assertions.Expect(wuhanRow).ToContainTextAsync("已通过");
        await Assertions.Expect(wuhanRow).ToContainTextAsync("1280.50");
        var huangshiRow = office.Page.Locator("table.compliance tbody tr", new() { Has = office.Page.GetByRole(AriaRole.Rowheader, new() { Name = "黄石市" }) });
        await Assertions.Expect(huangshiRow).ToContainTextAsync("未报送");
        await Assertions.Expect(huangshiRow).ToContainTextAsync("活动方案、");
        await office.CheckAsync("dashboard-after");

        // An editor reminds 黄石 from its row and exports the province's summary.
        var editorUser = await Staff.CreateUserAsync(cms.App, Roles.Editor);
        var editor = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, "campaign-editor");
        await editor.SignInAsync(editorUser.Email!, Staff.Password);
        await editor.NavAsync("报送情况");
        await editor.ClickAsync("提醒黄石市");
        await Assertions.Expect(editor.Page.Locator(".flash")).ToHaveTextAsync("已提醒 1 个市州。");
        await editor.FollowAsync("全省总结（打印版与导出）");
        await editor.CheckAsync("summary");
        await Assertions.Expect(editor.Page.Locator("article.summary")).ToContainTextAsync("1280.5");
        var word = await editor.Page.RunAndWaitForDownloadAsync(() => editor.Page.GetByRole(AriaRole.Link, new() { Name = "下载 Word 草稿" }).ClickAsync());
        Assert.EndsWith(".docx", word.SuggestedFilename, StringComparison.Ordinal);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(await word.PathAsync(), false))
            Assert.Contains("专利交易金额 1280.5 万元", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        var excel = await editor.Page.RunAndWaitForDownloadAsync(() => editor.Page.GetByRole(AriaRole.Link, new() { Name = "下载 Excel 数据" }).ClickAsync());
        Assert.Equal("第13届中国专利周各市州数据.xlsx", excel.SuggestedFilename);
        Assert.True(new FileInfo(await excel.PathAsync()).Length > 1000);

        // 黄石 finds the reminder on its home.
        await huangshi.SignInAsync(huangshiUser.Email!, Staff.Password);
        await Assertions.Expect(huangshi.Card("通知")).ToContainTextAsync("省局提醒：请尽快提交第十三届中国专利周黄石市活动方案");
    }

    private static readonly (string Label, string Text)[] Sections =
    [
        ("一、专利周开展总体情况", "全市举办主题活动两场。"),
        ("二、宣传报道情况", "媒体报道一篇。"),
        ("三、专利交易与服务对接情况", "促成专利交易 12 件。"),
        ("四、成效和亮点", "质押融资取得突破。"),
        ("五、经验和不足", "宣传覆盖面仍需扩大。"),
        ("六、下一步工作建议", "建立常态化对接机制。"),
    ];

    private static readonly (string Key, string Value)[] Figures =
    [
        ("events-held", "2"), ("participants", "350"), ("stories-published", "0"), ("media-reports", "1"), ("online-reads", "12000"),
        ("transactions", "12"), ("transaction-amount", "1280.50"), ("pledge-deals", "3"), ("pledge-amount", "5000"), ("matchmaking", "2"),
        ("consultations", "40"), ("agency-aid", "5"),
    ];

    private static async Task FillEventAsync(IPage page, int row, string title, string date, string type, string place)
    {
        await page.Locator($"#e{row}-title").FillAsync(title);
        await page.Locator($"#e{row}-date").FillAsync(date);
        await page.Locator($"#e{row}-type").SelectOptionAsync(new SelectOptionValue { Label = type });
        await page.Locator($"#e{row}-place").FillAsync(place);
        await page.Locator($"#e{row}-org").FillAsync("武汉市知识产权局");
        await page.Locator($"#e{row}-people").FillAsync("200");
    }
}
