using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Site;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Site;

/// <summary>
/// The site's identity from <c>content/site.yml</c>: seeded into the database, shown in every page's footer, title and
/// gov <c>&lt;meta&gt;</c> fields, with the seed's registration numbers marked as placeholders; an administrator's edit
/// is saved, audited, shown at once (the public cache is evicted) and kept by the next seed.
/// </summary>
public abstract partial class SiteIdentityTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> HtmlAsync(string url)
    {
        using var response = await fixture.Client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private static string? Meta(string html, string name)
    {
        var match = Regex.Match(html, $"<meta name=\"{name}\" content=\"([^\"]*)\">");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [Fact]
    public async Task The_seed_imports_the_identity_of_site_yml_with_marked_placeholder_numbers()
    {
        await using var db = fixture.App.CreateContext();
        var row = await db.SiteIdentity.AsNoTracking().SingleAsync(Ct);
        Assert.Equal("第十三届中国专利周", row.SiteName);
        Assert.Equal("湖北省知识产权局", row.Sponsor);
        Assert.Equal("zscq.example.cn", row.Domain);
        Assert.NotNull(row.UpdatedBy);
        // Never a number that could pass for a real registration: each carries the mark.
        foreach (var number in new[] { row.SiteCode, row.IcpNumber, row.PublicSecurityNumber })
            Assert.EndsWith(SiteIdentityFields.PlaceholderMark, number, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_footer_shows_sponsor_contact_record_numbers_with_their_links_the_site_map_and_the_dates()
    {
        var html = await HtmlAsync("/");
        var footer = html[html.IndexOf("<footer class=\"footer\"", StringComparison.Ordinal)..];
        Assert.Contains("主办单位：湖北省知识产权局", footer, StringComparison.Ordinal);
        Assert.Contains("承办单位：", footer, StringComparison.Ordinal);
        Assert.Contains("<a href=\"mailto:zscq@example.cn\">zscq@example.cn</a>", footer, StringComparison.Ordinal);
        Assert.Contains("网站标识码：0000000000（示例）", footer, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://beian.miit.gov.cn/\" rel=\"noopener\" id=\"footer-icp\">鄂ICP备00000000号（示例）</a>", footer, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://beian.mps.gov.cn/#/query/webSearch?code=00000000000000\" rel=\"noopener\" id=\"footer-public-security\">鄂公网安备 00000000000000号（示例）</a>", footer, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/editions\" id=\"footer-sitemap\">网站地图</a>", footer, StringComparison.Ordinal);
        Assert.Contains("活动时间：2019年11月30日 — 2019年12月6日", footer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_carries_the_site_meta_fields_and_takes_its_title_from_the_identity()
    {
        foreach (var url in new[] { "/", "/page/notice", "/city/420600" })
        {
            var html = await HtmlAsync(url);
            Assert.Equal("第十三届中国专利周", Meta(html, "SiteName"));
            Assert.Equal("zscq.example.cn", Meta(html, "SiteDomain"));
            Assert.Equal("0000000000（示例）", Meta(html, "SiteIDCode"));
            Assert.Matches("<title>(.+ - )?第十三届中国专利周</title>", html);
        }

        // The item fields are an item page's only.
        Assert.Null(Meta(await HtmlAsync("/"), "ArticleTitle"));
    }

    [Fact]
    public async Task An_item_page_names_its_column_title_publish_time_in_Beijing_and_source()
    {
        var html = await HtmlAsync("/page/notice");
        Assert.Equal(ContentTypes.Find("page")!.Label, Meta(html, "ColumnName"));
        Assert.Equal("省知识产权局关于组织开展第十三届中国专利周活动的通知", Meta(html, "ArticleTitle"));
        Assert.Equal("湖北省知识产权局", Meta(html, "ContentSource"));

        await using var db = fixture.App.CreateContext();
        var published = await db.ContentItems.Where(i => i.Slug == "notice").Select(i => i.PublishedAt).SingleAsync(Ct);
        Assert.NotNull(published);
        var beijing = new DateTimeOffset(published.Value, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(8));
        Assert.Equal(beijing.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Meta(html, "PubDate"));
    }

    [Fact]
    public async Task An_administrators_edit_is_saved_audited_shown_at_once_and_kept_by_the_next_seed()
    {
        var before = await HtmlAsync("/"); // cached now
        Assert.DoesNotContain("襄阳市知识产权局", before, StringComparison.Ordinal);
        var user = await Staff.CreateUserAsync(fixture.App, Roles.Administrator);
        using var admin = await AdminSession.SignInAsync(fixture.App, user.Email!, Staff.Password, () => Staff.CodeAsync(fixture.App, user));

        // The page lists every field with where it comes from, and says the seed's numbers are placeholders.
        using (var page = await admin.GetAsync(new Uri("/admin/settings/site", UriKind.Relative), Ct))
        {
            var form = await page.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("id=\"placeholder-note\"", form, StringComparison.Ordinal);
            Assert.Contains("name=\"Values[Organizer]\"", form, StringComparison.Ordinal);
            Assert.Contains("当前来源：种子文件。", form, StringComparison.Ordinal);
        }

        var fields = await CurrentValuesAsync();
        fields["Values[Organizer]"] = "襄阳市知识产权局";
        fields["Values[Phone]"] = "027-87654321";
        using (var saved = await admin.PostFormAsync("/admin/settings/site", fields))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var after = await HtmlAsync("/");
        Assert.Contains("承办单位：襄阳市知识产权局", after, StringComparison.Ordinal);
        Assert.Contains("电话：027-87654321", after, StringComparison.Ordinal);
        Assert.Contains("承办单位：襄阳市知识产权局", await HtmlAsync("/page/notice"), StringComparison.Ordinal);

        await using (var db = fixture.App.CreateContext())
        {
            var audit = await db.AuditEntries.Where(a => a.Action == "site.update").OrderByDescending(a => a.Id).FirstAsync(Ct);
            Assert.Equal(user.Email, audit.Actor);
            Assert.Contains("承办单位：襄阳市知识产权局", audit.Detail, StringComparison.Ordinal);
            Assert.Equal(user.Email, (await db.SiteIdentity.AsNoTracking().SingleAsync(Ct)).UpdatedBy);
        }

        // The next start's seed leaves the administrator's values alone.
        using (var scope = fixture.App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PatentWeek.Cms.Content.Import.ContentImporter>()
                .ImportAsync(Repo.Content, includeSamples: true, asSeed: true, Ct);
        }

        await using (var db = fixture.App.CreateContext())
            Assert.Equal("襄阳市知识产权局", (await db.SiteIdentity.AsNoTracking().SingleAsync(Ct)).Organizer);
    }

    [Fact]
    public async Task A_bad_value_is_refused_next_to_its_field_in_Chinese_and_nothing_is_saved()
    {
        var user = await Staff.CreateUserAsync(fixture.App, Roles.Administrator);
        using var admin = await AdminSession.SignInAsync(fixture.App, user.Email!, Staff.Password, () => Staff.CodeAsync(fixture.App, user));
        var fields = await CurrentValuesAsync();
        fields["Values[Address]"] = "武汉\u0007市";
        fields["Values[Email]"] = "不是邮箱";
        fields["Values[Sponsor]"] = " ";

        using var response = await admin.PostFormAsync("/admin/settings/site", fields);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<span id=\"site-address-error\" class=\"error field-validation-error\">联系地址只能是一行文字，不能包含控制字符", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"site-email-error\" class=\"error field-validation-error\">电子邮箱格式不对", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"site-sponsor-error\" class=\"error field-validation-error\">请填写主办单位。", html, StringComparison.Ordinal);
        await using var db = fixture.App.CreateContext();
        var row = await db.SiteIdentity.AsNoTracking().SingleAsync(Ct);
        Assert.Equal("湖北省知识产权局", row.Sponsor);
        Assert.DoesNotContain('\u0007', row.Address ?? "");
    }

    [Fact]
    public async Task Only_administrators_open_the_page()
    {
        var editor = await Staff.CreateUserAsync(fixture.App, Roles.Editor);
        using var session = await AdminSession.SignInAsync(fixture.App, editor.Email!, Staff.Password);
        using var response = await session.GetAsync(new Uri("/admin/settings/site", UriKind.Relative), Ct);
        Assert.Contains("/admin/denied", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, string>> CurrentValuesAsync()
    {
        await using var db = fixture.App.CreateContext();
        var row = await db.SiteIdentity.AsNoTracking().SingleAsync(Ct);
        return SiteIdentityFields.All.ToDictionary(f => $"Values[{f.Name}]", f => f.Get(row) ?? "");
    }
}

public sealed class SiteIdentitySqliteTests(SqliteApp app) : SiteIdentityTests(app), IClassFixture<SqliteApp>;

public sealed class SiteIdentityPostgresTests(PostgresApp app) : SiteIdentityTests(app), IClassFixture<PostgresApp>;
