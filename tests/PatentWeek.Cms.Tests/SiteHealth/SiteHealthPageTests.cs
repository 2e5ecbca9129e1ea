using System.Net;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.SiteHealth;

/// <summary>The admin page 网站体检: province staff run it and see the result; a city clerk is turned away.</summary>
public abstract class SiteHealthPageTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Dictionary<string, string?> FixtureSettings() => new()
    {
        ["Cms:SiteHealth:CrawlBaseUrl"] = LoopbackSite.RefusingUrl(),
        ["WeChat:Emulator"] = "false",
    };

    [Fact]
    public async Task An_editor_runs_the_report_and_sees_it_with_its_time()
    {
        var editor = await Staff.CreateUserAsync(fixture.App, Roles.Editor);
        using var client = await AdminSession.SignInAsync(fixture.App, editor.Email!, Staff.Password);
        Assert.Contains("href=\"/admin/site-health\"", await client.GetStringAsync(new Uri("/admin", UriKind.Relative), Ct), StringComparison.Ordinal);

        using var page = await client.GetAsync(new Uri("/admin/site-health", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<h1>网站体检</h1>", html, StringComparison.Ordinal);

        using var run = await client.PostFormAsync("/admin/site-health");
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        html = WebUtility.HtmlDecode(await run.Content.ReadAsStringAsync(Ct));
        Assert.Contains("体检结果（", html, StringComparison.Ordinal);
        // The seed was published in 2019: the home page is far past the two-week veto.
        Assert.Contains("首页已", html, StringComparison.Ordinal);
        Assert.Contains("<strong>严重</strong>", html, StringComparison.Ordinal);
        // This fixture's crawl target refuses connections: the site is reported down, not a crash.
        Assert.Contains("无法访问", html, StringComparison.Ordinal);
        Assert.Contains("未配置微信公众号", html, StringComparison.Ordinal);

        // The last result stays on the page.
        Assert.Contains("体检结果（", await client.GetStringAsync(new Uri("/admin/site-health", UriKind.Relative), Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_city_clerk_is_denied()
    {
        var clerk = await Staff.CreateUserAsync(fixture.App, Roles.CityContributor, "420100");
        using var client = await AdminSession.SignInAsync(fixture.App, clerk.Email!, Staff.Password);
        Assert.DoesNotContain("/admin/site-health", await client.GetStringAsync(new Uri("/admin", UriKind.Relative), Ct), StringComparison.Ordinal);

        using var page = await client.GetAsync(new Uri("/admin/site-health", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/admin/denied", page.Headers.Location?.AbsolutePath);
        using var run = await client.PostFormAsync("/admin/site-health");
        Assert.NotEqual(HttpStatusCode.OK, run.StatusCode);
    }
}

/// <summary>
/// A crawl target where nothing listens, so the page's run is quick and needs no network; and no WeChat account (no
/// emulator, nothing entered), which the report names as a 提示.
/// </summary>
public sealed class SiteHealthSqliteApp() : AppFixture(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?>? Settings => SiteHealthPageTests.FixtureSettings();
}

public sealed class SiteHealthPostgresApp() : AppFixture(DatabaseProvider.PostgreSql)
{
    protected override IReadOnlyDictionary<string, string?>? Settings => SiteHealthPageTests.FixtureSettings();
}

public sealed class SiteHealthPageSqliteTests(SiteHealthSqliteApp app) : SiteHealthPageTests(app), IClassFixture<SiteHealthSqliteApp>;

public sealed class SiteHealthPagePostgresTests(SiteHealthPostgresApp app) : SiteHealthPageTests(app), IClassFixture<SiteHealthPostgresApp>;
