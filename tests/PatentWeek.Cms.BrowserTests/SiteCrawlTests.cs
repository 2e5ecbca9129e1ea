using System.Text.RegularExpressions;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.BrowserTests;

/// <summary>
/// A reader starts at the home page, on a phone, and follows every link of the site: every page answers 200 with
/// nothing on the console, every picture, video, caption, feed and stylesheet it names answers 200, and every
/// page type of the issue is reached by links alone. The first page of each type is then checked at phone and
/// desktop sizes — a screenshot kept and axe with no serious or critical violation. SQLite only: the site reads
/// the same published content on both providers, which the integration tests cover; this is about what a browser
/// shows.
/// </summary>
public sealed partial class SiteCrawlTests(BrowserFixture browser)
{
    /// <summary>Addresses that are not the public site: a reader of the site has no business there.</summary>
    [GeneratedRegex(@"^/(admin|api|preview|scalar|openapi|wechat-emulator|health)(/|$)")]
    private static partial Regex NotTheSite();

    /// <summary>The page types every seed campaign shows, by <see cref="TypeOf"/>; each must be reached by links.</summary>
    private static readonly string[] Expected =
    [
        "home", "news", "news/*", "topic", "topic/*", "video", "video/*", "story", "story/*", "event", "event/*",
        "city", "city/*", "tag/*", "editions", "page/*",
    ];

