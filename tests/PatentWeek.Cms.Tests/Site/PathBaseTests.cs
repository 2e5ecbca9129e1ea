using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Site;

/// <summary>
/// The site mounted as a column under the office's portal (<c>Cms:PathBase=/zlz</c>): pages, assets, canonical
/// links and the admin live under the prefix, health answers at the root too, and nothing else answers outside it.
/// </summary>
public abstract partial class PathBaseTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client() => fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static async Task<(HttpResponseMessage Response, string Body)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        return (response, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Home_is_under_the_prefix_with_its_assets()
    {
        using var client = Client();
        var (response, html) = await GetAsync(client, "/zlz/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("知识产权助推实体经济高质量发展", html, StringComparison.Ordinal);
        var stylesheet = StylesheetHref().Match(html);
        Assert.True(stylesheet.Success, "the page links its stylesheet");
        Assert.StartsWith("/zlz/themes/default/assets/", stylesheet.Groups[1].Value, StringComparison.Ordinal);

        var (css, _) = await GetAsync(client, stylesheet.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);

        // The portal's link to the column itself.
        var (bare, _) = await GetAsync(client, "/zlz");
        Assert.Equal(HttpStatusCode.MovedPermanently, bare.StatusCode);
        Assert.Equal("/zlz/", bare.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_item_page_is_under_the_prefix_and_its_canonical_url_carries_it()
    {
        using var client = Client();
        var (response, html) = await GetAsync(client, "/zlz/page/notice");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<link rel=\"canonical\" href=\"https://zscq.example.cn/zlz/page/notice\">", html, StringComparison.Ordinal);
        Assert.Equal("https://zscq.example.cn/zlz/news/x", fixture.App.Services.GetRequiredService<PublicUrls>().Absolute("/news/x"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/page/notice")]
    [InlineData("/themes/default/assets/site.css")]
    [InlineData("/api/v1/site")]
    [InlineData("/admin/signin")]
    [InlineData("/zlzx/page/notice")]
    public async Task Nothing_answers_outside_the_prefix(string url)
    {
        using var client = Client();
        var (response, _) = await GetAsync(client, url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/zlz/health")]
    public async Task Health_answers_at_the_root_and_under_the_prefix(string url)
    {
        using var client = Client();
        var (response, body) = await GetAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\":\"Healthy\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_delivery_api_is_under_the_prefix()
    {
        using var client = Client();
        var (response, body) = await GetAsync(client, "/zlz/api/v1/site");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"number\":13", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_signs_in_under_the_prefix_with_cookies_scoped_to_it()
    {
        using var client = Client();
        var (closed, _) = await GetAsync(client, "/zlz/admin");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.StartsWith("/zlz/admin/signin", closed.Headers.Location?.AbsolutePath, StringComparison.Ordinal);

        var (form, html) = await GetAsync(client, "/zlz/admin/signin");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pwk.af=", StringComparison.Ordinal));
        Assert.Contains("path=/zlz", antiforgery, StringComparison.OrdinalIgnoreCase);

        var user = await Staff.CreateUserAsync(fixture.App, Roles.Editor);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/zlz/admin/signin", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = user.Email!, ["Password"] = Staff.Password, ["__RequestVerificationToken"] = AdminSession.Token(html),
            }),
        };
        request.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        using var signedIn = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/zlz/admin", signedIn.Headers.Location?.OriginalString);
        var auth = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pwk.auth=", StringComparison.Ordinal));
        Assert.Contains("path=/zlz", auth, StringComparison.OrdinalIgnoreCase);

        using var dashboard = new HttpRequestMessage(HttpMethod.Get, new Uri("/zlz/admin", UriKind.Relative));
        dashboard.Headers.Add("Cookie", auth.Split(';')[0]);
        using var open = await client.SendAsync(dashboard, Ct);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);

        // Every root-relative link, form and script of the dashboard carries the prefix (Razor's ~/ and the base the
        // admin script reads from <body>).
        var page = await open.Content.ReadAsStringAsync(Ct);
        var addresses = RootRelative().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(addresses);
        Assert.All(addresses, a => Assert.StartsWith("/zlz/", a, StringComparison.Ordinal));
        Assert.Contains("data-base=\"/zlz/\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_prefix_in_another_case_is_answered_with_links_in_the_configured_one()
    {
        using var client = Client();
        var (response, html) = await GetAsync(client, "/ZLZ/page/notice");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("/zlz/themes/default/assets/", StylesheetHref().Match(html).Groups[1].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("\"/ZLZ/", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/zlz", true)]
    [InlineData("/gov/zlz", true)]
    [InlineData("/zl-z_2", true)]
    [InlineData("zlz", false)]
    [InlineData("/zlz/", false)]
    [InlineData("/", false)]
    [InlineData("//zlz", false)]
    [InlineData("/zl z", false)]
    [InlineData("/zlz?x=1", false)]
    public void A_path_base_is_a_plain_path(string pathBase, bool valid) => Assert.Equal(valid, PathBases.IsValid(pathBase));

    [GeneratedRegex("(?:href|action|src)=\"(/[^\"]*)\"")]
    private static partial Regex RootRelative();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex StylesheetHref();
}

public sealed class PathBaseSqliteApp() : AppFixture(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Cms:PathBase"] = "/zlz" };
}

public sealed class PathBasePostgresApp() : AppFixture(DatabaseProvider.PostgreSql)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Cms:PathBase"] = "/zlz" };
}

public sealed class PathBaseSqliteTests(PathBaseSqliteApp app) : PathBaseTests(app), IClassFixture<PathBaseSqliteApp>;

public sealed class PathBasePostgresTests(PathBasePostgresApp app) : PathBaseTests(app), IClassFixture<PathBasePostgresApp>;
