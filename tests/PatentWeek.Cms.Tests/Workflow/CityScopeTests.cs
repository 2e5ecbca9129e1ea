using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Tests.Infrastructure;
using PatentWeek.Cms.Tests.Media;

namespace PatentWeek.Cms.Tests.Workflow;

/// <summary>
/// City scoping, checked against every management endpoint the application has — found by enumerating
/// its endpoints, so a future endpoint that forgets scoping fails here without anyone adding a case. Each
/// endpoint gets the id of the resource type it names: content (with its WeChat endpoints) or media (a
/// private document: the library item, its edit, delete and download).
/// </summary>
public abstract partial class CityScopeTests(AppFixture fixture)
{
    private const string Wuhan = "420100";
    private const string Huangshi = "420200";

    [Fact]
    public async Task Every_management_endpoint_hides_another_city_s_items()
    {
        using var wuhan = await Staff.SignInAsync(fixture.App, Roles.CityContributor, Wuhan);
        using var huangshi = await Staff.SignInAsync(fixture.App, Roles.CityContributor, Huangshi);
        var title = "武汉草稿" + Guid.NewGuid().ToString("N")[..6];
        var id = await wuhan.Client.CreateAsync(new { kind = "story", title, city = Wuhan, body = "正文" });
        var before = await wuhan.Client.GetOkAsync($"/api/manage/v1/content/{id}");
        var document = await wuhan.Client.UploadOkAsync(TestDocuments.Docx(), "武汉活动方案.docx", title: "武汉的方案");
        var mediaId = document.GetProperty("id").GetInt32();
        Assert.Equal(Wuhan, document.GetProperty("city").GetString());

        var endpoints = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/manage/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Pattern: e.RoutePattern.RawText!)))
            .Where(e => e.Pattern != "/api/manage/v1/tokens/" || e.Method != "POST")
            .ToList();
        Assert.True(endpoints.Count >= 15, $"only {endpoints.Count} management endpoints found");

        var checkedWithId = 0;
        var checkedMedia = 0;
        foreach (var (method, pattern) in endpoints)
        {
            var body = new { title = "黄石改的", city = Huangshi, version = before.GetProperty("version").GetInt32(), comment = "x", kind = "story", alt = "黄石改的" };
            // A pattern that names a resource: an item or media id, or a city's plan or report (武汉's, asked by 黄石).
            if (pattern.Contains("{id", StringComparison.Ordinal) || pattern.Contains("{city}", StringComparison.Ordinal))
            {
                checkedWithId++;
                var isMedia = pattern.StartsWith("/api/manage/v1/media/", StringComparison.Ordinal);
                checkedMedia += isMedia ? 1 : 0;
                var (status, json) = await huangshi.Client.SendAsync(new HttpMethod(method), Fill(pattern, isMedia ? mediaId : id), body);
                Assert.True(status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden,
                    $"{method} {pattern} as another city's contributor answered {(int)status}: {json}");
                if (status == HttpStatusCode.Forbidden)
                {
                    // A 403 must not depend on the item: the same call on a missing id is refused alike.
                    var (missing, _) = await huangshi.Client.SendAsync(new HttpMethod(method), Fill(pattern, 987654321), body);
                    Assert.True(missing == HttpStatusCode.Forbidden, $"{method} {pattern}: 403 for a real item but {(int)missing} for a missing one");
                }
            }
            else if (method == "GET")
            {
                var (status, json) = await huangshi.Client.SendAsync(HttpMethod.Get, Fill(pattern, id) + "?city=" + Wuhan);
                Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Forbidden, $"GET {pattern}: {(int)status}");
                Assert.DoesNotContain(title, json.ToString(), StringComparison.Ordinal);
                Assert.DoesNotContain("武汉的方案", json.ToString(), StringComparison.Ordinal);
            }
        }

        Assert.True(checkedWithId >= 12, $"only {checkedWithId} endpoints name an item");
        // The library item, its edit, its delete and its download.
        Assert.True(checkedMedia >= 4, $"only {checkedMedia} media endpoints name a media item");
        Assert.Contains(endpoints, e => e.Pattern.StartsWith("/api/manage/v1/content/{id:int}/wechat", StringComparison.Ordinal));
        var after = await wuhan.Client.GetOkAsync($"/api/manage/v1/content/{id}");
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
        Assert.Equal(title, after.GetProperty("title").GetString());
        await using var db = fixture.App.CreateContext();
        Assert.Null(await db.ContentItems.Where(i => i.Id == id).Select(i => i.DeletedAt).SingleAsync(TestContext.Current.CancellationToken));
        var media = await wuhan.Client.GetOkAsync($"/api/manage/v1/media/{mediaId}");
        Assert.Equal("武汉的方案", media.GetProperty("title").GetString());
        Assert.Equal(document.GetProperty("version").GetInt32(), media.GetProperty("version").GetInt32());

        // The admin's cookie twin of the download is scoped alike, and the id is a real one: its own city downloads it.
        using (var own = await wuhan.Client.GetAsync(new Uri($"/api/manage/v1/media/{mediaId}/file", UriKind.Relative), TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var huangshiUser = await Staff.CreateUserAsync(fixture.App, Roles.CityContributor, Huangshi);
        using var huangshiBrowser = await AdminSession.SignInAsync(fixture.App, huangshiUser.Email!, Staff.Password);
        using var download = await huangshiBrowser.GetAsync(new Uri($"/admin/media/{mediaId}/file", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
    }

    [Fact]
    public async Task A_contributor_lists_only_their_city()
    {
        using var wuhan = await Staff.SignInAsync(fixture.App, Roles.CityContributor, Wuhan);
        using var huangshi = await Staff.SignInAsync(fixture.App, Roles.CityContributor, Huangshi);
        await wuhan.Client.CreateAsync(new { kind = "story", title = "武汉的", city = Wuhan });
        await huangshi.Client.CreateAsync(new { kind = "story", title = "黄石的", city = Huangshi });

        var list = await huangshi.Client.GetOkAsync("/api/manage/v1/content?pageSize=200");
        var cities = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("city").GetString()).Distinct().ToList();
        Assert.Equal([Huangshi], cities);
    }

    private static string Fill(string pattern, int id) =>
        RouteParameter().Replace(pattern, m => m.Groups[1].Value switch
        {
            "id" => id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "number" => "13",
            "kind" => "report",
            "city" => Wuhan,
            _ => "1",
        }).TrimEnd('/');

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex RouteParameter();
}

public sealed class CityScopeSqliteTests(SqliteApp app) : CityScopeTests(app), IClassFixture<SqliteApp>;

public sealed class CityScopePostgresTests(PostgresApp app) : CityScopeTests(app), IClassFixture<PostgresApp>;
