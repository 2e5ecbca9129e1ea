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

        var origin = cms.BaseUrl;
        var seen = new HashSet<string>(StringComparer.Ordinal) { origin + "/" };
        var queue = new Queue<string>([origin + "/"]);
        var resources = new HashSet<string>(StringComparer.Ordinal);
        var firstOfType = new Dictionary<string, string>(StringComparer.Ordinal);
        while (queue.TryDequeue(out var url))
        {
            Assert.True(seen.Count < 600, "the crawl found more than 600 pages: a link generator runs away");
            await phone.VisitAsync(url);
            phone.AssertNoConsoleProblems();
            firstOfType.TryAdd(TypeOf(new Uri(url).AbsolutePath, new Uri(url).Query), url);
            foreach (var resource in await phone.ResourcesAsync())
                resources.Add(resource);
            foreach (var link in await phone.LinksAsync())
            {
                var path = new Uri(link).AbsolutePath;
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
