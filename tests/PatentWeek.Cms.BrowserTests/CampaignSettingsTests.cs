using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.BrowserTests;

/// <summary>
/// An administrator sets the campaign from 设置 › 报送任务: a later due day for the report, a new metric, and a refused
/// entry shown next to its field; the dashboard and the report's form follow.
/// </summary>
public sealed class CampaignSettingsTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_administrator_moves_the_report_s_due_day_and_adds_a_metric()
    {
        browser.RequireBrowser();
        await using var cms = await LiveCms.StartAsync(DatabaseProvider.Sqlite);
        var adminUser = await Staff.CreateUserAsync(cms.App, Roles.Administrator);
        var admin = await AdminPages.OpenAsync(browser.Browser!, cms.BaseUrl, "campaign-settings");
        var page = admin.Page;
        await admin.GoAsync("/admin/signin");
        await page.GetByLabel("邮箱").FillAsync(adminUser.Email!);
        await page.GetByLabel("密码").FillAsync(Staff.Password);
        await admin.ClickAsync("登录");
        await page.WaitForURLAsync(new Regex("/admin/signin-code"));
        await page.GetByLabel("验证码").FillAsync(await Staff.CodeAsync(cms.App, adminUser));
        await admin.ClickAsync("验证");
        await page.WaitForURLAsync(cms.BaseUrl + "/admin");

        await admin.NavAsync("报送任务");
        await admin.CheckAsync("settings");
        var report = admin.Card("总结报告");
        // A due day before the opening day is refused next to the field, and nothing changes.
        await report.GetByLabel("截止日（北京时间当日 24 时）").FillAsync("2019-11-01");
        await report.GetByRole(AriaRole.Button, new() { Name = "保存总结报告设置" }).ClickAsync();
        await Assertions.Expect(admin.Card("总结报告").Locator(".field-error", new() { HasText = "截止日早于开始日" })).ToBeVisibleAsync();
        await admin.CheckAsync("settings-refused");
        await admin.Card("总结报告").GetByLabel("截止日（北京时间当日 24 时）").FillAsync("2019-12-15");
        await admin.Card("总结报告").GetByRole(AriaRole.Button, new() { Name = "保存总结报告设置" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("已保存总结报告的报送设置。");

        var metrics = admin.Card("总结报告指标");
        var blank = metrics.Locator("tbody tr").Nth(12);
        await blank.GetByLabel("第 13 行代码").FillAsync("trainings");
        await blank.GetByLabel("第 13 行名称").FillAsync("培训人次");
        await blank.GetByLabel("第 13 行单位").FillAsync("人次");
        await blank.GetByLabel("第 13 行看板显示").CheckAsync();
        await metrics.GetByRole(AriaRole.Button, new() { Name = "保存指标" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("已保存总结报告指标。");
        await Assertions.Expect(admin.Card("总结报告指标").Locator("code", new() { HasText = "trainings" })).ToHaveCountAsync(1);
        await admin.CheckAsync("settings-saved");

        // The dashboard counts down to the new day and shows the new metric as a column.
        await admin.NavAsync("报送情况");
        await Assertions.Expect(admin.Card("总结报告")).ToContainTextAsync("截止 2019年12月15日 23:59");
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "培训人次（人次）" })).ToHaveCountAsync(1);
    }
}
