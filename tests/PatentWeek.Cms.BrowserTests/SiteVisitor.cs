using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PatentWeek.Cms.BrowserTests;

/// <summary>
/// A reader of the public site in one browser context (a phone or a desktop), who notices what a person would:
/// a page that is not 200, a script error or anything the Content-Security-Policy blocked (on the console), and,
/// when asked, what axe finds serious or critical. Each checked page is kept as a screenshot.
/// </summary>
public sealed class SiteVisitor : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly string _name;
    private readonly List<string> _problems = [];
    private int _shot;

    private SiteVisitor(IBrowserContext context, IPage page, string name)
    {
        _context = context;
        Page = page;
        _name = name;
    }

    public IPage Page { get; }

    /// <summary>A phone the size most readers hold (390×844, touch), arriving from WeChat or a browser.</summary>
    public static readonly BrowserNewContextOptions Phone = new()
    {
        Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 1,
    };

    public static readonly BrowserNewContextOptions Desktop = new()
    {
        Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
    };

    public static async Task<SiteVisitor> OpenAsync(IBrowser browser, BrowserNewContextOptions device, string name)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(device);
        // Two cores shared with the other suites: give a page more than Playwright's default 30 s.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        var visitor = new SiteVisitor(context, page, name);
        // Every console error is a broken page: a failed asset (a missing favicon is one), a script error, or what
        // the Content-Security-Policy refused.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                visitor._problems.Add($"{page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => visitor._problems.Add($"{page.Url}: {error}");
        return visitor;
    }

    /// <summary>Opens an address found on the site (a link's target), and fails unless it answered 200.</summary>
    public async Task VisitAsync(string url)
    {
        var response = await Page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.True(response is { Status: 200 }, $"{_name}: {url} answered {response?.Status}");
    }

    /// <summary>
    /// Takes back the console's report of a page that was meant to answer <paramref name="status"/> (a refused form is a
    /// 4xx with its message, and the browser logs every 4xx document); fails unless exactly that was reported.
    /// </summary>
    public void ExpectStatusReported(int status)
    {
        var reported = _problems.RemoveAll(p => p.EndsWith($"Failed to load resource: the server responded with a status of {status} ({ReasonOf(status)})", StringComparison.Ordinal));
        Assert.True(reported == 1, $"{_name}: expected the browser to report one {status}, it reported {reported}");
    }

    private static string ReasonOf(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    /// <summary>Fails on anything the console reported since the last check.</summary>
    public void AssertNoConsoleProblems()
    {
        var problems = string.Join(" | ", _problems);
        _problems.Clear();
        Assert.True(problems.Length == 0, $"{_name}: {problems}");
    }

    /// <summary>Keeps a screenshot of the page and fails on serious or critical accessibility violations.</summary>
    public async Task CheckAsync(string step)
    {
        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ArtifactsPath, $"{_name}-{++_shot:000}-{step}.png"),
            FullPage = true,
        });
        AssertNoConsoleProblems();
        var results = await Page.RunAxe();
        var bad = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"{_name} {step} ({Page.Url}): " + string.Join("; ", bad.Select(v => $"{v.Id}: {v.Help} [{string.Join(", ", v.Nodes.Select(n => n.Html).Take(2))}]")));
    }

    /// <summary>The same-site page links of the current page (absolute, without fragments).</summary>
    public async Task<IReadOnlyList<string>> LinksAsync() =>
        await Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('a[href]')]
                .map(a => a.href.split('#')[0])
                .filter(h => h.startsWith(location.origin))
            """);

    /// <summary>The addresses the page loads or offers besides pages: pictures, videos, captions, feeds, icons.</summary>
    public async Task<IReadOnlyList<string>> ResourcesAsync() =>
        await Page.EvaluateAsync<string[]>("""
            () => [
                ...[...document.querySelectorAll('img[src], source[src], video[src], video[poster], track[src]')]
                    .flatMap(e => [e.src, e.getAttribute('poster') && new URL(e.getAttribute('poster'), location.href).href]),
                ...[...document.querySelectorAll('link[rel~="alternate"][href], link[rel~="icon"][href], link[rel="stylesheet"][href]')].map(l => l.href),
            ].filter(u => u && u.startsWith(location.origin))
            """);

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
