using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Delivery;

public abstract class DeliveryApiTests(AppFixture fixture)
{
    private HttpClient Client => fixture.Client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Site_is_the_current_edition()
    {
        var site = await Client.GetJsonAsync("/api/v1/site");
        Assert.Equal(13, site.GetProperty("number").GetInt32());
        Assert.Equal(2019, site.GetProperty("year").GetInt32());
        Assert.Equal("知识产权助推实体经济高质量发展", site.GetProperty("theme").GetString());
        Assert.Equal("2019-11-30", site.GetProperty("weekStart").GetString());
        Assert.Equal("2019-12-06", site.GetProperty("weekEnd").GetString());
        Assert.Equal("2019-11-13", site.GetProperty("planDeadline").GetString());
        Assert.Equal("2019-12-12", site.GetProperty("reportDeadline").GetString());
    }

    [Fact]
    public async Task Cities_lists_the_seventeen_with_codes_and_kinds()
    {
        var cities = (await Client.GetJsonAsync("/api/v1/cities")).EnumerateArray().ToList();
        Assert.Equal(17, cities.Count);
        Assert.Equal("420100", cities[0].GetProperty("code").GetString());
        Assert.Equal("武汉市", cities[0].GetProperty("name").GetString());
        var shennongjia = cities.Single(c => c.GetProperty("code").GetString() == "429021");
        Assert.Equal("神农架林区", shennongjia.GetProperty("name").GetString());
        Assert.Equal("林区", shennongjia.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Json_carries_chinese_as_characters()
    {
        var raw = await Client.GetStringAsync(new Uri("/api/v1/site", UriKind.Relative), Ct);
        Assert.Contains("知识产权助推实体经济高质量发展", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_lists_published_items_newest_first_with_paging()
    {
        var list = await Client.GetJsonAsync("/api/v1/content?kind=news&pageSize=2");
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(1, list.GetProperty("page").GetInt32());
        Assert.Equal(2, list.GetProperty("pageSize").GetInt32());
        Assert.True(list.GetProperty("total").GetInt32() >= 3);
        Assert.All(items, i => Assert.Equal("news", i.GetProperty("kind").GetString()));
        var dates = items.Select(i => i.GetProperty("publishedAt").GetDateTimeOffset()).ToList();
        Assert.True(dates[0] >= dates[1], "newest first");
        Assert.EndsWith("+08:00", items[0].GetProperty("publishedAt").GetString(), StringComparison.Ordinal);

        var second = await Client.GetJsonAsync("/api/v1/content?kind=news&pageSize=2&page=2");
        var firstSlugs = items.Select(i => i.GetProperty("slug").GetString());
        Assert.DoesNotContain(second.GetProperty("items").EnumerateArray().First().GetProperty("slug").GetString(), firstSlugs);
    }

    private const string Wuhan = "sample-wuhan-service-matchmaking";    // published 11-25, on 12-01 09:00–12:00
    private const string Shiyan = "sample-shiyan-policy-training";      // published 11-26, on 12-03
    private const string Xiantao = "sample-xiantao-pledge-financing";   // published 11-27, on 12-05

    private async Task<List<string>> EventSlugsAsync(string query = "")
    {
        var list = await Client.GetJsonAsync("/api/v1/content?kind=event" + query);
        return [.. list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!)];
    }

    [Fact]
    public async Task Events_are_listed_by_their_own_start_with_time_and_place()
    {
        var list = await Client.GetJsonAsync("/api/v1/content?kind=event");
        var items = list.GetProperty("items").EnumerateArray().ToList();
        var slugs = items.Select(i => i.GetProperty("slug").GetString()).ToList();
        // By start (12-01, 12-03, 12-05), not by publish time (which is the other way round).
        Assert.True(slugs.IndexOf(Wuhan) < slugs.IndexOf(Shiyan) && slugs.IndexOf(Shiyan) < slugs.IndexOf(Xiantao), string.Join(", ", slugs));

        var wuhan = items.Single(i => i.GetProperty("slug").GetString() == Wuhan).GetProperty("event");
        Assert.Equal("2019-12-01T09:00:00+08:00", wuhan.GetProperty("startsAt").GetString());
        Assert.Equal("2019-12-01T12:00:00+08:00", wuhan.GetProperty("endsAt").GetString());
        Assert.Equal("某会议中心（示例地点）", wuhan.GetProperty("location").GetString());

        var news = await Client.GetJsonAsync("/api/v1/content?kind=news");
        Assert.All(news.GetProperty("items").EnumerateArray(), i => Assert.True(!i.TryGetProperty("event", out var e) || e.ValueKind == JsonValueKind.Null));
    }

    [Fact]
    public async Task Events_are_filtered_by_the_beijing_days_they_take_place_on()
    {
        Assert.Equal([Shiyan, Xiantao], (await EventSlugsAsync("&from=2019-12-02")).Where(s => s.StartsWith("sample-", StringComparison.Ordinal)));
        Assert.Equal([Wuhan, Shiyan], (await EventSlugsAsync("&to=2019-12-03")).Where(s => s.StartsWith("sample-", StringComparison.Ordinal)));
        Assert.Equal([Shiyan], (await EventSlugsAsync("&from=2019-12-03&to=2019-12-03")).Where(s => s.StartsWith("sample-", StringComparison.Ordinal)));
        // 12-01 09:00 in Beijing is 11-30 in UTC: the day is Beijing's.
        Assert.Equal([Wuhan], (await EventSlugsAsync("&from=2019-12-01&to=2019-12-01")).Where(s => s.StartsWith("sample-", StringComparison.Ordinal)));
        Assert.Empty(await EventSlugsAsync("&to=2019-11-30"));

        // Other kinds by the day they were published.
        var news = await Client.GetJsonAsync("/api/v1/content?kind=news&from=2030-01-01");
        Assert.Equal(0, news.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Content_filters_by_city_tag_and_edition()
    {
        var byCity = await Client.GetJsonAsync("/api/v1/content?city=420600");
        var cityItems = byCity.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(cityItems);
        Assert.All(cityItems, i =>
        {
            Assert.Equal("420600", i.GetProperty("city").GetProperty("code").GetString());
            Assert.Equal("襄阳市", i.GetProperty("city").GetProperty("name").GetString());
        });

        var byTag = await Client.GetJsonAsync("/api/v1/content?tag=" + Uri.EscapeDataString("高价值专利大赛"));
        var tagged = byTag.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(tagged);
        Assert.All(tagged, i => Assert.Contains("高价值专利大赛", i.GetProperty("tags").EnumerateArray().Select(t => t.GetString())));

        var byEdition = await Client.GetJsonAsync("/api/v1/content?edition=13&kind=topic");
        Assert.Equal(3, byEdition.GetProperty("total").GetInt32());

        var noEdition = await Client.GetJsonAsync("/api/v1/content?edition=99", HttpStatusCode.NotFound);
        Assert.Equal(404, noEdition.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Item_includes_sanitised_html_and_city_object()
    {
        var notice = await Client.GetJsonAsync("/api/v1/content/page/notice");
        Assert.Equal("省知识产权局关于组织开展第十三届中国专利周活动的通知", notice.GetProperty("title").GetString());
        Assert.Contains("<h2", notice.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, notice.GetProperty("city").ValueKind);
        Assert.Equal(13, notice.GetProperty("edition").GetInt32());

        var story = await Client.GetJsonAsync("/api/v1/content/story/sample-xiangyang-highlights");
        Assert.Equal("420600", story.GetProperty("city").GetProperty("code").GetString());
        Assert.Contains("<table>", story.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.True(story.GetProperty("sample").GetBoolean());
    }

    [Fact]
    public async Task Unpublished_items_are_never_delivered()
    {
        var slug = TestContent.UniqueSlug("draft");
        await TestContent.AddAsync(fixture.App, TestContent.News(slug, ContentState.Draft));

        await Client.GetJsonAsync($"/api/v1/content/news/{slug}", HttpStatusCode.NotFound);
        var list = await Client.GetJsonAsync("/api/v1/content?kind=news&pageSize=100");
        Assert.DoesNotContain(slug, list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()));
    }

    [Fact]
    public async Task Other_editions_are_reached_with_the_edition_parameter()
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

        // Through the app, as a publish would: its event tells the site's read model that an item (and here an
        // edition) is new.
        await TestContent.AddAsync(fixture.App, TestContent.News("old-news") with { Edition = 12 });

        var item = await Client.GetJsonAsync("/api/v1/content/news/old-news?edition=12");
        Assert.Equal("/12/news/old-news", item.GetProperty("url").GetString());
        await Client.GetJsonAsync("/api/v1/content/news/old-news", HttpStatusCode.NotFound);
        var site = await Client.GetJsonAsync("/api/v1/site");
        Assert.Equal(13, site.GetProperty("number").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/content/nokind/notice")]
    [InlineData("/api/v1/content/news/no-such-slug")]
    [InlineData("/api/v1/content/page/notice?edition=77")]
    [InlineData("/api/v1/nothing-here")]
    public async Task Unknown_things_are_404_problem_json(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=10000", "pageSize")]
    [InlineData("page=-1", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page=1.5", "page")]
    [InlineData("edition=thirteen", "edition")]
    [InlineData("kind=blog", "kind")]
    [InlineData("kind=News", "kind")]
    [InlineData("city=wuhan", "city")]
    [InlineData("page=99999999999999999999", "page")]
    [InlineData("from=2019-13-01", "from")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2019-12-1", "to")]
    [InlineData("to=2019-12-01T00:00:00Z", "to")]
    [InlineData("kind=event&from=2019-12-05&to=2019-12-01", "from")]
    public async Task Bad_query_strings_are_400_problem_json(string query, string field)
    {
        using var response = await Client.GetAsync(new Uri("/api/v1/content?" + query, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), body);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_edition_on_an_item_is_400()
    {
        using var response = await Client.GetAsync(new Uri("/api/v1/content/page/notice?edition=-3", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/site")]
    [InlineData("/api/v1/cities")]
    [InlineData("/api/v1/content?kind=news")]
    [InlineData("/api/v1/content/page/notice")]
    public async Task Every_get_sends_an_etag_and_honours_if_none_match(string url)
    {
        using var first = await Client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Contains("public", first.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await Client.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Ct));

        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var full = await Client.SendAsync(stale, Ct);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
    }

    [Fact]
    public async Task Etag_changes_when_the_content_changes()
    {
        var tag = "etag-" + Guid.NewGuid().ToString("N")[..6];
        var url = "/api/v1/content?tag=" + tag;
        using var before = await Client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        await TestContent.AddAsync(fixture.App, TestContent.News(TestContent.UniqueSlug("etag"), ContentState.Published, tag));
        using var after = await Client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task OpenApi_document_and_scalar_ui_are_served()
    {
        var doc = await Client.GetJsonAsync("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/content", out _));
        Assert.True(paths.TryGetProperty("/api/v1/content/{kind}/{slug}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/site", out _));
        Assert.True(paths.TryGetProperty("/api/v1/cities", out _));
        Assert.False(paths.TryGetProperty("/", out _), "site pages are not part of the API document");

        using var scalar = await Client.GetAsync(new Uri("/scalar", UriKind.Relative), Ct);
        Assert.True(scalar.IsSuccessStatusCode || scalar.StatusCode == HttpStatusCode.Redirect, scalar.StatusCode.ToString());
    }

    [Fact]
    public async Task Health_reports_the_database()
    {
        var health = await Client.GetJsonAsync("/health");
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        var database = health.GetProperty("checks").GetProperty("database");
        Assert.Equal("Healthy", database.GetProperty("status").GetString());
        Assert.Equal(fixture.Provider.ToString(), database.GetProperty("data").GetProperty("provider").GetString());
    }
}

public sealed class DeliveryApiSqliteTests(SqliteApp app) : DeliveryApiTests(app), IClassFixture<SqliteApp>;

public sealed class DeliveryApiPostgresTests(PostgresApp app) : DeliveryApiTests(app), IClassFixture<PostgresApp>;
