using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Tests.Infrastructure;
using PatentWeek.Cms.Tests.Media;

namespace PatentWeek.Cms.Tests.Site;

/// <summary>
/// The feeds, sitemap, robots.txt and favicon as a reader, a crawler and a browser fetch them: every feed is parsed
/// back with <see cref="SyndicationFeed"/>, the sitemap with <see cref="XDocument"/>, and each address in them is
/// fetched from the host.
/// </summary>
public abstract class FeedsTests(AppFixture fixture)
{
    private const string Origin = "https://zscq.example.cn";
    private static readonly XNamespace SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client => fixture.Client;

    private async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string url, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        headers?.Invoke(request.Headers);
        var response = await Client.SendAsync(request, Ct);
        return (response, await response.Content.ReadAsByteArrayAsync(Ct));
    }

    private async Task<SyndicationFeed> FeedAsync(string url, string mediaType)
    {
        var (response, body) = await GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        using var reader = XmlReader.Create(new MemoryStream(body));
        return SyndicationFeed.Load(reader);
    }

    private Task<SyndicationFeed> RssAsync(string url) => FeedAsync(url, "application/rss+xml");

    private Task<SyndicationFeed> AtomAsync(string url) => FeedAsync(url, "application/atom+xml");

    private static string LinkOf(SyndicationItem item) => item.Links.Single(l => l.RelationshipType is null or "alternate").Uri.ToString();

    private static List<string> Links(SyndicationFeed feed) => [.. feed.Items.Select(LinkOf)];

    private static string Relative(string absolute)
    {
        Assert.StartsWith(Origin + "/", absolute, StringComparison.Ordinal);
        return absolute[Origin.Length..];
    }

    private async Task<XDocument> SitemapAsync()
    {
        var (response, body) = await GetAsync("/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Load(new MemoryStream(body));
    }

    private static List<string> Locations(XDocument sitemap) => [.. sitemap.Root!.Elements(SitemapNs + "url").Select(u => u.Element(SitemapNs + "loc")!.Value)];

    [Fact]
    public async Task Site_feeds_are_rss_and_atom_titled_with_the_site_and_linking_absolutely()
    {
        var rss = await RssAsync("/feed.xml");
        var atom = await AtomAsync("/atom.xml");
        foreach (var feed in new[] { rss, atom })
        {
            // The site's identity names the current edition's feeds and their publisher (content/site.yml's 主办单位).
            Assert.Equal("第十三届中国专利周", feed.Title.Text);
            Assert.Equal("湖北省知识产权局", feed.Authors.Single().Name);
            Assert.InRange(feed.Items.Count(), 5, 50);
            Assert.All(Links(feed), link => Assert.StartsWith(Origin + "/", link, StringComparison.Ordinal));
            Assert.Contains(Origin + "/page/notice", Links(feed));
            Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.ToString() == Origin + (feed == rss ? "/feed.xml" : "/atom.xml"));
        }

        Assert.Equal(Links(rss), Links(atom));
        // Newest first.
        var published = rss.Items.Select(i => i.PublishDate).ToList();
        Assert.Equal(published.OrderDescending(), published);
        var notice = rss.Items.Single(i => LinkOf(i) == Origin + "/page/notice");
        Assert.Contains("<h2", ((TextSyndicationContent)notice.Summary).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_publish_shows_in_the_feeds_and_the_sitemap_at_once_with_full_text_cover_and_tags()
    {
        // Cached first, so the publish has to evict them.
        await RssAsync("/feed.xml");
        await RssAsync("/news/feed.xml");
        await SitemapAsync();

        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var cover = (await editor.Client.UploadOkAsync(TestImages.Jpeg(1200, 600), "cover.jpg", alt: "开幕式")).GetProperty("id").GetInt32();
        var photo = (await editor.Client.UploadOkAsync(TestImages.Png(800, 600), "photo.png", alt: "展台")).GetProperty("id").GetInt32();
        var slug = TestContent.UniqueSlug("feed");
        await TestContent.AddAsync(fixture.App, TestContent.News(slug, ContentState.Published, "订阅", "专利") with
        {
            Title = "订阅测试新闻", Summary = "订阅摘要", Cover = $"/media/{cover}", Author = "测试作者", PublishedAt = DateTime.UtcNow.AddMinutes(1),
            Body = $"第一段正文。\n\n![展台](/media/{photo})\n\n[通知](/page/notice)",
        });
        var url = $"{Origin}/news/{slug}";

        var rss = (await RssAsync("/feed.xml")).Items.Single(i => LinkOf(i) == url);
        var html = ((TextSyndicationContent)rss.Summary).Text;
        Assert.Contains("第一段正文。", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Origin}/page/notice\"", html, StringComparison.Ordinal);
        Assert.Contains($"src=\"{Origin}/media/", html, StringComparison.Ordinal);
        Assert.Contains($"srcset=\"{Origin}/media/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("=\"/", html, StringComparison.Ordinal);
        Assert.Equal(["专利", "订阅"], rss.Categories.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal("订阅测试新闻", rss.Title.Text);

        var enclosure = rss.Links.Single(l => l.RelationshipType == "enclosure");
        Assert.Equal("image/jpeg", enclosure.MediaType);
        var (coverResponse, _) = await GetAsync(Relative(enclosure.Uri.ToString()));
        Assert.Equal(HttpStatusCode.OK, coverResponse.StatusCode);
        Assert.Equal("image/jpeg", coverResponse.Content.Headers.ContentType?.MediaType);
        var atom = (await AtomAsync("/atom.xml")).Items.Single(i => LinkOf(i) == url);
        Assert.Contains("第一段正文。", ((TextSyndicationContent)atom.Content).Text, StringComparison.Ordinal);
        Assert.Equal("html", ((TextSyndicationContent)atom.Content).Type);
        Assert.Equal("订阅摘要", atom.Summary.Text);
        Assert.Equal("测试作者", atom.Authors.Single().Name);
        Assert.Single(atom.Links, l => l.RelationshipType == "enclosure");
        Assert.True(atom.PublishDate > DateTimeOffset.UtcNow.AddDays(-1));

        Assert.Contains(url, Links(await RssAsync("/news/feed.xml")));
        Assert.DoesNotContain(url, Links(await RssAsync("/event/feed.xml")));
        Assert.Contains(url, Locations(await SitemapAsync()));
    }

    [Fact]
    public async Task An_enclosure_has_the_length_of_the_file_it_names()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var cover = (await editor.Client.UploadOkAsync(TestImages.Jpeg(1000, 500), "enclosure.jpg", alt: "封面")).GetProperty("id").GetInt32();
        var slug = TestContent.UniqueSlug("enclosure");
        await TestContent.AddAsync(fixture.App, TestContent.News(slug) with { Cover = $"/media/{cover}", PublishedAt = DateTime.UtcNow.AddMinutes(2) });
        var url = $"{Origin}/news/{slug}";
        var first = (await RssAsync("/news/feed.xml")).Items.Single(i => LinkOf(i) == url).Links.Single(l => l.RelationshipType == "enclosure");
        var (response, bytes) = await GetAsync(Relative(first.Uri.ToString()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The cover was rendered by that request: the feed made after a change names its real length.
        await TestContent.AddAsync(fixture.App, TestContent.News(TestContent.UniqueSlug("bump")));
        var enclosure = (await RssAsync("/news/feed.xml")).Items.Single(i => LinkOf(i) == url).Links.Single(l => l.RelationshipType == "enclosure");
        Assert.Equal(first.Uri, enclosure.Uri);
        Assert.Equal(bytes.Length, enclosure.Length);
    }

    [Fact]
    public async Task A_city_feed_holds_its_stories_and_events_only()
    {
        var other = await TestContent.AddAsync(fixture.App, TestContent.News(TestContent.UniqueSlug("wuhan-news")) with { City = "420100" });
        var elsewhere = await TestContent.AddAsync(fixture.App, TestContent.News(TestContent.UniqueSlug("yichang-story")) with { Kind = ContentKind.Story, City = "420500" });
        var story = await TestContent.AddAsync(fixture.App, TestContent.News(TestContent.UniqueSlug("wuhan-story")) with { Kind = ContentKind.Story, City = "420100" });

        foreach (var feed in new[] { await RssAsync("/city/420100/feed.xml"), await AtomAsync("/city/420100/atom.xml") })
        {
            Assert.Equal("武汉市 - 第十三届中国专利周", feed.Title.Text);
            var links = Links(feed);
            Assert.Contains(Origin + "/event/sample-wuhan-service-matchmaking", links);
            Assert.Contains($"{Origin}/story/{story.Slug}", links);
            Assert.DoesNotContain($"{Origin}/news/{other.Slug}", links);
            Assert.DoesNotContain($"{Origin}/story/{elsewhere.Slug}", links);
            Assert.All(links, l => Assert.True(l.StartsWith(Origin + "/story/", StringComparison.Ordinal) || l.StartsWith(Origin + "/event/", StringComparison.Ordinal), l));
        }
    }

    [Fact]
    public async Task A_topic_feed_carries_the_items_with_its_tags_but_not_itself()
    {
        var slug = TestContent.UniqueSlug("tour-feed");
        await TestContent.AddAsync(fixture.App, TestContent.News(slug, ContentState.Published, "知识产权服务万里行"));
        var hidden = TestContent.UniqueSlug("tour-feed-draft");
        await TestContent.AddAsync(fixture.App, TestContent.News(hidden, ContentState.Draft, "知识产权服务万里行"));

        var links = Links(await RssAsync("/topic/service-tour/feed.xml"));
        Assert.Contains($"{Origin}/news/{slug}", links);
        Assert.Contains(Origin + "/news/sample-service-tour-station", links);
        Assert.DoesNotContain($"{Origin}/news/{hidden}", links);
        Assert.DoesNotContain(Origin + "/topic/service-tour", links);
        Assert.Equal(links, Links(await AtomAsync("/topic/service-tour/atom.xml")));
    }

    [Theory]
    [InlineData("/page/feed.xml")]
    [InlineData("/nosuchkind/feed.xml")]
    [InlineData("/city/999999/feed.xml")]
    [InlineData("/city/999999/atom.xml")]
    [InlineData("/topic/no-such-topic/feed.xml")]
    [InlineData("/77/feed.xml")]
    [InlineData("/77/news/atom.xml")]
    [InlineData("/sitemap-1.xml")]
    public async Task Unknown_feeds_are_404(string url)
    {
        var (response, body) = await GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Exception", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_kind_with_a_feed_in_the_registry_has_one()
    {
        foreach (var type in PatentWeek.Cms.Content.Types.ContentTypes.All)
        {
            var (response, _) = await GetAsync($"/{type.Name}/feed.xml");
            Assert.Equal(type.HasFeed ? HttpStatusCode.OK : HttpStatusCode.NotFound, response.StatusCode);
        }

        var news = await RssAsync("/news/feed.xml");
        Assert.Equal("新闻 - 第十三届中国专利周", news.Title.Text);
        Assert.All(Links(news), l => Assert.StartsWith(Origin + "/news/", l, StringComparison.Ordinal));
        Assert.All(Links(await AtomAsync("/event/atom.xml")), l => Assert.StartsWith(Origin + "/event/", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_repeated_feed_request_is_answered_304()
    {
        foreach (var url in new[] { "/feed.xml", "/atom.xml", "/city/420600/feed.xml", "/sitemap.xml" })
        {
            var (first, _) = await GetAsync(url);
            var etag = first.Headers.ETag;
            Assert.NotNull(etag);
            var lastModified = first.Content.Headers.LastModified;
            Assert.NotNull(lastModified);

            var (again, body) = await GetAsync(url, h => h.IfNoneMatch.Add(etag));
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            Assert.Empty(body);
            var (since, _) = await GetAsync(url, h => h.IfModifiedSince = lastModified);
            Assert.Equal(HttpStatusCode.NotModified, since.StatusCode);
            var (stale, _) = await GetAsync(url, h => h.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\"")));
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        }
    }

    [Fact]
    public async Task A_feed_whose_newest_item_is_unpublished_is_not_answered_304_to_its_last_reader()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var id = await editor.Client.CreateAsync(new { kind = "news", title = "最新后撤回", body = "正文" });
        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");
        var (read, _) = await GetAsync("/news/feed.xml");
        var readAt = read.Content.Headers.LastModified;
        Assert.NotNull(readAt);

        // The feed's newest entry goes; its Last-Modified moves on, never back to the entry now newest.
        await Task.Delay(1100, Ct);
        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/unpublish");
        var (again, body) = await GetAsync("/news/feed.xml", h => h.IfModifiedSince = readAt);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.DoesNotContain("最新后撤回", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        Assert.True(again.Content.Headers.LastModified > readAt, $"{again.Content.Headers.LastModified} is not after {readAt}");
    }

    [Fact]
    public async Task The_sitemap_lists_absolute_addresses_that_all_answer_200()
    {
        var sitemap = await SitemapAsync();
        Assert.Equal(SitemapNs + "urlset", sitemap.Root!.Name);
        var urls = sitemap.Root.Elements(SitemapNs + "url").ToList();
        var locations = Locations(sitemap);
        Assert.Equal(locations.Count, locations.Distinct().Count());
        Assert.Contains(Origin + "/", locations);
        Assert.Contains(Origin + "/page/notice", locations);
        Assert.Contains(Origin + "/topic/service-tour", locations);
        Assert.Contains(Origin + "/city/420600", locations);
        Assert.Contains(Origin + "/event/sample-wuhan-service-matchmaking", locations);
        foreach (var url in urls)
        {
            if (url.Element(SitemapNs + "lastmod") is { } lastmod)
                Assert.True(DateTimeOffset.TryParseExact(lastmod.Value, "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), lastmod.Value);
        }

        Assert.NotNull(urls.Single(u => u.Element(SitemapNs + "loc")!.Value == Origin + "/page/notice").Element(SitemapNs + "lastmod"));
        foreach (var location in locations)
        {
            var (response, _) = await GetAsync(Relative(location));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{location}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Older_editions_have_their_own_feeds_and_are_in_the_sitemap()
    {
        await using (var db = fixture.App.CreateContext())
        {
            if (!await db.Editions.AnyAsync(e => e.Number == 12, Ct))
            {
                db.Editions.Add(new Data.Campaign.Edition
                {
                    Number = 12, Year = 2018, Slogan = "往届", Theme = "default",
                    WeekStart = new(2018, 12, 1), WeekEnd = new(2018, 12, 7),
                });
                await db.SaveChangesAsync(Ct);
            }
        }

        var slug = TestContent.UniqueSlug("old-feed");
        await TestContent.AddAsync(fixture.App, TestContent.News(slug) with { Edition = 12 });
        var url = $"{Origin}/12/news/{slug}";

        var old = await RssAsync("/12/feed.xml");
        Assert.Equal("第12届中国专利周", old.Title.Text);
        Assert.Contains(url, Links(old));
        Assert.Contains(url, Links(await AtomAsync("/12/news/atom.xml")));
        Assert.DoesNotContain(url, Links(await RssAsync("/feed.xml")));
        Assert.Contains(url, Locations(await SitemapAsync()));
        var (page, pageBody) = await GetAsync(Relative(url));
        // Its pages are titled with their own edition, not the current site's name.
        var pageHtml = System.Text.Encoding.UTF8.GetString(pageBody);
        Assert.Matches("<title>[^<]* - 第12届中国专利周</title>", pageHtml);
        Assert.Contains("<meta property=\"og:site_name\" content=\"第12届中国专利周\">", pageHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Robots_txt_allows_the_site_keeps_crawlers_out_of_staff_pages_and_names_the_sitemap()
    {
        var (response, body) = await GetAsync("/robots.txt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = System.Text.Encoding.UTF8.GetString(body).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("User-agent: *", lines[0]);
        Assert.Contains("Allow: /", lines);
        foreach (var path in new[] { "/admin", "/api/", "/preview/", "/wechat-emulator" })
            Assert.Contains("Disallow: " + path, lines);
        Assert.Contains($"Sitemap: {Origin}/sitemap.xml", lines);
    }

    [Fact]
    public async Task The_favicon_is_served_with_a_long_cache()
    {
        var (response, body) = await GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/x-icon", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Repo.Themes, "default", "assets", "favicon.ico"), Ct), body);
        // An icon resource (type 1) holding at least the 16 and 32 pixel images.
        Assert.Equal([0, 0, 1, 0], body[..4]);
        Assert.True(BitConverter.ToUInt16(body, 4) >= 2);
        Assert.True(response.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(1), response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Pages_link_the_feeds_that_list_what_they_show()
    {
        async Task<List<string>> Alternates(string page)
        {
            var (_, body) = await GetAsync(page);
            var html = System.Text.Encoding.UTF8.GetString(body);
            return [.. System.Text.RegularExpressions.Regex.Matches(html, "<link rel=\"alternate\" type=\"application/(?:rss|atom)\\+xml\" title=\"[^\"]+\" href=\"([^\"]+)\">")
                .Select(m => m.Groups[1].Value)];
        }

        Assert.Equal(["/feed.xml", "/atom.xml"], await Alternates("/"));
        Assert.Equal(["/feed.xml", "/atom.xml", "/city/420600/feed.xml", "/city/420600/atom.xml"], await Alternates("/city/420600"));
        Assert.Equal(["/feed.xml", "/atom.xml", "/topic/service-tour/feed.xml", "/topic/service-tour/atom.xml"], await Alternates("/topic/service-tour"));
        foreach (var feed in (await Alternates("/city/420600")).Concat(await Alternates("/topic/service-tour")))
        {
            var (response, _) = await GetAsync(feed);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var (_, home) = await GetAsync("/");
        Assert.Contains("<link rel=\"icon\" href=\"/favicon.ico\"", System.Text.Encoding.UTF8.GetString(home), StringComparison.Ordinal);
    }
}

public sealed class FeedsSqliteTests(SqliteApp app) : FeedsTests(app), IClassFixture<SqliteApp>;

public sealed class FeedsPostgresTests(PostgresApp app) : FeedsTests(app), IClassFixture<PostgresApp>;
