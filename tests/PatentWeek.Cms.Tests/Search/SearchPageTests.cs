using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Search;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Search;

/// <summary>
/// The site's <c>/search</c> page over HTTP: results with marked snippets, the query kept in the box (escaped), kind
/// filters with their counts, paging that keeps the query, a message next to the box for a refused query, suggestions
/// for an empty result, and the header's GET box on every other page.
/// </summary>
public sealed class SearchPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        using var response = await app.Client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static string Q(string text) => Uri.EscapeDataString(text);

    [Theory]
    [InlineData("专利")]
    [InlineData("专")]
    [InlineData("高价值专利")]
    public async Task The_seed_is_found_with_marked_snippets_and_the_query_stays_in_the_box(string q)
    {
        var (status, html) = await GetAsync($"/search?q={Q(q)}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<mark>{q}</mark>", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{q}\"", html, StringComparison.Ordinal);
        Assert.Matches("找到 [1-9][0-9]* 条与“" + q + "”相关的内容", html);
        Assert.Contains("<meta name=\"robots\" content=\"noindex, follow\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/search?q=" + Q(q) + "&amp;kind=news\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">全部", html, StringComparison.Ordinal);
        // The search page has its own box; the header's is left out so that there is one.
        Assert.DoesNotContain("masthead-search", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kind_filter_narrows_the_results_and_paging_keeps_the_query()
    {
        // The form sends an empty city for 全部市州.
        var (_, html) = await GetAsync($"/search?q={Q("专")}&kind=news&city=");
        Assert.Contains("aria-current=\"page\">新闻动态", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"kind\" value=\"news\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/story/", html, StringComparison.Ordinal);

        // Enough items of one word for a second page: its links keep the query.
        var marker = "鑫" + Guid.NewGuid().ToString("N")[..4] + "淼";
        var ids = new List<int>();
        for (var i = 0; i < 21; i++)
            ids.Add((await TestContent.AddAsync(app.App, TestContent.News(TestContent.UniqueSlug("paged")) with { Title = $"{marker}第{i}条", PublishedAt = DateTime.UtcNow.AddMinutes(-i) })).Id);
        await using (var scope = app.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RefreshAsync(ids, Ct);
        // Items written straight to the database are not in the read model until it is refreshed.
        app.App.Services.GetRequiredService<PatentWeek.Cms.Delivery.Published.PublishedSite>().Invalidate();
        var (first, page1) = await GetAsync($"/search?q={Q(marker)}");
        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Contains("第 1 / 2 页", page1, StringComparison.Ordinal);
        Assert.Contains($"href=\"/search?q={Q(marker)}&amp;page=2\"", page1, StringComparison.Ordinal);
        var (_, page2) = await GetAsync($"/search?q={Q(marker)}&page=2");
        Assert.Contains("第 2 / 2 页", page2, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/search?q={Q(marker)}&page=3")).Status);
    }

    [Theory]
    [InlineData("", "请输入要搜索的词。")]
    [InlineData("%20", "请输入要搜索的词。")]
    [InlineData("%EF%BC%81%EF%BC%81%20*%3A", "搜索词里没有可以查找的文字，请换一个词。")]
    public async Task A_refused_query_is_a_message_next_to_the_box(string q, string message)
    {
        var (status, html) = await GetAsync($"/search?q={q}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"<p id=\"search-error\" class=\"field-error\" role=\"alert\">{message}</p>", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        var (tooLong, longHtml) = await GetAsync($"/search?q={Q(new string('专', 101))}");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong);
        Assert.Contains("搜索词最多 100 个字。", longHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_in_a_query_is_text_and_an_empty_result_suggests_what_to_try()
    {
        var (status, html) = await GetAsync($"/search?q={Q("<script>alert(1)</script>\"鑫淼无此词")}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;&quot;鑫淼无此词\"", html, StringComparison.Ordinal);
        Assert.Contains("可以试试", html, StringComparison.Ordinal);

        var (_, filtered) = await GetAsync($"/search?q={Q("鑫淼无此词")}&city=420100&kind=story");
        Assert.Contains("去掉类型和市州筛选", filtered, StringComparison.Ordinal);
        Assert.Contains("<option value=\"420100\" selected>", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_empty_page_has_the_box_bad_filters_are_no_page_and_every_other_page_has_the_header_box()
    {
        var (status, html) = await GetAsync("/search");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"search-q\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("field-error", html, StringComparison.Ordinal);
        // The cache keys an absent q and an empty one apart: the empty one is still refused after the page was cached.
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync("/search?q=")).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/search")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/search?q={Q("专利")}&kind=poem")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/search?q={Q("专利")}&edition=99")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync($"/search?q={Q("专利")}&page=0")).Status);

        foreach (var url in new[] { "/", "/news", "/page/notice", "/no/such/page" })
        {
            var (_, page) = await GetAsync(url);
            Assert.Contains("<form class=\"masthead-search\" method=\"get\" action=\"/search\" role=\"search\">", page, StringComparison.Ordinal);
        }
        // An older edition's pages search that edition.
        var (_, old) = await GetAsync("/editions");
        Assert.Contains("masthead-search", old, StringComparison.Ordinal);
    }
}
