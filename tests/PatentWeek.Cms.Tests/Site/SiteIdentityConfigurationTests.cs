using System.Net;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Site;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Site;

/// <summary>A host whose configuration sets two identity values (<c>Cms:Site:*</c>).</summary>
public abstract class ConfiguredSiteApp(DatabaseProvider provider) : AppFixture(provider)
{
    public const string SiteName = "湖北知识产权宣传周（配置）";
    public const string IcpNumber = "鄂ICP备99999999号（配置示例）";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cms:Site:SiteName"] = SiteName,
        ["Cms:Site:IcpNumber"] = IcpNumber,
    };
}

public sealed class ConfiguredSiteSqliteApp() : ConfiguredSiteApp(DatabaseProvider.Sqlite);

public sealed class ConfiguredSitePostgresApp() : ConfiguredSiteApp(DatabaseProvider.PostgreSql);

/// <summary>Configuration wins over the seed and the administrator, value by value; the admin shows those values read-only.</summary>
public abstract class SiteIdentityConfigurationTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Configured_values_win_on_every_page_and_the_others_still_come_from_the_seed()
    {
        var html = await fixture.Client.GetStringAsync(new Uri("/page/notice", UriKind.Relative), Ct);
        Assert.Contains($"<title>省知识产权局关于组织开展第十三届中国专利周活动的通知 - {ConfiguredSiteApp.SiteName}</title>", html, StringComparison.Ordinal);
        Assert.Contains($"<meta name=\"SiteName\" content=\"{ConfiguredSiteApp.SiteName}\">", html, StringComparison.Ordinal);
        Assert.Contains($">{ConfiguredSiteApp.IcpNumber}</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("鄂ICP备00000000号", html, StringComparison.Ordinal);
        Assert.Contains("主办单位：湖北省知识产权局", html, StringComparison.Ordinal);

        // The stored row keeps the seed's value: remove the setting and it shows again.
        await using var db = fixture.App.CreateContext();
        Assert.Equal("第十三届中国专利周", (await db.SiteIdentity.AsNoTracking().SingleAsync(Ct)).SiteName);
    }

    [Fact]
    public async Task The_admin_shows_configured_values_read_only_and_a_posted_one_changes_nothing()
    {
        var user = await Staff.CreateUserAsync(fixture.App, Roles.Administrator);
        using var admin = await AdminSession.SignInAsync(fixture.App, user.Email!, Staff.Password, () => Staff.CodeAsync(fixture.App, user));
        var form = await admin.GetStringAsync(new Uri("/admin/settings/site", UriKind.Relative), Ct);
        Assert.Contains($"<input id=\"site-siteName\" value=\"{ConfiguredSiteApp.SiteName}\" readonly", form, StringComparison.Ordinal);
        Assert.Contains("由配置文件设置（<code>Cms:Site:SiteName</code>）", form, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Values[SiteName]\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Values[IcpNumber]\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"Values[Sponsor]\"", form, StringComparison.Ordinal);

        await using var before = fixture.App.CreateContext();
        var row = await before.SiteIdentity.AsNoTracking().SingleAsync(Ct);
        var fields = SiteIdentityFields.All.ToDictionary(f => $"Values[{f.Name}]", f => f.Get(row) ?? "");
        fields["Values[SiteName]"] = "不应保存的站名";
        fields["Values[Phone]"] = "027-11112222";
        using (var saved = await admin.PostFormAsync("/admin/settings/site", fields))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await using var after = fixture.App.CreateContext();
        var stored = await after.SiteIdentity.AsNoTracking().SingleAsync(Ct);
        Assert.Equal("027-11112222", stored.Phone);
        Assert.Equal("第十三届中国专利周", stored.SiteName);
        var html = await fixture.Client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Contains($"<meta name=\"SiteName\" content=\"{ConfiguredSiteApp.SiteName}\">", html, StringComparison.Ordinal);
        Assert.Contains("电话：027-11112222", html, StringComparison.Ordinal);
    }
}

public sealed class SiteIdentityConfigurationSqliteTests(ConfiguredSiteSqliteApp app) : SiteIdentityConfigurationTests(app), IClassFixture<ConfiguredSiteSqliteApp>;

public sealed class SiteIdentityConfigurationPostgresTests(ConfiguredSitePostgresApp app) : SiteIdentityConfigurationTests(app), IClassFixture<ConfiguredSitePostgresApp>;
