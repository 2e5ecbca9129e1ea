using System.Net;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Site;

/// <summary>An unexpected failure (here: a broken theme) shows a short page to people and problem+json to API clients, never a stack trace.</summary>
public sealed class ErrorPageTests
{
    [Fact]
    public async Task A_broken_theme_gives_a_plain_error_page_without_a_stack_trace()
    {
        await using var database = new SqliteTestDatabase();
        var themes = Path.Combine(database.DataPath, "themes", "default");
        Directory.CreateDirectory(themes);
        await File.WriteAllTextAsync(Path.Combine(themes, "layout.liquid"), "{{ content }}", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(themes, "home.liquid"), "{% if %}", TestContext.Current.CancellationToken);

        await using var app = new CmsApp(database, new Dictionary<string, string?> { ["Cms:ThemesPath"] = Path.GetDirectoryName(themes) });
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("出错了", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("liquid", body, StringComparison.Ordinal);

        // The API is unaffected by the theme and keeps answering.
        using var api = await client.GetAsync(new Uri("/api/v1/site", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }
}
