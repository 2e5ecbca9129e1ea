using System.Net;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Site;

public abstract class SitePagesTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpResponseMessage Response, string Html)> GetAsync(string url)
    {
        var response = await fixture.Client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        return (response, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Home_shows_the_slogan_dates_and_the_seventeen_cities()
    {
        var (response, html) = await GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>第十三届中国专利周</title>", html, StringComparison.Ordinal);
        Assert.Contains("知识产权助推实体经济高质量发展", html, StringComparison.Ordinal);
        Assert.Contains("2019年11月30日", html, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.Equal(17, CountOf(html, "href=\"/city/"));
        Assert.Contains("神农架林区", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_carry_chinese_as_characters_and_set_no_cookies()
    {
        foreach (var url in new[] { "/", "/page/notice", "/topic/service-tour", "/no/such/page" })
        {
            var (response, html) = await GetAsync(url);
            Assert.False(response.Headers.Contains("Set-Cookie"), url + " sets a cookie");
            Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
            Assert.Contains("湖北省知识产权局", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Pinned_items_lead_the_home_page()
    {
        var (_, html) = await GetAsync("/");
        var lead = html.IndexOf("id=\"lead-title\"", StringComparison.Ordinal);
        var news = html.IndexOf("id=\"news-title\"", StringComparison.Ordinal);
        Assert.True(lead > 0 && lead < news, "the pinned block comes before the news");
        var notice = html.IndexOf("href=\"/page/notice\"", lead, StringComparison.Ordinal);
        Assert.InRange(notice, lead, news);
    }

    [Fact]
    public async Task Item_page_has_a_real_title_and_the_rendered_body()
    {
        var (response, html) = await GetAsync("/page/notice");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>省知识产权局关于组织开展第十三届中国专利周活动的通知 - 第十三届中国专利周</title>", html, StringComparison.Ordinal);
        Assert.Contains("来源：湖北省知识产权局", html, StringComparison.Ordinal);
        Assert.Contains("<h2", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Item_page_links_its_canonical_public_address()
    {
        var (_, html) = await GetAsync("/page/notice");
        Assert.Contains("<link rel=\"canonical\" href=\"https://zscq.example.cn/page/notice\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Samples_are_marked_as_such()
    {
        var (_, html) = await GetAsync("/story/sample-xiangyang-highlights");
        Assert.Contains("<span class=\"badge sample\">示例</span>", html, StringComparison.Ordinal);
        var (_, notice) = await GetAsync("/page/notice");
        Assert.DoesNotContain("badge sample", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Topic_page_lists_the_items_tagged_with_its_topic()
    {
        var slug = TestContent.UniqueSlug("tour");
        await TestContent.AddAsync(fixture.App, TestContent.News(slug, ContentState.Published, "知识产权服务万里行"));
        var hidden = TestContent.UniqueSlug("tour-draft");
        await TestContent.AddAsync(fixture.App, TestContent.News(hidden, ContentState.Draft, "知识产权服务万里行"));

        var (_, html) = await GetAsync("/topic/service-tour");
        Assert.Contains($"href=\"/news/{slug}\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/news/sample-service-tour-station\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden, html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/topic/service-tour\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Item_titles_are_escaped()
    {
        var slug = TestContent.UniqueSlug("xss");
        await TestContent.AddAsync(fixture.App, TestContent.News(slug) with { Title = "<script>alert(1)</script>标题", Body = "<script>alert(2)</script><p onclick=\"x()\">正文</p>" });
        var (_, html) = await GetAsync("/news/" + slug);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;标题", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task City_page_lists_the_city_s_published_items()
    {
        var (response, html) = await GetAsync("/city/420600");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>襄阳市</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/story/sample-xiangyang-highlights\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_lists_events_in_the_order_they_take_place_dated_by_their_own_day()
    {
        var (_, html) = await GetAsync("/");
        var section = html[html.IndexOf("id=\"events-title\"", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        var wuhan = section.IndexOf("href=\"/event/sample-wuhan-service-matchmaking\"", StringComparison.Ordinal);
        var shiyan = section.IndexOf("href=\"/event/sample-shiyan-policy-training\"", StringComparison.Ordinal);
        var xiantao = section.IndexOf("href=\"/event/sample-xiantao-pledge-financing\"", StringComparison.Ordinal);
        Assert.True(wuhan >= 0 && wuhan < shiyan && shiyan < xiantao, section);
        // The Wuhan event takes place on 12月1日; it was announced on 11月25日.
        Assert.Contains("datetime=\"2019-12-01T09:00:00+08:00\">2019年12月1日 09:00</time> · 某会议中心（示例地点）", section, StringComparison.Ordinal);
        Assert.DoesNotContain("2019年11月25日", section, StringComparison.Ordinal);
    }

    [Fact]
    public async Task City_page_dates_an_event_by_when_it_takes_place()
    {
        var (_, html) = await GetAsync("/city/420100");
        var card = html[html.IndexOf("href=\"/event/sample-wuhan-service-matchmaking\"", StringComparison.Ordinal)..];
        card = card[..card.IndexOf("</li>", StringComparison.Ordinal)];
        Assert.Contains("2019年12月1日 09:00", card, StringComparison.Ordinal);
        Assert.DoesNotContain("2019年11月25日", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/news/no-such-news")]
    [InlineData("/story/../../etc/passwd")]
    [InlineData("/no/such/page")]
    [InlineData("/99/news/anything")]
    [InlineData("/city/999999")]
    [InlineData("/NEWS/sample-service-tour-station")]
    [InlineData("/wp-login.php")]
    [InlineData("/news/a.html")]
    public async Task Unknown_pages_get_the_friendly_404(string url)
    {
        var (response, html) = await GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("页面不存在", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Theme_assets_are_served_but_templates_are_not()
    {
        var (css, _) = await GetAsync("/themes/default/assets/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        foreach (var path in new[] { "/themes/default/layout.liquid", "/themes/default/assets/../layout.liquid", "/themes/default/_card.liquid" })
        {
            var (template, body) = await GetAsync(path);
            Assert.NotEqual(HttpStatusCode.OK, template.StatusCode);
            Assert.DoesNotContain("{{", body, StringComparison.Ordinal);
        }
    }

    private static int CountOf(string text, string needle)
    {
        var count = 0;
        for (var i = text.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = text.IndexOf(needle, i + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}

public sealed class SitePagesSqliteTests(SqliteApp app) : SitePagesTests(app), IClassFixture<SqliteApp>;

public sealed class SitePagesPostgresTests(PostgresApp app) : SitePagesTests(app), IClassFixture<PostgresApp>;
