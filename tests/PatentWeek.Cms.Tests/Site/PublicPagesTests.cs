using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Site;

/// <summary>
/// Every page type of the public site: kind lists with paging, the cities index and city pages, tag pages, the
/// editions index and an older edition's pages, item pages' breadcrumbs, neighbours and related items, and the head's
/// description, canonical link and share tags.
/// </summary>
public abstract partial class PublicPagesTests(AppFixture fixture)
{
    private const string Site = "https://zscq.example.cn";
    private const string Wuhan = "420100";
    private const string Xiangyang = "420600";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        using var response = await fixture.Client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<string> OkAsync(string url)
    {
        var (status, html) = await GetAsync(url);
        Assert.True(status == HttpStatusCode.OK, $"{url} answered {status}");
        return html;
    }

    private static string Tag() => "标签" + Guid.NewGuid().ToString("N")[..6];

    private static ContentFields Story(string slug, string city, params string[] tags) =>
        TestContent.News(slug, ContentState.Published, tags) with { Kind = ContentKind.Story, Title = "测试亮点 " + slug, City = city };

    [Theory]
    [InlineData("news", "新闻动态")]
    [InlineData("topic", "专题活动")]
    [InlineData("video", "宣传视频")]
    [InlineData("story", "市州亮点")]
    public async Task Each_kind_with_a_list_page_has_one_with_its_title_and_breadcrumbs(string kind, string title)
    {
        var html = await OkAsync("/" + kind);
        Assert.Contains($"<title>{title} - 第十三届中国专利周</title>", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/\">首页</a></li>", html, StringComparison.Ordinal);
        Assert.Contains($"<span aria-current=\"page\">{title}</span>", html, StringComparison.Ordinal);
        Assert.Contains($"<meta name=\"description\" content=\"第13届中国专利周的{title}。\">", html, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"canonical\" href=\"{Site}/{kind}\">", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/{kind}/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_pages_by_twenty_with_prev_and_next_links_and_bad_pages_are_the_friendly_404()
    {
        for (var n = 0; n < 21; n++)
            await TestContent.AddAsync(fixture.App, TestContent.News(TestContent.UniqueSlug("paged")));

        var first = await OkAsync("/news");
        Assert.Equal(20, Cards(first));
        Assert.Contains("<a rel=\"next\" href=\"/news?page=2\">下一页</a>", first, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", first, StringComparison.Ordinal);
        var second = await OkAsync("/news?page=2");
        Assert.Contains("<title>新闻动态（第2页） - 第十三届中国专利周</title>", second, StringComparison.Ordinal);
        Assert.Contains("<a rel=\"prev\" href=\"/news\">上一页</a>", second, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"canonical\" href=\"{Site}/news?page=2\">", second, StringComparison.Ordinal);

        // A blank page=, like none, is the first page (the output cache keys them alike).
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/news?page=")).Item1);
        foreach (var page in new[] { "0", "-1", "abc", "9999", "1.5", "2&page=3" })
        {
            var (status, html) = await GetAsync("/news?page=" + page);
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Contains("页面不存在", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/page")]
    [InlineData("/newsx")]
    [InlineData("/city/420000")]
    [InlineData("/tag/没有这个标签")]
    [InlineData("/99")]
    [InlineData("/99/news")]
    [InlineData("/99/city")]
    [InlineData("/99/tag/知识产权服务万里行")]
    [InlineData("/news/no-such-slug")]
    public async Task Unknown_kinds_lists_cities_tags_and_editions_are_the_friendly_404(string url)
    {
        var (status, html) = await GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("页面不存在", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"description\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_shows_a_pinned_news_item_once_with_more_links_and_city_counts()
    {
        var slug = TestContent.UniqueSlug("pinned");
        await TestContent.AddAsync(fixture.App, TestContent.News(slug) with { IsPinned = true });
        var html = await OkAsync("/");
        Assert.Equal(1, CountOf(html, $"href=\"/news/{slug}\""));
        var lead = html.IndexOf("id=\"lead-title\"", StringComparison.Ordinal);
        Assert.InRange(html.IndexOf($"href=\"/news/{slug}\"", StringComparison.Ordinal), lead, html.IndexOf("id=\"news-title\"", StringComparison.Ordinal));
        foreach (var list in new[] { "/news", "/topic", "/story", "/event", "/city" })
            Assert.Contains($"<a class=\"more\" href=\"{list}\">更多", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"description\" content=\"第13届中国专利周：知识产权助推实体经济高质量发展\">", html, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"canonical\" href=\"{Site}/\">", html, StringComparison.Ordinal);
        // The theme's share cover (theme.json), by its fingerprinted name.
        Assert.Matches($"<meta property=\"og:image\" content=\"{System.Text.RegularExpressions.Regex.Escape(Site)}/themes/default/assets/wechat-cover\\.[0-9a-f]{{10}}\\.jpg\">", html);

        // Each city's cell counts what the city page lists.
        var cell = CityCell(html, Xiangyang);
        var city = await OkAsync($"/city/{Xiangyang}");
        Assert.Contains($"亮点 {Cards(Section(city, "city-stories"))} · 活动 {Cards(Section(city, "city-events"))}", cell, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cities_index_and_a_city_page_split_stories_and_events_without_internal_figures()
    {
        var index = await OkAsync("/city");
        Assert.Contains("<title>市州 - 第十三届中国专利周</title>", index, StringComparison.Ordinal);
        Assert.Equal(17, CountOf(index, "href=\"/city/"));
        Assert.Contains("<span aria-current=\"page\">市州</span>", index, StringComparison.Ordinal);

        var html = await OkAsync($"/city/{Wuhan}");
        Assert.DoesNotContain("不少于", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/city\">市州</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<span aria-current=\"page\">武汉市</span>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/event/sample-wuhan-service-matchmaking\"", Section(html, "city-events"), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/event/", Section(html, "city-stories"), StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"canonical\" href=\"{Site}/city/{Wuhan}\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"description\" content=\"武汉市在第13届中国专利周期间", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tag_page_lists_the_tagged_items_of_every_kind_and_pages_them()
    {
        var tag = Tag();
        var news = TestContent.UniqueSlug("tagged-news");
        var story = TestContent.UniqueSlug("tagged-story");
        await TestContent.AddAsync(fixture.App, TestContent.News(news, ContentState.Published, tag));
        await TestContent.AddAsync(fixture.App, Story(story, Xiangyang, tag));
        await TestContent.AddAsync(fixture.App, TestContent.News(TestContent.UniqueSlug("untagged")));

        var html = await OkAsync("/tag/" + Uri.EscapeDataString(tag));
        Assert.Contains($"<title>标签：{tag} - 第十三届中国专利周</title>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/news/{news}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/story/{story}\"", html, StringComparison.Ordinal);
        Assert.Equal(2, Cards(html));
        Assert.DoesNotContain("rel=\"next\"", html, StringComparison.Ordinal);

        // The item's tag chips link here.
        var item = await OkAsync($"/news/{news}");
        Assert.Contains($"<a class=\"tag\" href=\"/tag/{Uri.EscapeDataString(tag)}\">{tag}</a>", item, StringComparison.Ordinal);

        for (var n = 0; n < 19; n++)
            await TestContent.AddAsync(fixture.App, TestContent.News(TestContent.UniqueSlug("tag-page"), ContentState.Published, tag));
        Assert.Equal(20, Cards(await OkAsync("/tag/" + Uri.EscapeDataString(tag))));
        Assert.Equal(1, Cards(await OkAsync($"/tag/{Uri.EscapeDataString(tag)}?page=2")));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/tag/{Uri.EscapeDataString(tag)}?page=3")).Status);
    }

    [Fact]
    public async Task A_tag_with_a_slash_is_one_linked_page()
    {
        var tag = "知识产权/" + Tag();
        var news = TestContent.UniqueSlug("slash-tag");
        await TestContent.AddAsync(fixture.App, TestContent.News(news, ContentState.Published, tag));

        var item = await OkAsync($"/news/{news}");
        var link = $"/tag/{Uri.EscapeDataString(tag)}";
        Assert.Contains($"href=\"{link}\"", item, StringComparison.Ordinal);
        var html = await OkAsync(link);
        Assert.Contains($"href=\"/news/{news}\"", html, StringComparison.Ordinal);
        Assert.Equal(1, Cards(html));
    }

    [Fact]
    public async Task An_item_page_has_linked_breadcrumbs_facts_neighbours_and_related_items()
    {
        var tag = Tag();
        var older = TestContent.UniqueSlug("older");
        var newer = TestContent.UniqueSlug("newer");
        await TestContent.AddAsync(fixture.App, TestContent.News(older, ContentState.Published, tag) with { Summary = "较早一篇的摘要", Author = "张三" });
        var first = await OkAsync($"/news/{older}");
        Assert.Contains("<li><a href=\"/news\">新闻动态</a></li>", first, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"description\" content=\"较早一篇的摘要\">", first, StringComparison.Ordinal);
        Assert.Contains("作者：张三", first, StringComparison.Ordinal);
        Assert.Contains("原创", first, StringComparison.Ordinal);
        Assert.Contains("复制链接", first, StringComparison.Ordinal);
        Assert.Contains("<button type=\"button\" class=\"share-print\" data-print hidden>打印本页</button>", first, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:type\" content=\"article\">", first, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", first, StringComparison.Ordinal);

        // Published after the older page was cached: that page now links to it as 下一篇 and as related.
        await TestContent.AddAsync(fixture.App, TestContent.News(newer, ContentState.Published, tag));
        first = await OkAsync($"/news/{older}");
        Assert.Contains($"<a rel=\"next\" href=\"/news/{newer}\"><span>下一篇</span>", first, StringComparison.Ordinal);
        var second = await OkAsync($"/news/{newer}");
        Assert.Contains($"<a rel=\"prev\" href=\"/news/{older}\"><span>上一篇</span>", second, StringComparison.Ordinal);
        Assert.Contains($"href=\"/news/{older}\"", Section(second, "related-title"), StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/news/{newer}\"", Section(second, "related-title"), StringComparison.Ordinal);

        // A story's trail goes through the cities.
        var story = await OkAsync("/story/sample-xiangyang-highlights");
        Assert.Contains($"<a href=\"/city\">市州</a></li><li><a href=\"/city/{Xiangyang}\">襄阳市</a>", story, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_news_item_carries_json_ld_that_parses_and_a_title_cannot_break_out_of_it()
    {
        var slug = TestContent.UniqueSlug("ld");
        var title = "标题</script><script>alert(1)</script>";
        await TestContent.AddAsync(fixture.App, TestContent.News(slug) with { Title = title });
        var html = await OkAsync($"/news/{slug}");
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:title\" content=\"标题&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">", html, StringComparison.Ordinal);
        var json = JsonLdScript().Match(html);
        Assert.True(json.Success, "no JSON-LD on a news page");
        using var document = JsonDocument.Parse(json.Groups[1].Value);
        Assert.Equal("NewsArticle", document.RootElement.GetProperty("@type").GetString());
        Assert.Equal(title, document.RootElement.GetProperty("headline").GetString());
        Assert.Equal($"{Site}/news/{slug}", document.RootElement.GetProperty("mainEntityOfPage").GetString());
        Assert.DoesNotMatch(JsonLdScript(), await OkAsync("/page/notice"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/news")]
    [InlineData("/news/sample-service-tour-station")]
    [InlineData("/topic/service-tour")]
    [InlineData("/city")]
    [InlineData("/city/420600")]
    [InlineData("/tag/知识产权服务万里行")]
    [InlineData("/editions")]
    [InlineData("/page/notice")]
    public async Task Every_page_type_has_a_description_a_canonical_link_and_share_tags(string url)
    {
        var html = await OkAsync(url);
        Assert.Matches("<meta name=\"description\" content=\"[^\"]{4,}\">", html);
        Assert.Matches($"<link rel=\"canonical\" href=\"{Regex.Escape(Site)}/[^\"]*\">", html);
        Assert.Matches($"<meta property=\"og:image\" content=\"{Regex.Escape(Site)}/[^\"]+\">", html);
        Assert.Matches("<meta property=\"og:title\" content=\"[^\"]+\">", html);
        Assert.Matches("<meta property=\"og:description\" content=\"[^\"]+\">", html);
        Assert.Contains("<meta property=\"og:url\" content=\"" + Site, html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary_large_image\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_editions_index_links_every_edition_and_an_older_edition_has_every_page_type()
    {
        var slug = TestContent.UniqueSlug("twelfth");
        var tag = Tag();
        await EnsureTwelfthEditionAsync();
        await TestContent.AddAsync(fixture.App, TestContent.News(slug, ContentState.Published, tag) with { Edition = 12, Title = "第十二届的新闻" });
        await TestContent.AddAsync(fixture.App, Story(slug + "-story", Wuhan, tag) with { Edition = 12 });

        var index = await OkAsync("/editions");
        Assert.Contains("<title>历届专利周 - 第十三届中国专利周</title>", index, StringComparison.Ordinal);
        Assert.Contains("<li class=\"card\"><a href=\"/12\">", index, StringComparison.Ordinal);
        Assert.Contains("<li class=\"card\"><a href=\"/\">", index, StringComparison.Ordinal);
        Assert.Contains("第12届中国专利周（2018年）", index, StringComparison.Ordinal);
        Assert.Contains("第十二届的口号（测试）", index, StringComparison.Ordinal);

        var home = await OkAsync("/12");
        Assert.Contains("第十二届的口号（测试）", home, StringComparison.Ordinal);
        Assert.Contains($"href=\"/12/news/{slug}\"", home, StringComparison.Ordinal);
        Assert.Contains("<a class=\"more\" href=\"/12/news\">", home, StringComparison.Ordinal);
        Assert.Contains($"<link rel=\"canonical\" href=\"{Site}/12\">", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/news/sample-service-tour-station\"", home, StringComparison.Ordinal);

        var list = await OkAsync("/12/news");
        Assert.Contains($"href=\"/12/news/{slug}\"", list, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/12\">首页</a></li>", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/news/{slug}\"", await OkAsync("/news"), StringComparison.Ordinal);

        var item = await OkAsync($"/12/news/{slug}");
        Assert.Contains("<li><a href=\"/12/news\">新闻动态</a></li>", item, StringComparison.Ordinal);
        Assert.Contains($"href=\"/12/tag/{Uri.EscapeDataString(tag)}\"", item, StringComparison.Ordinal);
        Assert.Contains($"href=\"/12/story/{slug}-story\"", await OkAsync($"/12/city/{Wuhan}"), StringComparison.Ordinal);
        Assert.Contains("<a href=\"/12/city/420100\">", await OkAsync("/12/city"), StringComparison.Ordinal);
        Assert.Contains($"href=\"/12/news/{slug}\"", await OkAsync($"/12/tag/{Uri.EscapeDataString(tag)}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/tag/{Uri.EscapeDataString(tag)}")).Status);
    }

    [Fact]
    public async Task A_publish_shows_at_once_on_its_kind_list_city_page_cities_index_tag_page_and_home()
    {
        var tag = Tag();
        await TestContent.AddAsync(fixture.App, Story(TestContent.UniqueSlug("first"), Xiangyang, tag));
        var pages = new[] { "/story", $"/city/{Xiangyang}", "/city", "/tag/" + Uri.EscapeDataString(tag), "/" };
        var before = new Dictionary<string, string>();
        foreach (var page in pages)
            before[page] = await OkAsync(page);

        var slug = TestContent.UniqueSlug("fresh");
        await TestContent.AddAsync(fixture.App, Story(slug, Xiangyang, tag));

        foreach (var page in pages.Where(p => p != "/city"))
        {
            Assert.DoesNotContain($"href=\"/story/{slug}\"", before[page], StringComparison.Ordinal);
            Assert.Contains($"href=\"/story/{slug}\"", await OkAsync(page), StringComparison.Ordinal);
        }

        var stories = int.Parse(StoryCount().Match(CityCell(before["/city"], Xiangyang)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"亮点 {stories + 1} ·", CityCell(await OkAsync("/city"), Xiangyang), StringComparison.Ordinal);
    }

    private async Task EnsureTwelfthEditionAsync()
    {
        await using var db = fixture.App.CreateContext();
        if (await db.Editions.AnyAsync(e => e.Number == 12, Ct))
            return;
        db.Editions.Add(new Edition
        {
            Number = 12, Year = 2018, Slogan = "第十二届的口号（测试）", WeekStart = new DateOnly(2018, 11, 25), WeekEnd = new DateOnly(2018, 12, 1),
            Theme = "default", IsCurrent = false,
        });
        await db.SaveChangesAsync(Ct);
    }

    private static int Cards(string html) => CountOf(html, "<li class=\"card");

    /// <summary>The section headed by the element with this id, up to its end.</summary>
    private static string Section(string html, string headingId)
    {
        var start = html.IndexOf($"id=\"{headingId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no #{headingId}");
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    private static string CityCell(string html, string code)
    {
        var start = html.IndexOf($"href=\"/city/{code}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no cell of {code}");
        return html[start..html.IndexOf("</li>", start, StringComparison.Ordinal)];
    }

    private static int CountOf(string text, string needle)
    {
        var count = 0;
        for (var i = text.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = text.IndexOf(needle, i + 1, StringComparison.Ordinal))
            count++;
        return count;
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdScript();

    [GeneratedRegex("亮点 (\\d+) ·")]
    private static partial Regex StoryCount();
}

public sealed class PublicPagesSqliteTests(SqliteApp app) : PublicPagesTests(app), IClassFixture<SqliteApp>;

public sealed class PublicPagesPostgresTests(PostgresApp app) : PublicPagesTests(app), IClassFixture<PostgresApp>;
