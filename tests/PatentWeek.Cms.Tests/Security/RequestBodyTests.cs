using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Security;

/// <summary>
/// Request bodies as an attacker sends them: malformed or wrongly typed JSON against every JSON endpoint, bodies
/// past their group's cap, control characters, a PUT that tries to change an item's kind. Each is a 4xx
/// problem+json that names the field, and nothing is stored.
/// </summary>
public abstract partial class RequestBodyTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The bodies the outside tester sent. A wrongly typed body carries the wrong type in a field of every JSON
    /// endpoint (content, comment, schedule, media, sign-in, cross-post), so each endpoint meets it.
    /// </summary>
    public static readonly (string Name, byte[] Body)[] BadBodies =
    [
        ("cut off", Utf8("{\"email\":")),
        ("not JSON", Utf8("hello")),
        ("an array", Utf8("[1,2]")),
        ("null", Utf8("null")),
        ("empty", []),
        ("a number title", Utf8("{\"kind\":\"news\",\"title\":123,\"comment\":123,\"at\":123,\"alt\":123,\"email\":123,\"items\":123,\"fields\":123,\"cities\":123}")),
        ("a string for tags", Utf8("{\"kind\":\"news\",\"title\":\"t\",\"tags\":\"abc\",\"comment\":[\"abc\"],\"at\":[\"abc\"],\"focalX\":\"abc\",\"email\":[\"abc\"],\"items\":\"abc\",\"fields\":\"abc\",\"cities\":\"abc\"}")),
        ("a string for pinned", Utf8("{\"kind\":\"news\",\"title\":\"t\",\"pinned\":\"yes\",\"comment\":true,\"at\":true,\"focalX\":\"yes\",\"email\":true,\"items\":\"yes\",\"fields\":true,\"cities\":true}")),
        ("a bad edition", Utf8("{\"kind\":\"news\",\"title\":\"t\",\"edition\":\"13x\",\"comment\":[],\"at\":{},\"posterId\":\"13x\",\"email\":{},\"items\":[\"13x\"],\"version\":\"13x\",\"cities\":[\"13x\"]}")),
        ("a huge edition", Utf8("{\"kind\":\"news\",\"title\":\"t\",\"edition\":99999999999,\"comment\":{},\"at\":[],\"posterId\":99999999999,\"email\":[],\"items\":[99999999999],\"version\":99999999999,\"cities\":[99999999999]}")),
        ("a lone surrogate", Utf8("{\"kind\":\"news\",\"title\":\"\\ud800\",\"comment\":\"\\ud800\",\"at\":\"\\ud800\",\"alt\":\"\\ud800\",\"email\":\"\\ud800\",\"items\":[\"\\ud800\"],\"fields\":\"\\ud800\",\"cities\":[\"\\ud800\"]}")),
        ("invalid UTF-8", [.. Utf8("{\"title\":\""), 0xff, 0xfe, 0xc3, .. Utf8("\",\"comment\":\""), 0xff, .. Utf8("\",\"at\":\""), 0xff, .. Utf8("\",\"email\":\""), 0xff,
            .. Utf8("\",\"alt\":\""), 0xff, .. Utf8("\",\"items\":[\""), 0xff, .. Utf8("\"],\"fields\":\""), 0xff, .. Utf8("\",\"cities\":[\""), 0xff, .. Utf8("\"]}")]),
        ("5,000 nested arrays", Utf8(new string('[', 5000))),
    ];

    [Fact]
    public async Task Every_json_endpoint_answers_bad_bodies_with_400_problems_and_stores_nothing()
    {
        var admin = await Staff.SignInAsync(fixture.App, Roles.Administrator);
        using var _ = admin;
        var id = await admin.Client.CreateAsync(new { kind = "news", title = "坏请求的目标", body = "正文" });
        var endpoints = JsonEndpoints();
        Assert.True(endpoints.Count >= 8, $"only {endpoints.Count} JSON endpoints found: {string.Join(", ", endpoints.Select(e => e.Pattern))}");
        var before = await SnapshotAsync(id);

        foreach (var (method, pattern, optional) in endpoints)
        {
            var url = Fill(pattern, id);
            foreach (var (name, body) in BadBodies)
            {
                if (optional && body.Length == 0)
                    continue; // an optional body may be left out; that is a request, not a bad one
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
                using var response = await admin.Client.SendAsync(request, Ct);
                var text = await response.Content.ReadAsStringAsync(Ct);
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {pattern} with {name}: {(int)response.StatusCode} {text}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                var problem = JsonDocument.Parse(text).RootElement;
                Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), $"{method} {pattern} with {name}: no detail");
            }
        }

        Assert.Equal(before, await SnapshotAsync(id));
    }

    [Fact]
    public async Task A_wrongly_typed_field_is_named_with_its_position()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        foreach (var (json, field) in new[]
        {
            ("{\"kind\":\"news\",\"title\":123}", "title"),
            ("{\"kind\":\"news\",\"title\":\"t\",\"tags\":\"abc\"}", "tags"),
            ("{\"kind\":\"news\",\"title\":\"t\",\"pinned\":\"yes\"}", "pinned"),
            ("{\"kind\":\"news\",\"title\":\"t\",\"edition\":\"13x\"}", "edition"),
            ("{\"kind\":\"news\",\"title\":\"t\",\"edition\":99999999999}", "edition"),
            ("{\"kind\":\"news\",\"title\":\"\\ud800\"}", "title"),
        })
        {
            var problem = await PostRawAsync(editor.Client, "/api/manage/v1/content", Utf8(json), HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{json}: {problem}");
            Assert.Contains("line 1", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_json_body_past_its_group_s_cap_is_413_while_the_largest_legal_one_is_taken()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var count = await CountAsync();
        // 10 MB with the bulk in an unknown field: refused for its size, not read.
        var padding = new string('x', 10 * 1024 * 1024);
        var huge = Utf8("{\"kind\":\"news\",\"title\":\"大\",\"junk\":\"" + padding + "\"}");
        var problem = await PostRawAsync(editor.Client, "/api/manage/v1/content", huge, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("larger", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // The same without a declared length (chunked) is cut off while it streams in.
        using (var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/manage/v1/content") { Content = new StreamContent(new MemoryStream(huge)) })
        {
            chunked.Content.Headers.ContentType = new("application/json");
            chunked.Headers.TransferEncodingChunked = true;
            using var response = await editor.Client.SendAsync(chunked, Ct);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }

        // A small endpoint has a small cap: a 200 KB sign-in is no sign-in.
        await PostRawAsync(fixture.Client, "/api/manage/v1/tokens", Utf8("{\"email\":\"a@example.cn\",\"password\":\"" + new string('p', 200_000) + "\"}"), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(count, await CountAsync());

        // The largest legal write: a 200,000-character body with every character escaped.
        var body = string.Concat(Enumerable.Repeat("\\u4e13", 200_000));
        var json = await PostRawAsync(editor.Client, "/api/manage/v1/content", Utf8("{\"kind\":\"news\",\"title\":\"最长的正文\",\"body\":\"" + body + "\"}"), HttpStatusCode.Created);
        Assert.Equal(200_000, json.GetProperty("body").GetString()!.Length);
    }

    [Fact]
    public async Task Control_characters_are_refused_in_every_text_field_but_tab_and_newlines_are_kept()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var count = await CountAsync();
        foreach (var (field, value) in new (string, object)[]
        {
            ("title", "标题\u0000"), ("body", "正文\u001b[31m"), ("summary", "摘要\u0007"), ("tags", new[] { "好", "坏\u0008" }),
            ("source", "来源\u007f"), ("author", "\u0085作者"), ("location", "地点\u0001"), ("weChatTitle", "微信\u000b"),
        })
        {
            var request = new Dictionary<string, object> { ["kind"] = "event", ["title"] = "活动", ["city"] = "420100", [field] = value };
            var (status, problem) = await editor.Client.SendAsync(HttpMethod.Post, "/api/manage/v1/content", request);
            Assert.True(status == HttpStatusCode.BadRequest, $"{field}: {(int)status} {problem}");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"{field}: {problem}");
            Assert.Contains("control character", messages.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(count, await CountAsync());
        var id = await editor.Client.CreateAsync(new { kind = "news", title = "制表\t标题", body = "第一行\r\n第二行\n\t缩进" });
        var item = await editor.Client.GetOkAsync($"/api/manage/v1/content/{id}");
        Assert.Equal("第一行\r\n第二行\n\t缩进", item.GetProperty("body").GetString());

        // A comment on a rejection is text too.
        var (rejectStatus, rejected) = await editor.Client.SendAsync(HttpMethod.Post, $"/api/manage/v1/content/{id}/reject", new { comment = "不行\u0000" });
        Assert.Equal(HttpStatusCode.BadRequest, rejectStatus);
        Assert.True(rejected.GetProperty("errors").TryGetProperty("comment", out _), rejected.ToString());
    }

    [Fact]
    public async Task The_admin_form_refuses_control_characters_next_to_the_field_in_Chinese()
    {
        var editor = await Staff.CreateUserAsync(fixture.App, Roles.Editor);
        using var admin = await AdminSession.SignInAsync(fixture.App, editor.Email!, Staff.Password);
        var title = "后台控制字符" + Guid.NewGuid().ToString("N")[..6];
        using var response = await admin.PostFormAsync("/admin/content/edit", new Dictionary<string, string>
        {
            ["Form.Kind"] = "news", ["Form.Title"] = title + "\u001b[0m", ["Form.Body"] = "正文", ["Form.Original"] = "true",
        });
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 600)]}");
        var message = FieldMessage().Match(html);
        Assert.True(message.Success, "no message next to the title");
        Assert.Contains("控制字符", message.Groups[1].Value, StringComparison.Ordinal);

        // A NUL never gets as far: the framework's form decoder refuses it (400) before the page runs.
        using var nul = await admin.PostFormAsync("/admin/content/edit", new Dictionary<string, string> { ["Form.Kind"] = "news", ["Form.Title"] = title + "\u0000" });
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        await using var db = fixture.App.CreateContext();
        Assert.False(await db.ContentItems.AnyAsync(i => i.Title.StartsWith(title), Ct));
    }

    [Fact]
    public async Task A_null_body_on_publish_or_unpublish_is_refused_however_it_is_sent_and_nothing_changes()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var id = await editor.Client.CreateAsync(new { kind = "news", title = "不能被 null 发布", body = "正文" });
        // Chunked (no declared length), padded past any "short body" peek, and both at once.
        var sends = new (string Name, string Body, bool Chunked)[]
        {
            ("chunked null", "null", true), ("null padded to 200 bytes", "null" + new string(' ', 196), false),
            ("padded chunked null", "\n\t null" + new string(' ', 500) + "\r\n", true),
        };
        foreach (var action in new[] { "publish", "unpublish" })
        {
            var before = await editor.Client.GetOkAsync($"/api/manage/v1/content/{id}");
            foreach (var (name, body, chunked) in sends)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/manage/v1/content/{id}/{action}")
                {
                    Content = chunked ? new StreamContent(new MemoryStream(Utf8(body))) : new ByteArrayContent(Utf8(body)),
                };
                request.Content.Headers.ContentType = new("application/json");
                request.Headers.TransferEncodingChunked = chunked;
                using var response = await editor.Client.SendAsync(request, Ct);
                var text = await response.Content.ReadAsStringAsync(Ct);
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{action} with {name}: {(int)response.StatusCode} {text}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains("null", JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
                var after = await editor.Client.GetOkAsync($"/api/manage/v1/content/{id}");
                Assert.Equal(before.State(), after.State());
                Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
                Assert.Equal(JsonValueKind.Null, after.GetProperty("scheduledPublishAt").ValueKind);
                Assert.Equal(JsonValueKind.Null, after.GetProperty("scheduledUnpublishAt").ValueKind);
            }

            // An empty JSON body is the ordinary "now": the draft is published, then unpublished.
            using var empty = new ByteArrayContent([]);
            empty.Headers.ContentType = new("application/json");
            using var now = await editor.Client.PostAsync(new Uri($"/api/manage/v1/content/{id}/{action}", UriKind.Relative), empty, Ct);
            var answer = await now.Content.ReadAsStringAsync(Ct);
            Assert.True(now.StatusCode == HttpStatusCode.OK, $"{action} with an empty body: {(int)now.StatusCode} {answer}");
            var done = JsonDocument.Parse(answer).RootElement;
            Assert.NotEqual(before.State(), done.State());
        }
    }

    [Fact]
    public async Task A_put_that_changes_the_kind_is_refused_naming_kind()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var id = await editor.Client.CreateAsync(new { kind = "news", title = "新闻不变" });
        var before = await editor.Client.GetOkAsync($"/api/manage/v1/content/{id}");
        var version = before.GetProperty("version").GetInt32();

        var (status, problem) = await editor.Client.SendAsync(HttpMethod.Put, $"/api/manage/v1/content/{id}", new { kind = "page", title = "改成页面", version });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("kind", out _), problem.ToString());
        Assert.Equal("kind-fixed", problem.GetProperty("codes").GetProperty("kind").GetString());
        var after = await editor.Client.GetOkAsync($"/api/manage/v1/content/{id}");
        Assert.Equal("news", after.GetProperty("kind").GetString());
        Assert.Equal(version, after.GetProperty("version").GetInt32());
        Assert.Equal("新闻不变", after.GetProperty("title").GetString());

        // Naming the kind it already has, or leaving it out, is an ordinary save.
        await editor.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/manage/v1/content/{id}", new { kind = "news", title = "新闻改题", version });
    }

    private List<(string Method, string Pattern, bool Optional)> JsonEndpoints() =>
        fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true
                && e.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts && accepts.ContentTypes.Any(t => t.Contains("json", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m is "POST" or "PUT" or "PATCH")
                .Select(m => (m, e.RoutePattern.RawText!, e.Metadata.GetMetadata<IAcceptsMetadata>()!.IsOptional)))
            .ToList();

    /// <summary>What a bad request could have changed: items, their versions and states, tokens, media, cross-posts.</summary>
    private async Task<string> SnapshotAsync(int id)
    {
        await using var db = fixture.App.CreateContext();
        var item = await db.ContentItems.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Version, i.State, i.Title, i.DeletedAt }).SingleAsync(Ct);
        return string.Join('|', item.Version, item.State, item.Title, item.DeletedAt, await db.ContentItems.CountAsync(Ct),
            await db.PersonalAccessTokens.CountAsync(Ct), await db.MediaAssets.CountAsync(Ct), await db.WeChatPosts.CountAsync(Ct), await db.Revisions.CountAsync(Ct));
    }

    private async Task<int> CountAsync()
    {
        await using var db = fixture.App.CreateContext();
        return await db.ContentItems.CountAsync(Ct);
    }

    private static async Task<JsonElement> PostRawAsync(HttpClient client, string url, byte[] body, HttpStatusCode expected)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        using var response = await client.PostAsync(new Uri(url, UriKind.Relative), content, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"POST {url}: expected {(int)expected}, got {(int)response.StatusCode}: {text[..Math.Min(text.Length, 500)]}");
        if (!response.IsSuccessStatusCode)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Fill(string pattern, int id) =>
        RouteParameter().Replace(pattern, m => m.Groups[1].Value switch
        {
            "id" => id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // A campaign slot that exists: the 13th edition's plan or report of 武汉.
            "number" => "13",
            "kind" => "report",
            "city" => "420100",
            _ => "1",
        }).TrimEnd('/');

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"<span class=""error field-validation-error""[^>]*data-valmsg-for=""Form.Title""[^>]*>([^<]*)<", RegexOptions.IgnoreCase)]
    private static partial Regex FieldMessage();
}

public sealed class RequestBodySqliteTests(SqliteApp app) : RequestBodyTests(app), IClassFixture<SqliteApp>;

public sealed class RequestBodyPostgresTests(PostgresApp app) : RequestBodyTests(app), IClassFixture<PostgresApp>;
