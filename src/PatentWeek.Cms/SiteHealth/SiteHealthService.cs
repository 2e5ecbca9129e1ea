using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.SiteHealth;

/// <summary>
/// Runs the site-health report: the database checks, then the crawl of the public site, and turns what the crawl
/// found into findings that point at the item to fix. The admin page and the <c>site-health</c> command both call
/// <see cref="RunAsync"/>; the last report is kept in memory for the admin page (it is cheap to run again, and a
/// restart losing it costs one click).
/// </summary>
public sealed partial class SiteHealthService(
    ContentHealthChecks checks, SiteCrawler crawler, CmsDbContext db, PublicUrls urls, IHttpClientFactory clients,
    IOptions<SiteHealthOptions> options, SiteHealthResults results, TimeProvider time)
{
    public const string SiteClient = "site-health-site";

    /// <summary>The site the crawl walks: <c>Cms:SiteHealth:CrawlBaseUrl</c>, else the site's public address.</summary>
    public Uri CrawlBase(string? asked = null)
    {
        var url = asked ?? options.Value.CrawlBaseUrl;
        if (string.IsNullOrWhiteSpace(url))
            return urls.BaseUrl;
        return new Uri(url.EndsWith('/') ? url : url + "/");
    }

    /// <summary>A real HTTP client on <paramref name="baseUrl"/>, as the server and the command crawl.</summary>
    public HttpClient ClientFor(Uri baseUrl)
    {
        var client = clients.CreateClient(SiteClient);
        client.BaseAddress = baseUrl;
        return client;
    }

    /// <summary>Runs every check; <paramref name="site"/> is where the crawl fetches pages (its base address is the site's root).</summary>
    public async Task<SiteHealthReport> RunAsync(HttpClient site, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        var findings = new List<HealthFinding>(await checks.RunAsync(cancellationToken));
        var crawl = await crawler.CrawlAsync(site, [urls.BaseUrl.Authority], cancellationToken);
        findings.AddRange(await LinkFindingsAsync(crawl, cancellationToken));
        if (crawl.Capped)
        {
            findings.Add(new(HealthSeverity.Notice, HealthCheck.BrokenLink,
                $"网站页面超过 {options.Value.MaxPages} 个，本次只检查了前 {crawl.PagesCrawled} 个页面。", "/admin/site-health"));
        }

        var report = new SiteHealthReport(
            BeijingTime.Now(time),
            findings.OrderByDescending(f => f.Severity).ThenBy(f => f.Check).ToList(),
            crawl.PagesCrawled, crawl.LinksChecked, crawl.Capped);
        results.Last = report;
        return report;
    }

    private async Task<List<HealthFinding>> LinkFindingsAsync(CrawlResult crawl, CancellationToken cancellationToken)
    {
        var findings = new List<HealthFinding>();
        foreach (var link in crawl.Internal)
        {
            var what = link.IsPage ? "链接" : "图片、视频或附件";
            // The home page itself not answering is the worst finding of all: the site is down.
            if (link.FoundOn.Count == 0)
            {
                findings.Add(new(HealthSeverity.Error, HealthCheck.BrokenLink, $"网站首页 {link.Url} 无法访问（{link.Reason}）。", link.Url));
                continue;
            }

            foreach (var page in link.FoundOn)
                findings.Add(new(HealthSeverity.Error, HealthCheck.BrokenLink, $"页面 {page} 上的{what} {link.Url} 打不开（{link.Reason}）。", await FixUrlAsync(page, cancellationToken), page));
        }

        foreach (var link in crawl.External)
        {
            foreach (var page in link.FoundOn)
                findings.Add(new(HealthSeverity.Warning, HealthCheck.ExternalLink, $"页面 {page} 上的外部链接 {link.Url} 打不开（{link.Reason}）。", await FixUrlAsync(page, cancellationToken), page));
        }

        return findings;
    }

    /// <summary>Where a link on a page is fixed: the admin page of the item the page shows, else the page itself.</summary>
    private async Task<string> FixUrlAsync(string page, CancellationToken cancellationToken)
    {
        var match = ItemPath().Match(page);
        if (!match.Success || !ContentKinds.TryParseKind(match.Groups["kind"].Value, out var kind))
            return page;
        var slug = Uri.UnescapeDataString(match.Groups["slug"].Value);
        var editions = db.Editions.AsNoTracking();
        var edition = match.Groups["edition"].Success && int.TryParse(match.Groups["edition"].Value, out var number)
            ? editions.Where(e => e.Number == number)
            : editions.OrderByDescending(e => e.IsCurrent).ThenByDescending(e => e.Number).Take(1);
        var id = await db.ContentItems.AsNoTracking()
            .Where(i => i.Kind == kind && i.Slug == slug && i.DeletedAt == null && edition.Any(e => e.Id == i.EditionId))
            .Select(i => (int?)i.Id).FirstOrDefaultAsync(cancellationToken);
        return id is { } found ? $"/admin/content/{found}" : page;
    }

    [GeneratedRegex(@"/(?:(?<edition>\d+)/)?(?<kind>[a-z]+)/(?<slug>[^/?#]+)$")]
    private static partial Regex ItemPath();
}

/// <summary>The last report, kept for the admin page between runs.</summary>
public sealed class SiteHealthResults
{
    public SiteHealthReport? Last { get; set; }
}