    [Fact]
    public async Task A_reader_reaches_every_page_type_by_links_from_the_home_page_and_each_is_accessible_on_a_phone_and_a_desktop()
    {
        browser.RequireBrowser();
        await using var cms = await LiveCms.StartAsync(DatabaseProvider.Sqlite);
        await using var phone = await SiteVisitor.OpenAsync(browser.Browser!, SiteVisitor.Phone, "site-crawl");

        var firstOfType = await CrawlAsync(phone, cms.BaseUrl, "");

        var missing = Expected.Where(t => !firstOfType.ContainsKey(t)).ToList();
        Assert.True(missing.Count == 0, $"no link leads to these page types: {string.Join(", ", missing)} (reached: {string.Join(", ", firstOfType.Keys.Order())})");

        await using var desktop = await SiteVisitor.OpenAsync(browser.Browser!, SiteVisitor.Desktop, "site-desktop");
        foreach (var (type, url) in firstOfType.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var step = type.Replace("/*", "-item", StringComparison.Ordinal).Replace("?", "-", StringComparison.Ordinal);
            await phone.VisitAsync(url);
            await phone.CheckAsync(step);
            await desktop.VisitAsync(url);
            await desktop.CheckAsync(step);
        }

        // An item page offers 打印本页 once its script runs; pressing it opens the browser's print (stubbed here, as
        // a headless browser has no print dialog), and the print stylesheet hides the navigation.
        await desktop.VisitAsync(firstOfType["news/*"]);
        var print = desktop.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "打印本页" });
        await Microsoft.Playwright.Assertions.Expect(print).ToBeVisibleAsync();
        await desktop.Page.EvaluateAsync("() => { window.__printed = 0; window.print = () => { window.__printed++; }; }");
        await print.ClickAsync();
        Assert.Equal(1, await desktop.Page.EvaluateAsync<int>("() => window.__printed"));
        await desktop.Page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        Assert.False(await desktop.Page.Locator(".masthead .nav").IsVisibleAsync());
    }

    [Fact]
    public async Task The_font_size_and_contrast_switches_work_by_keyboard_are_remembered_and_stay_accessible()
    {
        browser.RequireBrowser();
        await using var cms = await LiveCms.StartAsync(DatabaseProvider.Sqlite);
        await using var phone = await SiteVisitor.OpenAsync(browser.Browser!, SiteVisitor.Phone, "site-modes");
        var page = phone.Page;
        await phone.VisitAsync(cms.BaseUrl + "/");

        // The first Tab reaches the skip link; Enter moves the reader to the main text.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("跳到正文", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);

        // 大 by keyboard alone: focus moves there by Tab, Enter presses it.
        await TabToAsync(page, "a11y-font-large");
        await page.Keyboard.PressAsync("Enter");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("html")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("a11y-font-large"));
        Assert.Equal("true", await page.Locator("#a11y-font-large").GetAttributeAsync("aria-pressed"));
        Assert.Equal("false", await page.Locator("#a11y-font-medium").GetAttributeAsync("aria-pressed"));
        await TabToAsync(page, "a11y-contrast");
        await page.Keyboard.PressAsync("Space");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("html")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("a11y-contrast"));
        Assert.Equal("true", await page.Locator("#a11y-contrast").GetAttributeAsync("aria-pressed"));
        var fontSize = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.documentElement).fontSize)");
        Assert.True(fontSize >= 19.5, $"大 made the root font {fontSize}px");

        // Remembered in the browser: the next page opens in the same modes, and each page type stays accessible in them.
        foreach (var (step, link) in new[] { ("home", (string?)null), ("news", "新闻动态"), ("cities", "市州") })
        {
            if (link is not null)
                await page.GetByRole(Microsoft.Playwright.AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await page.WaitForLoadStateAsync();
            await Microsoft.Playwright.Assertions.Expect(page.Locator("html")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("a11y-font-large.*a11y-contrast|a11y-contrast.*a11y-font-large"));
            await phone.CheckAsync("large-contrast-" + step);
        }

        // No cookie carries the choice: the server never reads it.
        Assert.Empty(await page.Context.CookiesAsync());
    }

    [Fact]
    public async Task Under_a_path_base_every_link_asset_and_feed_carries_the_prefix()
    {
        browser.RequireBrowser();
        await using var cms = await LiveCms.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Cms:PathBase"] = "/zlz" });
        await using var phone = await SiteVisitor.OpenAsync(browser.Browser!, SiteVisitor.Phone, "site-zlz");
        var firstOfType = await CrawlAsync(phone, cms.BaseUrl, "/zlz");
        var missing = Expected.Where(t => !firstOfType.ContainsKey(t)).ToList();
        Assert.True(missing.Count == 0, $"under /zlz no link leads to: {string.Join(", ", missing)}");
        await phone.VisitAsync(firstOfType["home"]);
        await phone.CheckAsync("home");
    }

    /// <summary>Presses Tab until the element with <paramref name="id"/> has the focus (a keyboard user's way there).</summary>
    private static async Task TabToAsync(Microsoft.Playwright.IPage page, string id)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string>("() => document.activeElement.id") == id)
                return;
        }

        Assert.Fail($"Tab never reached #{id}");
    }

    /// <summary>
    /// Follows every same-site link from the home page under <paramref name="pathBase"/>: each page 200 with a clean
    /// console and under the prefix, each picture, video, caption, feed and stylesheet it names 200. Gives the first page
    /// of each type.
    /// </summary>
    private static async Task<Dictionary<string, string>> CrawlAsync(SiteVisitor phone, string origin, string pathBase)
    {
        var start = origin + pathBase + "/";
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>([start]);
        var resources = new HashSet<string>(StringComparer.Ordinal);
        var firstOfType = new Dictionary<string, string>(StringComparer.Ordinal);
        while (queue.TryDequeue(out var url))
        {
            Assert.True(seen.Count < 600, "the crawl found more than 600 pages: a link generator runs away");
            await phone.VisitAsync(url);
            phone.AssertNoConsoleProblems();
            var uri = new Uri(url);
            Assert.True(uri.AbsolutePath.StartsWith(pathBase + "/", StringComparison.Ordinal), $"{url} is outside the site's prefix {pathBase}");
            firstOfType.TryAdd(TypeOf(uri.AbsolutePath[pathBase.Length..], uri.Query), url);
            foreach (var resource in await phone.ResourcesAsync())
            {
                Assert.True(new Uri(resource).AbsolutePath.StartsWith(pathBase + "/", StringComparison.Ordinal), $"{url} names {resource}, outside the prefix {pathBase}");
                resources.Add(resource);
            }

            foreach (var link in await phone.LinksAsync())
            {
                var path = new Uri(link).AbsolutePath;
                Assert.True(path.StartsWith(pathBase + "/", StringComparison.Ordinal) || path == pathBase, $"{url} links {link}, outside the prefix {pathBase}");
                path = path[pathBase.Length..];
                if (NotTheSite().IsMatch(path))
                    continue;
                if (path.EndsWith(".xml", StringComparison.Ordinal) || path.StartsWith("/media/", StringComparison.Ordinal) || path.EndsWith(".txt", StringComparison.Ordinal))
                    resources.Add(link);
                else if (seen.Add(link))
                    queue.Enqueue(link);
            }
        }

        foreach (var resource in resources)
        {
            var answer = await phone.Page.APIRequest.GetAsync(resource);
            Assert.True(answer.Status == 200, $"{resource} (named on a page) answered {answer.Status}");
        }

        return firstOfType;
    }

    /// <summary>
    /// A page's type from its path: the home page, a kind's list (<c>news</c>), an item of a kind (<c>news/*</c>),
    /// <c>city</c>, <c>city/*</c>, <c>tag/*</c>, <c>editions</c>; an older edition's pages (<c>/12/news</c>) count as
    /// the same types with an <c>edition:</c> prefix, and a further page of a list as <c>news?page</c>.
    /// </summary>
    private static string TypeOf(string path, string query)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        var prefix = "";
        if (segments.Count > 0 && int.TryParse(segments[0], out _))
        {
            prefix = "edition:";
            segments.RemoveAt(0);
        }

        var type = segments.Count switch
        {
            0 => "home",
            1 => segments[0],
            _ => segments[0] + "/*",
        };
        return prefix + type + (query.Contains("page=", StringComparison.Ordinal) ? "?page" : "");
    }
}
