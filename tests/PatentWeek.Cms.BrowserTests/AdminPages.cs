using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PatentWeek.Cms.BrowserTests;

/// <summary>
/// What a person does in the admin UI, step by step, with a screenshot and an accessibility check of each page.
/// After signing in a person clicks: the top navigation, links and buttons. <see cref="GoAsync"/> is for the
/// sign-in page and for tests whose point is what happens to someone who types an address.
/// </summary>
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

    /// <summary>Clicks a link of the admin's top navigation (工作台, 内容, 媒体库 …) and waits for its page.</summary>
    public Task<IResponse> NavAsync(string name) =>
        FollowAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "管理导航" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }));

    /// <summary>Clicks the first link named exactly <paramref name="name"/> and waits for its page.</summary>
    public Task<IResponse> FollowAsync(string name) => FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).First);

    /// <summary>Clicks a link or button that loads another page, waits for it, and fails unless it answered 200.</summary>
    public async Task<IResponse> FollowAsync(ILocator target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var response = await page.RunAndWaitForResponseAsync(() => target.ClickAsync(), r => r.Request.IsNavigationRequest && r.Frame == page.MainFrame && r.Status is < 300 or >= 400);
        Assert.True(response.Status == 200, $"{name}: {response.Url} answered {response.Status}");
        var url = response.Url;
        await page.WaitForURLAsync(u => u == url);
        return response;
    }

    /// <summary>A card of the page (the dashboard's 我的草稿, 待发布 …), by its heading.</summary>
    public ILocator Card(string heading) =>
        page.Locator("section.card", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }) });

    /// <summary>Finds an item as a person does: 内容, its title as the keyword, 筛选, the title in the list.</summary>
    public async Task OpenItemAsync(string title)
    {
        await NavAsync("内容");
        await page.GetByLabel("关键词").FillAsync(title);
        await FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "筛选", Exact = true }));
        await FollowAsync(page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = title, Exact = true }));
    }

    public async Task ClickAsync(string button) => await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).First.ClickAsync();
}
