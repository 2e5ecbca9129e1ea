using System.Net;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Site;

/// <summary>
/// An unhandled exception on a public page shows the theme's friendly 500 page (the site's masthead and a way home),
/// never a stack trace; the APIs keep answering problem+json.
/// </summary>
public sealed class ThemedErrorPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_page_that_fails_to_render_shows_the_theme_s_500_page_without_a_stack_trace()
    {
        await using var database = new SqliteTestDatabase();
        // The default theme, copied, with a home page that fails at render time (a partial it includes does not exist).
        var themes = Path.Combine(database.DataPath, "themes");
        var theme = Path.Combine(themes, "default");
        CopyFolder(Repo.Themes + "/default", theme);
        await File.WriteAllTextAsync(Path.Combine(theme, "home.liquid"), "<p>{% include '_no_such_partial' %}</p>", Ct);

        await using var app = new CmsApp(database, new Dictionary<string, string?> { ["Cms:ThemesPath"] = themes });
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "an error page is never cached");
        Assert.Contains("<title>出错了 - 中国专利周</title>", body, StringComparison.Ordinal);
        Assert.Contains("class=\"masthead\"", body, StringComparison.Ordinal);
        Assert.Contains("返回首页", body, StringComparison.Ordinal);
        foreach (var leak in new[] { "Exception", "_no_such_partial", "   at ", ".cs:line", "liquid" })
            Assert.DoesNotContain(leak, body, StringComparison.Ordinal);

        // Other pages and the API are unaffected.
        using var news = await client.GetAsync(new Uri("/news", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, news.StatusCode);
        using var api = await client.GetAsync(new Uri("/api/v1/site", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
