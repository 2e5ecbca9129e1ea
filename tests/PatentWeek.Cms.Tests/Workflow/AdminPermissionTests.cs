using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Tests.Infrastructure;
using PatentWeek.Cms.Tests.Media;

namespace PatentWeek.Cms.Tests.Workflow;

/// <summary>
/// The permission table holds in the admin UI as in the API: every admin page handler that names an item
/// is 404 for another city's contributor (found by enumerating the pages; a media page gets the id of a media
/// item of that city, every other page an item's), and each workflow step is
/// refused to the roles that may not take it, whichever door it is asked through.
/// </summary>
public abstract partial class AdminPermissionTests(AppFixture fixture)
{
    private const string Wuhan = "420100";
    private const string Huangshi = "420200";

    [Fact]
    public async Task Every_admin_page_handler_hides_another_city_s_items()
    {
        using var wuhan = await Staff.SignInAsync(fixture.App, Roles.CityContributor, Wuhan);
        var huangshiUser = await Staff.CreateUserAsync(fixture.App, Roles.CityContributor, Huangshi);
        using var huangshi = await AdminSession.SignInAsync(fixture.App, huangshiUser.Email!, Staff.Password);
        var id = await wuhan.Client.CreateAsync(new { kind = "story", title = "武汉的草稿", city = Wuhan });
        var before = (await wuhan.Client.GetOkAsync($"/api/manage/v1/content/{id}")).GetProperty("version").GetInt32();
        var document = await wuhan.Client.UploadOkAsync(TestDocuments.Docx(), "武汉活动方案.docx", title: "武汉的方案");
        var mediaId = document.GetProperty("id").GetInt32();
        var mediaVersion = document.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var pages = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Pattern: e.RoutePattern.RawText ?? "", Page: e.Metadata.GetMetadata<CompiledPageActionDescriptor>()))
            .Where(e => e.Page is not null && e.Pattern.StartsWith("admin", StringComparison.Ordinal) || e.Pattern.StartsWith("/admin", StringComparison.Ordinal))
            .Where(e => e.Page is not null)
            .ToList();
        var checkedHandlers = 0;
        var checkedMedia = 0;
        foreach (var (pattern, page) in pages)
        {
            var isMedia = pattern.TrimStart('/').StartsWith("admin/media/", StringComparison.Ordinal);
            var named = isMedia ? mediaId : id;
            var url = "/" + RouteParameter().Replace(pattern.TrimStart('/'), m => m.Groups[1].Value == "id" ? named.ToString(System.Globalization.CultureInfo.InvariantCulture) : "1");
            var itemRoute = pattern.Contains("{id", StringComparison.Ordinal);
            foreach (var handler in page!.HandlerMethods)
            {
                var takesId = itemRoute || handler.Parameters.Any(p => p.Name.EndsWith("id", StringComparison.OrdinalIgnoreCase) && p.ParameterType == typeof(int));
                if (!takesId)
                    continue;
                checkedHandlers++;
                checkedMedia += isMedia ? 1 : 0;
                var target = handler.Name is null ? url : $"{url}?handler={handler.Name}";
                if (!itemRoute)
                    target += (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "id=" + named;
                using var response = string.Equals(handler.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase)
                    ? await huangshi.GetAsync(new Uri(target, UriKind.Relative), TestContext.Current.CancellationToken)
                    : await huangshi.PostFormAsync(target, new() { ["comment"] = "x", ["at"] = "", ["Form.Title"] = "黄石改的", ["Form.Version"] = before.ToString(System.Globalization.CultureInfo.InvariantCulture), ["MediaTitle"] = "黄石改的", ["Version"] = mediaVersion });
                // 404, or the role's access-denied page for a page the role may not open at all (which says nothing about the item).
                var refused = response.StatusCode == HttpStatusCode.NotFound
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/admin/denied", StringComparison.Ordinal) == true);
                Assert.True(refused, $"{handler.HttpMethod} {target} as another city's contributor answered {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(checkedHandlers >= 12, $"only {checkedHandlers} admin handlers take an item id");
        // The media item page: show, save, delete.
        Assert.True(checkedMedia >= 3, $"only {checkedMedia} admin handlers take a media id");
        var after = await wuhan.Client.GetOkAsync($"/api/manage/v1/content/{id}");
        Assert.Equal(before, after.GetProperty("version").GetInt32());
        Assert.Equal("武汉的草稿", after.GetProperty("title").GetString());
        var media = await wuhan.Client.GetOkAsync($"/api/manage/v1/media/{mediaId}");
        Assert.Equal("武汉的方案", media.GetProperty("title").GetString());
        Assert.Equal(mediaVersion, media.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Every_admin_item_page_is_404_for_an_item_that_does_not_exist_and_never_an_error_for_one_in_the_trash()
    {
        // The office reads every city's items, so nothing but the item's absence can refuse it: the page must say 404, never 500 or an empty page.
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var editorUser = await Staff.CreateUserAsync(fixture.App, Roles.Editor, null);
        using var browser = await AdminSession.SignInAsync(fixture.App, editorUser.Email!, Staff.Password);
        var trashed = await editor.Client.CreateAsync(new { kind = "news", title = "回收站里的新闻" });
        await editor.Client.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/manage/v1/content/{trashed}");

        var itemPages = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText?.TrimStart('/') ?? "")
            .Where(p => p.StartsWith("admin/content/", StringComparison.Ordinal) && p.Contains("{id", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(itemPages.Count >= 3, $"only {itemPages.Count} admin pages name an item: {string.Join(", ", itemPages)}");
        foreach (var pattern in itemPages)
        {
            foreach (var (id, inTrash) in new[] { (int.MaxValue - 7, false), (trashed, true) })
            {
                var url = "/" + RouteParameter().Replace(pattern, m => m.Groups[1].Value == "id" ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "1");
                using var response = await browser.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
                // A trashed item keeps its history (the revisions page, as the API's revisions); the pages that act on it are 404.
                var answered = inTrash ? response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.OK : response.StatusCode == HttpStatusCode.NotFound;
                Assert.True(answered, $"GET {url} answered {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task A_contributor_cannot_approve_and_a_reviewer_cannot_unpublish_through_the_admin_pages()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var wuhanUser = await Staff.CreateUserAsync(fixture.App, Roles.CityContributor, Wuhan);
        using var wuhan = await AdminSession.SignInAsync(fixture.App, wuhanUser.Email!, Staff.Password);
        var reviewerUser = await Staff.CreateUserAsync(fixture.App, Roles.Reviewer);
        using var reviewer = await AdminSession.SignInAsync(fixture.App, reviewerUser.Email!, Staff.Password);

        var story = await editor.Client.CreateAsync(new { kind = "story", title = "送审的亮点", city = Wuhan });
        await editor.Client.PostAsync($"/api/manage/v1/content/{story}/submit");
        (await wuhan.PostFormAsync($"/admin/content/{story}?handler=Approve")).Dispose();
        (await wuhan.PostFormAsync($"/admin/content/{story}?handler=Reject", new() { ["comment"] = "自己退回" })).Dispose();
        Assert.Equal("submitted", (await editor.Client.GetOkAsync($"/api/manage/v1/content/{story}")).State());

        var news = await editor.Client.CreateAsync(new { kind = "news", title = "已发布的新闻" });
        await editor.Client.PostAsync($"/api/manage/v1/content/{news}/publish");
        (await reviewer.PostFormAsync($"/admin/content/{news}?handler=Unpublish")).Dispose();
        (await reviewer.PostFormAsync($"/admin/content/{news}?handler=Delete")).Dispose();
        (await reviewer.PostFormAsync($"/admin/content/{news}?handler=Publish", new() { ["at"] = "2099-01-01 09:00" })).Dispose();
        var after = await editor.Client.GetOkAsync($"/api/manage/v1/content/{news}");
        Assert.Equal("published", after.State());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, after.GetProperty("deletedAt").ValueKind);
    }

    [Fact]
    public async Task A_contributor_cannot_take_a_published_story_off_the_site()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        using var wuhan = await Staff.SignInAsync(fixture.App, Roles.CityContributor, Wuhan);
        var id = await editor.Client.CreateAsync(new { kind = "story", title = "已发布的武汉亮点", city = Wuhan, slug = "wuhan-live-" + Guid.NewGuid().ToString("N")[..6] });
        var published = await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");
        await wuhan.Client.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Delete, $"/api/manage/v1/content/{id}");
        await wuhan.Client.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, $"/api/manage/v1/content/{id}/unpublish", new { });
        await fixture.Client.GetJsonAsync($"/api/v1/content/story/{published.GetProperty("slug").GetString()}");

        // Their own draft they may delete.
        var draft = await wuhan.Client.CreateAsync(new { kind = "story", title = "自己的草稿", city = Wuhan });
        await wuhan.Client.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/manage/v1/content/{draft}");
    }

    [Fact]
    public async Task The_trash_shows_restore_to_a_contributor_exactly_where_the_api_lets_them_restore()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        using var wuhan = await Staff.SignInAsync(fixture.App, Roles.CityContributor, Wuhan);
        using var browser = await AdminSession.SignInAsync(fixture.App, wuhan.Email, Staff.Password);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var ownTitle = "自己删的草稿" + suffix;
        var liveTitle = "编辑撤下删除的亮点" + suffix;
        var own = await wuhan.Client.CreateAsync(new { kind = "story", title = ownTitle, city = Wuhan });
        await wuhan.Client.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/manage/v1/content/{own}");
        var live = await editor.Client.CreateAsync(new { kind = "story", title = liveTitle, city = Wuhan });
        await editor.Client.PostAsync($"/api/manage/v1/content/{live}/publish");
        await editor.Client.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/manage/v1/content/{live}");

        var trash = await browser.GetStringAsync(new Uri("/admin/trash", UriKind.Relative), TestContext.Current.CancellationToken);
        static string RowOf(string html, string title) =>
            html[html.LastIndexOf("<tr>", html.IndexOf(title, StringComparison.Ordinal), StringComparison.Ordinal)..html.IndexOf("</tr>", html.IndexOf(title, StringComparison.Ordinal), StringComparison.Ordinal)];
        Assert.Contains("恢复</button>", RowOf(trash, ownTitle), StringComparison.Ordinal);
        Assert.DoesNotContain("恢复</button>", RowOf(trash, liveTitle), StringComparison.Ordinal);

        // The API agrees, row by row.
        await wuhan.Client.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, $"/api/manage/v1/content/{live}/restore");
        await wuhan.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/manage/v1/content/{own}/restore");
    }

    [Fact]
    public async Task A_sign_in_cookie_does_not_authenticate_the_api()
    {
        var user = await Staff.CreateUserAsync(fixture.App, Roles.Editor);
        using var browser = await AdminSession.SignInAsync(fixture.App, user.Email!, Staff.Password);
        using var response = await browser.GetAsync(new Uri("/api/manage/v1/content", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var post = await browser.PostAsync(new Uri("/api/manage/v1/content", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new { kind = "news", title = "跨站伪造" }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
    }

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\??\}")]
    private static partial Regex RouteParameter();
}

public sealed class AdminPermissionSqliteTests(SqliteApp app) : AdminPermissionTests(app), IClassFixture<SqliteApp>;

public sealed class AdminPermissionPostgresTests(PostgresApp app) : AdminPermissionTests(app), IClassFixture<PostgresApp>;
