using System.Collections.Concurrent;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Options;

namespace PatentWeek.Cms.SiteHealth;

/// <summary>A link that did not answer, why, and the pages it is on.</summary>
public sealed record BrokenLink(string Url, string Reason, bool IsPage, IReadOnlyList<string> FoundOn);

public sealed record CrawlResult(int PagesCrawled, int LinksChecked, bool Capped, IReadOnlyList<BrokenLink> Internal, IReadOnlyList<BrokenLink> External);

/// <summary>
/// Walks the public site as a visitor's browser would: from <c>/</c> along every same-site <c>href</c>, loading each
/// picture, video, caption and attachment it shows, each address once. Pages are fetched with GET and read; what is
/// not a page is asked with HEAD (GET when HEAD is not allowed). Links to other sites are collected and asked once
/// each afterwards, with their own concurrency cap and a timeout, since a slow portal elsewhere must not stall the
/// run. The client it is given decides where the site is: the server's own public address, or the test server.
/// </summary>
public sealed class SiteCrawler(IHttpClientFactory clients, IOptions<SiteHealthOptions> options)
{
    public const string ExternalClient = "site-health-external";

    private static readonly string[] PageExtensions = ["", ".html", ".htm"];

    public async Task<CrawlResult> CrawlAsync(HttpClient site, IReadOnlyCollection<string> siteHosts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(siteHosts);
        var settings = options.Value;
        var root = site.BaseAddress ?? throw new ArgumentException("The site client needs a base address.", nameof(site));
        var run = new Run(root, siteHosts);

        // Under a PathBase the site starts at its prefix (/zlz/), not at the server's root.
        var frontier = new List<string> { root.AbsolutePath };
        run.Seen.TryAdd(root.AbsolutePath, 0);
        var pages = 0;
        var capped = false;
        while (frontier.Count > 0 && !cancellationToken.IsCancellationRequested)
        {
            if (pages + frontier.Count > settings.MaxPages)
            {
                frontier = frontier.Take(settings.MaxPages - pages).ToList();
                capped = true;
            }

            pages += frontier.Count;
            var next = new ConcurrentBag<string>();
            await ForEachAsync(frontier, settings.Concurrency, async (path, ct) =>
            {
                foreach (var found in await VisitPageAsync(site, run, path, ct))
                    next.Add(found);
            }, cancellationToken);
            frontier = capped ? [] : next.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        }

        // Pictures, videos and attachments, once each, after the pages that show them are known.
        await ForEachAsync(run.Resources.Keys.ToList(), settings.Concurrency, async (path, ct) =>
        {
            if (await ProbeAsync(site, new Uri(path, UriKind.Relative), ct) is { } reason)
                run.Broken[path] = (reason, false);
        }, cancellationToken);

        var external = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var outside = clients.CreateClient(ExternalClient);
        await ForEachAsync(run.External.Keys.ToList(), settings.ExternalConcurrency, async (url, ct) =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(settings.ExternalTimeoutSeconds));
            try
            {
                if (await ProbeAsync(outside, new Uri(url), timeout.Token) is { } reason)
                    external[url] = reason;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                external[url] = $"{settings.ExternalTimeoutSeconds} 秒内无响应";
            }
        }, cancellationToken);

        return new CrawlResult(
            pages,
            run.Seen.Count + run.Resources.Count + run.External.Count - 1,
            capped,
            run.Broken.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => new BrokenLink(b.Key, b.Value.Reason, b.Value.IsPage, run.PagesOf(b.Key))).ToList(),
            external.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => new BrokenLink(b.Key, b.Value, false, run.PagesOf(b.Key))).ToList());
    }

    /// <summary>Loads one page; gives the same-site pages it links to that no one has asked for yet.</summary>
    private static async Task<List<string>> VisitPageAsync(HttpClient site, Run run, string path, CancellationToken cancellationToken)
    {
        string html;
        try
        {
            using var response = await site.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                run.Broken[path] = (Status(response.StatusCode), true);
                return [];
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
                return [];
            html = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            run.Broken[path] = (Unreachable(e), true);
            return [];
        }

        var document = new HtmlParser().ParseDocument(html);
        var pageUrl = new Uri(run.Root, path);
        var pages = new List<string>();
        void Add(string? link, bool isResource)
        {
            if (string.IsNullOrWhiteSpace(link) || !Uri.TryCreate(pageUrl, link.Trim(), out var url) || url.Scheme is not ("http" or "https"))
                return;
            if (!run.IsSite(url))
            {
                run.Found(run.External, url.GetLeftPart(UriPartial.Query), path);
                return;
            }

            var local = url.PathAndQuery;
            if (!isResource && PageExtensions.Contains(Path.GetExtension(url.AbsolutePath), StringComparer.OrdinalIgnoreCase))
            {
                run.Refer(local, path);
                if (run.Seen.TryAdd(local, 0))
                    pages.Add(local);
            }
            else
            {
                run.Found(run.Resources, local, path);
            }
        }

        foreach (var a in document.QuerySelectorAll("a[href]"))
            Add(a.GetAttribute("href"), isResource: false);
        foreach (var media in document.QuerySelectorAll("img[src], video[src], audio[src], source[src], track[src], iframe[src], script[src]"))
            Add(media.GetAttribute("src"), isResource: true);
        foreach (var video in document.QuerySelectorAll("video[poster]"))
            Add(video.GetAttribute("poster"), isResource: true);
        foreach (var link in document.QuerySelectorAll("link[href]").Where(l => l.GetAttribute("rel") is "stylesheet" or "icon" or "apple-touch-icon"))
            Add(link.GetAttribute("href"), isResource: true);
        return pages;
    }

    /// <summary>Why an address does not answer, or null when it does. HEAD first; GET when the server does not take HEAD.</summary>
    private static async Task<string?> ProbeAsync(HttpClient client, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using (var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), HttpCompletionOption.ResponseHeadersRead, cancellationToken))
            {
                if (head.IsSuccessStatusCode)
                    return null;
                if (head.StatusCode is not (HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented or HttpStatusCode.Forbidden))
                    return Status(head.StatusCode);
            }

            using var get = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return get.IsSuccessStatusCode ? null : Status(get.StatusCode);
        }
        catch (HttpRequestException e)
        {
            return Unreachable(e);
        }
    }

    private static string Status(HttpStatusCode status) => $"HTTP {(int)status}";

    private static string Unreachable(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.ConnectionError => "无法连接",
        HttpRequestError.NameResolutionError => "域名无法解析",
        HttpRequestError.SecureConnectionError => "安全连接失败",
        _ => "请求失败",
    };

    private static Task ForEachAsync<T>(IEnumerable<T> items, int concurrency, Func<T, CancellationToken, ValueTask> body, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, body);

    /// <summary>What one crawl has seen so far; shared by its parallel requests.</summary>
    private sealed class Run(Uri root, IReadOnlyCollection<string> siteHosts)
    {
        private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _referrers = new(StringComparer.Ordinal);

        public Uri Root { get; } = root;
        public ConcurrentDictionary<string, byte> Seen { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, byte> Resources { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, byte> External { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, (string Reason, bool IsPage)> Broken { get; } = new(StringComparer.Ordinal);

        /// <summary>The crawled server, or the site's public host (an absolute link to ourselves is still our link).</summary>
        public bool IsSite(Uri url) =>
            string.Equals(url.Authority, Root.Authority, StringComparison.OrdinalIgnoreCase)
            || siteHosts.Contains(url.Authority, StringComparer.OrdinalIgnoreCase);

        public void Found(ConcurrentDictionary<string, byte> set, string url, string page)
        {
            set.TryAdd(url, 0);
            Refer(url, page);
        }

        public void Refer(string url, string page) => _referrers.GetOrAdd(url, _ => new(StringComparer.Ordinal)).TryAdd(page, 0);

        public List<string> PagesOf(string url) =>
            _referrers.TryGetValue(url, out var pages) ? pages.Keys.Order(StringComparer.Ordinal).ToList() : [];
    }
}
