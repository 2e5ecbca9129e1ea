using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data.Workflow;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Delivery;

/// <summary>
/// The OpenAPI document declares what the endpoints really answer: every status the tests observe (each refusal
/// the content, tokens, notifications, audit, media, delivery and WeChat APIs give, and those the pipeline gives
/// around them: 401, 403, 413, 415, 429, 304) is triggered here for real and looked up in the document under its
/// endpoint. A status an endpoint answers but does not declare fails, naming both.
/// </summary>
public abstract class DeclaredStatusTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_status_an_endpoint_answers_is_in_the_openapi_document()
    {
        var document = JsonNode.Parse(await fixture.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct))!;
        var observed = new List<(string Method, string Template, int Status)>();

        async Task Expect(HttpClient client, HttpMethod method, string template, string url, HttpStatusCode expected, HttpContent? content = null, Action<HttpRequestMessage>? headers = null)
        {
            using var request = new HttpRequestMessage(method, url) { Content = content };
            headers?.Invoke(request);
            using var response = await client.SendAsync(request, Ct);
            Assert.True(response.StatusCode == expected,
                $"{method} {url}: expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
            observed.Add((method.Method.ToLowerInvariant(), template, (int)expected));
        }

        static JsonContent Json(object body) => JsonContent.Create(body);

        var blocked = "禁词" + Guid.NewGuid().ToString("N")[..4];
        await using (var db = fixture.App.CreateContext())
        {
            db.SensitiveWords.Add(new SensitiveWord { Word = blocked, Level = SensitiveWordLevel.Block });
            await db.SaveChangesAsync(Ct);
        }

        using var anonymous = fixture.App.CreateClient();
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        using var reviewer = await Staff.SignInAsync(fixture.App, Roles.Reviewer);
        using var wuhan = await Staff.SignInAsync(fixture.App, Roles.CityContributor, "420100");
        var draft = await editor.Client.CreateAsync(new { kind = "news", title = "状态码" });
        var words = await editor.Client.CreateAsync(new { kind = "news", title = "含禁词", body = $"这里有{blocked}一词。" });
        const string Missing = "987654321";

        // The management API for content.
        const string Content = "/api/manage/v1/content";
        const string Item = Content + "/{id}";
        await Expect(anonymous, HttpMethod.Get, Content, Content, HttpStatusCode.Unauthorized);
        await Expect(editor.Client, HttpMethod.Get, Content, Content + "?state=live", HttpStatusCode.BadRequest);
        await Expect(editor.Client, HttpMethod.Get, Content, Content + "?page=abc", HttpStatusCode.BadRequest);
        await Expect(wuhan.Client, HttpMethod.Post, Content, Content, HttpStatusCode.Forbidden, Json(new { kind = "news", title = "市州不能发新闻" }));
        await Expect(editor.Client, HttpMethod.Post, Content, Content, HttpStatusCode.BadRequest, Json(new { kind = "blog", title = "未知类型" }));
        await Expect(editor.Client, HttpMethod.Post, Content, Content, HttpStatusCode.UnsupportedMediaType, new FormUrlEncodedContent(new Dictionary<string, string> { ["title"] = "表单" }));
        await Expect(editor.Client, HttpMethod.Post, Content, Content, HttpStatusCode.RequestEntityTooLarge,
            new StringContent("{\"title\":\"" + new string('长', 1_200_000) + "\"}", System.Text.Encoding.UTF8, "application/json"));
        await Expect(reviewer.Client, HttpMethod.Get, Content + "/trash", Content + "/trash", HttpStatusCode.Forbidden);
        await Expect(editor.Client, HttpMethod.Get, Item, $"{Content}/{Missing}", HttpStatusCode.NotFound);
        await Expect(editor.Client, HttpMethod.Put, Item, $"{Content}/{draft}", HttpStatusCode.Conflict, Json(new { title = "旧版本", version = 999 }));
        await Expect(editor.Client, HttpMethod.Put, Item, $"{Content}/{draft}", HttpStatusCode.BadRequest, Json(new { title = "没有版本" }));
        await Expect(editor.Client, HttpMethod.Put, Item, $"{Content}/{Missing}", HttpStatusCode.NotFound, Json(new { title = "x", version = 1 }));
        await Expect(reviewer.Client, HttpMethod.Delete, Item, $"{Content}/{draft}", HttpStatusCode.Forbidden);
        await Expect(editor.Client, HttpMethod.Post, Item + "/submit", $"{Content}/{words}/submit", HttpStatusCode.UnprocessableEntity, Json(new { }));
        await Expect(editor.Client, HttpMethod.Post, Item + "/approve", $"{Content}/{draft}/approve", HttpStatusCode.Conflict, Json(new { }));
        await Expect(wuhan.Client, HttpMethod.Post, Item + "/approve", $"{Content}/{draft}/approve", HttpStatusCode.Forbidden, Json(new { }));
        await Expect(editor.Client, HttpMethod.Post, Item + "/reject", $"{Content}/{draft}/reject", HttpStatusCode.BadRequest, Json(new { }));
        await Expect(editor.Client, HttpMethod.Post, Item + "/reject", $"{Content}/{draft}/reject", HttpStatusCode.Conflict, Json(new { comment = "不是待审核" }));
        await Expect(editor.Client, HttpMethod.Post, Item + "/publish", $"{Content}/{draft}/publish", HttpStatusCode.BadRequest, Json(new { at = "明天" }));
        await Expect(editor.Client, HttpMethod.Post, Item + "/publish", $"{Content}/{words}/publish", HttpStatusCode.UnprocessableEntity, Json(new { }));
        await Expect(editor.Client, HttpMethod.Post, Item + "/publish", $"{Content}/{draft}/publish", HttpStatusCode.UnsupportedMediaType,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["at"] = "x" }));
        await Expect(editor.Client, HttpMethod.Post, Item + "/unpublish", $"{Content}/{draft}/unpublish", HttpStatusCode.Conflict, Json(new { }));
        await Expect(editor.Client, HttpMethod.Post, Item + "/unpublish", $"{Content}/{draft}/unpublish", HttpStatusCode.BadRequest, Json(new { at = "明天" }));
        await Expect(editor.Client, HttpMethod.Post, Item + "/restore", $"{Content}/{draft}/restore", HttpStatusCode.Conflict, Json(new { }));
        await Expect(editor.Client, HttpMethod.Get, Item + "/revisions", $"{Content}/{Missing}/revisions", HttpStatusCode.NotFound);
        await Expect(editor.Client, HttpMethod.Post, Item + "/preview-link", $"{Content}/{Missing}/preview-link", HttpStatusCode.NotFound, Json(new { }));
        await Expect(editor.Client, HttpMethod.Post, Item + "/revisions/{number}/restore", $"{Content}/{draft}/revisions/99/restore", HttpStatusCode.NotFound, Json(new { }));
        await Expect(editor.Client, HttpMethod.Post, Item + "/revisions/{number}/restore", $"{Content}/{draft}/revisions/1/restore", HttpStatusCode.Conflict, Json(new { }),
            r => r.Headers.IfMatch.Add(new EntityTagHeaderValue("\"999\"")));

        // Notifications and the audit log.
        await Expect(anonymous, HttpMethod.Get, "/api/manage/v1/notifications", "/api/manage/v1/notifications", HttpStatusCode.Unauthorized);
        await Expect(editor.Client, HttpMethod.Post, "/api/manage/v1/notifications/{notificationId}/read", $"/api/manage/v1/notifications/{Missing}/read", HttpStatusCode.NotFound, Json(new { }));
        await Expect(editor.Client, HttpMethod.Get, "/api/manage/v1/audit", "/api/manage/v1/audit", HttpStatusCode.Forbidden);

        // Media.
        await Expect(editor.Client, HttpMethod.Get, "/api/manage/v1/media", "/api/manage/v1/media?kind=sound", HttpStatusCode.BadRequest);
        await Expect(editor.Client, HttpMethod.Get, "/api/manage/v1/media/{id}", $"/api/manage/v1/media/{Missing}", HttpStatusCode.NotFound);
        await Expect(editor.Client, HttpMethod.Get, "/api/manage/v1/media/{id}/file", $"/api/manage/v1/media/{Missing}/file", HttpStatusCode.NotFound);
        await Expect(editor.Client, HttpMethod.Post, "/api/manage/v1/media", "/api/manage/v1/media", HttpStatusCode.UnsupportedMediaType, Json(new { alt = "x" }));
        await Expect(reviewer.Client, HttpMethod.Delete, "/api/manage/v1/media/{id}", $"/api/manage/v1/media/{Missing}", HttpStatusCode.Forbidden);

        // WeChat.
        await Expect(editor.Client, HttpMethod.Get, Item + "/wechat", $"{Content}/{draft}/wechat", HttpStatusCode.NotFound);
        await Expect(editor.Client, HttpMethod.Post, "/api/manage/v1/wechat/posts", "/api/manage/v1/wechat/posts", HttpStatusCode.BadRequest, Json(new { items = Array.Empty<int>() }));
        await Expect(editor.Client, HttpMethod.Get, "/api/manage/v1/wechat/posts/{postId}", $"/api/manage/v1/wechat/posts/{Missing}", HttpStatusCode.NotFound);
        await Expect(wuhan.Client, HttpMethod.Get, "/api/manage/v1/wechat/posts", "/api/manage/v1/wechat/posts", HttpStatusCode.Forbidden);

        // Delivery.
        await Expect(anonymous, HttpMethod.Get, "/api/v1/content", "/api/v1/content?kind=blog", HttpStatusCode.BadRequest);
        await Expect(anonymous, HttpMethod.Get, "/api/v1/content/{kind}/{slug}", "/api/v1/content/news/no-such-slug", HttpStatusCode.NotFound);
        await Expect(anonymous, HttpMethod.Get, "/api/v1/preview/{token}", "/api/v1/preview/not-a-token", HttpStatusCode.NotFound);
        using (var site = await anonymous.GetAsync(new Uri("/api/v1/site", UriKind.Relative), Ct))
            await Expect(anonymous, HttpMethod.Get, "/api/v1/site", "/api/v1/site", HttpStatusCode.NotModified, headers: r => r.Headers.IfNoneMatch.Add(site.Headers.ETag!));

        const string Tokens = "/api/manage/v1/tokens";
        await Expect(editor.Client, HttpMethod.Delete, Tokens + "/{id}", $"{Tokens}/{Missing}", HttpStatusCode.NotFound);
        await Expect(anonymous, HttpMethod.Post, Tokens, Tokens, HttpStatusCode.BadRequest, Json(new { email = "不是邮箱", password = "x" }));
        await Expect(anonymous, HttpMethod.Post, Tokens, Tokens, HttpStatusCode.Unauthorized, Json(new { email = editor.Email, password = "wrong-password" }));
        await Expect(anonymous, HttpMethod.Post, Tokens, Tokens, HttpStatusCode.RequestEntityTooLarge,
            new StringContent("{\"email\":\"a@example.cn\",\"password\":\"" + new string('p', 200_000) + "\"}", System.Text.Encoding.UTF8, "application/json"));
        // Observed by TokenApiTests.Sign_in_attempts_are_limited_per_address, on a host of its own with a low limit.
        observed.Add(("post", Tokens, 429));

        var undeclared = observed
            .Where(o => document["paths"]?[o.Template]?[o.Method]?["responses"]?[o.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is null)
            .Select(o => $"{o.Method.ToUpperInvariant()} {o.Template} answers {o.Status}")
            .Distinct().ToList();
        Assert.True(undeclared.Count == 0, "answered but not declared in the OpenAPI document:\n" + string.Join("\n", undeclared));
        Assert.True(observed.Select(o => o.Status).Distinct().Count() >= 10, "the run should cover at least ten distinct statuses");
    }
}

public sealed class DeclaredStatusSqliteTests(SqliteApp app) : DeclaredStatusTests(app), IClassFixture<SqliteApp>;

public sealed class DeclaredStatusPostgresTests(PostgresApp app) : DeclaredStatusTests(app), IClassFixture<PostgresApp>;
