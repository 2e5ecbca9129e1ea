using System.Net;
using System.Text.Json;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Search;

/// <summary>
/// <c>GET /api/v1/search</c> over HTTP, on each provider: the seed's items found by one, two and five characters with
/// marked snippets, the filters and paging of the content list, a publish found in the answer after it (the cached
/// answer evicted by the index) and an unpublish gone, and every bad query a 400 that names q.
/// </summary>
public abstract class SearchApiTests(AppFixture fixture)
{
    private HttpClient Client => fixture.Client;

    private static string Q(string text) => Uri.EscapeDataString(text);

    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    [Theory]
    [InlineData("专利")]
    [InlineData("专")]
    [InlineData("高价值专利")]
    public async Task The_seed_is_found_with_the_whole_query_marked_in_its_snippets(string q)
    {
        var page = await Client.GetJsonAsync($"/api/v1/search?q={Q(q)}");
        var items = Items(page);
        Assert.NotEmpty(items);
        Assert.Equal(items.Count, Math.Min(page.GetProperty("total").GetInt32(), 20));
        Assert.Contains(items, i => i.GetProperty("snippet").GetString()!.Contains($"<mark>{q}</mark>", StringComparison.Ordinal));
        foreach (var item in items)
        {
            // The hit is in the title or in the snippet's text; a mark holds the whole query, never a piece of it.
            var snippet = item.GetProperty("snippet").GetString()!;
            Assert.True(item.GetProperty("title").GetString()!.Contains(q, StringComparison.Ordinal) || snippet.Contains($"<mark>{q}</mark>", StringComparison.Ordinal), snippet);
            Assert.DoesNotContain("<mark>" + q[..^1] + "</mark>", q.Length > 1 ? snippet : "", StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(item.GetProperty("url").GetString()));
        }
        // The title's hits come first.
        var titled = items.Select(i => i.GetProperty("title").GetString()!.Contains(q, StringComparison.Ordinal)).ToList();
        Assert.Equal(titled.OrderByDescending(t => t), titled);
    }

    [Fact]
    public async Task Kind_city_and_paging_filter_as_the_content_list_does_and_the_counts_per_kind_ignore_the_kind()
    {
        var all = await Client.GetJsonAsync($"/api/v1/search?q={Q("专利")}");
        var kinds = all.GetProperty("kinds").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(all.GetProperty("total").GetInt32(), kinds.Values.Sum());

        var news = await Client.GetJsonAsync($"/api/v1/search?q={Q("专利")}&kind=news&pageSize=1");
        Assert.Equal(kinds["news"], news.GetProperty("total").GetInt32());
        Assert.Equal(kinds, news.GetProperty("kinds").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()));
        Assert.Equal("news", Assert.Single(Items(news)).GetProperty("kind").GetString());

        var second = await Client.GetJsonAsync($"/api/v1/search?q={Q("专利")}&kind=news&pageSize=1&page=2");
        Assert.NotEqual(Items(news)[0].GetProperty("url").GetString(), Assert.Single(Items(second)).GetProperty("url").GetString());
        Assert.Empty(Items(await Client.GetJsonAsync($"/api/v1/search?q={Q("专利")}&page=999")));

        var story = Items(all).First(i => i.GetProperty("city").ValueKind == JsonValueKind.Object);
        var city = story.GetProperty("city").GetProperty("code").GetString();
        var ofCity = Items(await Client.GetJsonAsync($"/api/v1/search?q={Q("专利")}&city={city}"));
        Assert.NotEmpty(ofCity);
        Assert.All(ofCity, i => Assert.Equal(city, i.GetProperty("city").GetProperty("code").GetString()));

        await Client.GetJsonAsync($"/api/v1/search?q={Q("专利")}&edition=99", HttpStatusCode.NotFound);
        var bad = await Client.GetJsonAsync($"/api/v1/search?q={Q("专利")}&kind=poem&pageSize=500", HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("kind", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Theory]
    [InlineData("", "q-required")]
    [InlineData("%20%20%20", "q-required")]
    [InlineData("!!!%EF%BC%8C%E3%80%82%20...", "q-no-words")]
    [InlineData("*%3A%26!%22", "q-no-words")]
    public async Task A_query_with_nothing_to_search_is_a_400_naming_q(string q, string code)
    {
        var problem = await Client.GetJsonAsync($"/api/v1/search?q={q}", HttpStatusCode.BadRequest);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Contains("'q'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
        Assert.Equal("q-required", (await Client.GetJsonAsync("/api/v1/search", HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        Assert.Equal("q-too-long", (await Client.GetJsonAsync($"/api/v1/search?q={Q(new string('专', 101))}", HttpStatusCode.BadRequest)).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("%22%20OR%20NEAR(%E4%B8%93%E5%88%A9")]
    [InlineData("%E4%B8%93%E5%88%A9*")]
    [InlineData("%E4%B8%93%00%E5%88%A9")]
    [InlineData("%ED%A0%80%E4%B8%93%E5%88%A9")]
    [InlineData("%E2%80%AE%E4%B8%93%E5%88%A9%E2%80%AC")]
    [InlineData("a%3Ab%20%26%20!c%20%7C%20d%3A*")]
    [InlineData("%27%3B%20DROP%20TABLE%20%22SearchDocuments%22%3B--")]
    public async Task Engine_syntax_and_broken_text_are_searched_as_plain_text(string q)
    {
        var page = await Client.GetJsonAsync($"/api/v1/search?q={q}");
        Assert.True(page.GetProperty("total").GetInt32() >= 0);
        // The seed still answers after an attempt to end the SQL.
        Assert.NotEmpty(Items(await Client.GetJsonAsync($"/api/v1/search?q={Q("专利")}")));
    }

    [Fact]
    public async Task A_published_item_is_found_at_once_and_an_unpublished_one_is_gone()
    {
        var marker = "鑫" + Guid.NewGuid().ToString("N")[..6] + "淼";
        var url = $"/api/v1/search?q={Q(marker + " 宣传周")}";
        // Asked before it exists: an empty answer, now in the output cache.
        Assert.Equal(0, (await Client.GetJsonAsync(url)).GetProperty("total").GetInt32());

        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var id = await editor.Client.CreateAsync(new { kind = "news", title = $"{marker}知识产权宣传周开幕", body = "宣传周期间的活动。" });
        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");
        await Eventually.TrueAsync(async () => (await Client.GetJsonAsync(url)).GetProperty("total").GetInt32() == 1, TimeSpan.FromSeconds(1));
        var hit = Assert.Single(Items(await Client.GetJsonAsync(url)));
        Assert.Contains("<mark>宣传周</mark>", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);

        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/unpublish");
        await Eventually.TrueAsync(async () => (await Client.GetJsonAsync(url)).GetProperty("total").GetInt32() == 0, TimeSpan.FromSeconds(1));
    }
}

public sealed class SearchApiSqliteTests(SqliteApp app) : SearchApiTests(app), IClassFixture<SqliteApp>;

public sealed class SearchApiPostgresTests(PostgresApp app) : SearchApiTests(app), IClassFixture<PostgresApp>;
