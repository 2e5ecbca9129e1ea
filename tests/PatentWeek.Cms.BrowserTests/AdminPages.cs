using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PatentWeek.Cms.BrowserTests;

/// <summary>What a person does in the admin UI, step by step, with a screenshot and an accessibility check of each page.</summary>
public sealed class AdminPages(IPage page, string baseUrl, string name)
{
    private readonly List<string> _policyViolations = [];
    private int _shot;

    public IPage Page => page;

    public static async Task<AdminPages> OpenAsync(IBrowser browser, string baseUrl, string name)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        // The test run shares two cores between both suites, image rendering and several browsers: give a
        // page more than Playwright's default 30 s before calling it stuck.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        var pages = new AdminPages(page, baseUrl, name);
        // Chromium reports what the Content-Security-Policy blocked on the console: any of it is a broken page.
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                pages._policyViolations.Add(message.Text);
        };
        return pages;
    }

    public async Task GoAsync(string path)
    {
        var response = await page.GotoAsync(baseUrl + path);
        Assert.NotNull(response);
    }

    public async Task SignInAsync(string email, string password)
    {
        await GoAsync("/admin/signin");
        await CheckAsync("signin");
        await page.GetByLabel("邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(baseUrl + "/admin");
        await CheckAsync("dashboard");
    }

    /// <summary>Saves a screenshot and fails on serious or critical axe violations of the current page.</summary>
    public async Task CheckAsync(string step)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ArtifactsPath, $"{name}-{++_shot:00}-{step}.png"),
            FullPage = true,
        });
        Assert.True(_policyViolations.Count == 0, $"{name} {step} ({page.Url}): the security policy blocked: {string.Join(" | ", _policyViolations)}");
        var results = await page.RunAxe();
        var bad = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"{name} {step} ({page.Url}): " + string.Join("; ", bad.Select(v => $"{v.Id}: {v.Help} [{string.Join(", ", v.Nodes.Select(n => n.Html).Take(2))}]")));
    }

    public async Task ClickAsync(string button) => await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).First.ClickAsync();
}
