using System.Xml.Linq;
using PatentWeek.Cms.Site.Feeds;

namespace PatentWeek.Cms.Tests.Site;

/// <summary>
/// Past the protocol's 50,000 addresses the sitemap becomes an index of files; the split is checked here with a small
/// file size, since a site of 50,001 items is too slow to build in a test.
/// </summary>
public sealed class FeedsSitemapIndexTests
{
    private static readonly XNamespace Ns = Sitemap.Namespace;

    private static readonly SitemapUrl[] Urls =
    [
        .. Enumerable.Range(1, 5).Select(i => new SitemapUrl($"https://zscq.example.cn/news/n{i}", new DateTimeOffset(2019, 11, i, 8, 0, 0, TimeSpan.FromHours(8)))),
    ];

    private static string File(int n) => $"https://zscq.example.cn/sitemap-{n}.xml";

    [Fact]
    public void Addresses_that_fit_in_one_file_are_a_urlset()
    {
        var document = Sitemap.Document(Urls, File, perFile: 5);
        Assert.Equal(Ns + "urlset", document.Root!.Name);
        Assert.Equal(5, document.Root.Elements(Ns + "url").Count());
        // W3C date-time in UTC: 08:00 in Beijing is midnight UTC.
        Assert.Equal("2019-11-01T00:00:00Z", document.Root.Elements(Ns + "url").First().Element(Ns + "lastmod")!.Value);
        Assert.Equal(0, Sitemap.Files(5, perFile: 5));
    }

    [Fact]
    public void More_addresses_than_a_file_holds_make_an_index_of_files_that_hold_them_all_once()
    {
        var index = Sitemap.Document(Urls, File, perFile: 2);
        Assert.Equal(Ns + "sitemapindex", index.Root!.Name);
        var files = index.Root.Elements(Ns + "sitemap").ToList();
        Assert.Equal([File(1), File(2), File(3)], files.Select(f => f.Element(Ns + "loc")!.Value));
        Assert.Equal(3, Sitemap.Files(5, perFile: 2));
        // Each file's lastmod is its newest address's.
        Assert.Equal("2019-11-04T00:00:00Z", files[1].Element(Ns + "lastmod")!.Value);

        var listed = Enumerable.Range(1, 3)
            .SelectMany(n => Sitemap.Document(Urls, File, n, perFile: 2).Root!.Elements(Ns + "url").Select(u => u.Element(Ns + "loc")!.Value))
            .ToList();
        Assert.Equal(Urls.Select(u => u.Location), listed);
    }

    [Fact]
    public void The_limit_is_the_protocol_s() => Assert.Equal(50_000, Sitemap.MaxUrlsPerFile);
}
