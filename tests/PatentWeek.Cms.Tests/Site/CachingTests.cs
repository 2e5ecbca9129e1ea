using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Site;

/// <summary>
/// The output cache as launch day needs it: keys that ignore the parameters WeChat and trackers append, validators
/// and 304s on pages, no cookies on public answers, and a publish visible on the next request to every page it touches.
/// </summary>
public abstract class CachingTests(AppFixture fixture)
{
    private static readonly string[] TourTags = ["知识产权服务万里行"];

    private const string WeChatJunk = "from=singlemessage&isappinstalled=0&utm_source=wechat&utm_medium=share&x=";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Plain() => fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private async Task<(HttpResponseMessage Response, string Body)> GetAsync(string url, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        headers?.Invoke(request.Headers);
        var response = await fixture.Client.SendAsync(request, Ct);
        return (response, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>
    /// An item written straight to the database, with no event: a cached answer goes on showing the old list. The
    /// published read model is marked stale by hand (not the output cache), so an answer rendered now shows it.
    /// </summary>
    private async Task<string> AddBehindTheCacheAsync()
    {
        var slug = TestContent.UniqueSlug("behind");
        await using var db = fixture.App.CreateContext();
        await TestContent.AddAsync(db, TestContent.News(slug));
        fixture.App.Services.GetRequiredService<PatentWeek.Cms.Delivery.Published.PublishedSite>().Invalidate();
        return slug;
    }

    [Fact]
    public async Task An_answer_rendered_while_the_published_model_changed_is_served_but_not_stored()
    {
        var site = fixture.App.Services.GetRequiredService<PatentWeek.Cms.Delivery.Published.PublishedSite>();
        var guard = new PatentWeek.Cms.Site.OutputCaching.FreshRender(site);

        async Task<bool> StoredAsync(bool changeDuringRender)
        {
            var context = new Microsoft.AspNetCore.OutputCaching.OutputCacheContext { HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext() };
            context.AllowCacheStorage = true;
            await guard.CacheRequestAsync(context, Ct);
            if (changeDuringRender)
                site.Invalidate();
            await guard.ServeResponseAsync(context, Ct);
            return context.AllowCacheStorage;
        }

        Assert.True(await StoredAsync(changeDuringRender: false));
        Assert.False(await StoredAsync(changeDuringRender: true));
    }

    [Fact]
    public async Task WeChat_and_tracking_parameters_are_served_the_cached_home_page()
    {
        var key = Guid.NewGuid().ToString("N");
        var (first, _) = await GetAsync($"/?q={key}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var slug = await AddBehindTheCacheAsync();

        // The same entry: the new item is not there, and the output cache says how old its answer is.
        var (hit, html) = await GetAsync($"/?q={key}&{WeChatJunk}{Guid.NewGuid():N}");
        Assert.DoesNotContain(slug, html, StringComparison.Ordinal);
        Assert.True(hit.Headers.Age.HasValue, "a hit carries the cache's Age header");
        Assert.Equal(first.Headers.ETag, hit.Headers.ETag);

        // An allowed parameter is its own entry, rendered now, so the item is there: the hit above was the cache.
        var (miss, fresh) = await GetAsync($"/?q={Guid.NewGuid():N}");
        Assert.Contains($"href=\"/news/{slug}\"", fresh, StringComparison.Ordinal);
        Assert.False(miss.Headers.Age.HasValue, "a miss has no Age header");
    }

    [Fact]
    public async Task An_item_page_ignores_unknown_parameters_too()
    {
        var (first, html) = await GetAsync("/page/notice?utm_campaign=launch");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var (hit, again) = await GetAsync($"/page/notice?{WeChatJunk}1");
        Assert.True(hit.Headers.Age.HasValue, "served from the cache");
        Assert.Equal(html, again);
    }

    [Fact]
    public async Task The_delivery_api_varies_by_each_of_its_own_parameters_and_by_nothing_else()
    {
        var list = $"/api/v1/content?kind=news&pageSize=50&tag={Guid.NewGuid():N}";
        await GetAsync(list);
        var news = "/api/v1/content?kind=news&pageSize=50";
        var (_, before) = await GetAsync(news);
        var slug = await AddBehindTheCacheAsync();

        var (hit, cached) = await GetAsync(news + "&utm_source=wechat&x=1");
        Assert.True(hit.Headers.Age.HasValue, "unknown parameters are the same entry");
        Assert.DoesNotContain(slug, cached, StringComparison.Ordinal);
        Assert.Equal(before, cached);

        // from is the API's own parameter (first day), not WeChat's: every value is an entry of its own.
        foreach (var url in new[] { news + "&from=2019-01-01", "/api/v1/content?kind=news&pageSize=49", "/api/v1/content?kind=news&pageSize=50&page=1" })
        {
            var (miss, body) = await GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, miss.StatusCode);
            Assert.Contains(slug, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Pages_answer_304_to_their_etag_and_to_if_modified_since()
    {
        var (first, _) = await GetAsync("/topic/service-tour");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        var modified = first.Content.Headers.LastModified;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.NotNull(modified);

        var (byTag, body) = await GetAsync("/topic/service-tour", h => h.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
        Assert.Empty(body);
        Assert.Equal(etag, byTag.Headers.ETag);

        var (byDate, _) = await GetAsync("/topic/service-tour", h => h.IfModifiedSince = modified);
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);

        var (other, html) = await GetAsync("/topic/service-tour", h => h.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"")));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Contains("知识产权服务万里行", html, StringComparison.Ordinal);
        var (older, _) = await GetAsync("/topic/service-tour", h => h.IfModifiedSince = modified.Value.AddDays(-1));
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
    }

    [Fact]
    public async Task A_cache_miss_with_a_matching_etag_is_a_304_too()
    {
        // Two keys of the same page: the second is rendered afresh, and its bytes (so its ETag) are the first one's.
        var (first, _) = await GetAsync($"/city/420600?page=1&q={Guid.NewGuid():N}");
        var (miss, body) = await GetAsync($"/city/420600?page=1&q={Guid.NewGuid():N}", h => h.IfNoneMatch.Add(first.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, miss.StatusCode);
        Assert.Empty(body);
        Assert.False(miss.Headers.Age.HasValue, "rendered, not served from the cache");
    }

    [Fact]
    public async Task Public_pages_set_no_cookies_even_for_a_visitor_who_holds_the_admin_s_antiforgery_cookie()
    {
        using var client = Plain();
        // The sign-in form sets the antiforgery cookie; a browser would send it back to every page of the site.
        using var signIn = await client.GetAsync(new Uri("/admin/signin", UriKind.Relative), Ct);
        var antiforgery = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pwk.af=", StringComparison.Ordinal)).Split(';')[0];

        foreach (var url in new[]
                 {
                     "/", "/?from=timeline", "/page/notice", "/news/sample-service-tour-station", "/topic/service-tour", "/city/420100",
                     "/no/such/page", "/api/v1/site", "/api/v1/content?kind=news",
                 })
        {
            foreach (var cookie in new[] { null, antiforgery })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
                if (cookie is not null)
                    request.Headers.Add("Cookie", cookie);
                using var response = await client.SendAsync(request, Ct);
                Assert.False(response.Headers.Contains("Set-Cookie"), $"{url} sets a cookie");
            }
        }
    }

    [Fact]
    public async Task A_publish_through_the_api_is_on_every_affected_page_at_the_next_request()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var slug = TestContent.UniqueSlug("launch");
        string[] pages = ["/", "/city/420600", "/api/v1/content?kind=story", "/api/v1/content?city=420600", "/topic/service-tour"];
        foreach (var page in pages)
            Assert.DoesNotContain(slug, (await GetAsync(page)).Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/story/" + slug)).Response.StatusCode);

        var id = await editor.Client.CreateAsync(new
        {
            kind = "story", title = "襄阳市专利周发布", slug, body = "正文", city = "420600", tags = TourTags,
        });
        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");

        // The eviction runs right after the publish's commit: the next request already sees it (a short retry is allowed).
        foreach (var page in pages.Append("/story/" + slug))
            Assert.True(await ShowsAsync(page, slug), $"{page} does not show the published story");
    }

    private async Task<bool> ShowsAsync(string page, string slug)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var (response, body) = await GetAsync(page);
            if (response.StatusCode == HttpStatusCode.OK && body.Contains(slug, StringComparison.Ordinal))
                return true;
            await Task.Delay(200, Ct);
        }

        return false;
    }
}

public sealed class CachingSqliteTests(SqliteApp app) : CachingTests(app), IClassFixture<SqliteApp>;

public sealed class CachingPostgresTests(PostgresApp app) : CachingTests(app), IClassFixture<PostgresApp>;
