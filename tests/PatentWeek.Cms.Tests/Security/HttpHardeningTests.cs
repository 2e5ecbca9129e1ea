using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Security;

/// <summary>
/// What an outside tester probes first: HEAD beside every GET, security headers on every kind of response, the API
/// reference (bearer scheme, nothing from another host), and the status of a body type an endpoint does not take.
/// </summary>
public abstract partial class HttpHardeningTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Head_is_answered_wherever_get_is_with_the_same_status_and_no_body()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        // Redirects are compared as they are: a client that follows one may turn the HEAD into a GET.
        using var anonymous = fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var id = await editor.Client.CreateAsync(new { kind = "news", title = "HEAD 检查" });
        var gets = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => Fill(e.RoutePattern.RawText!, id))
            .Distinct()
            .ToList();
        Assert.True(gets.Count >= 25, $"only {gets.Count} GET endpoints found");
        // Pages, files and addresses a monitor or link checker calls that are no endpoint of their own.
        gets.AddRange(["/", "/page/notice", "/news/no-such-item", "/admin/admin.css", "/themes/default/assets/site.css", "/health", "/openapi/v1.json", "/scalar/", "/api/v1/content?kind=news", "/admin", "/admin/signin"]);

        var answered = 0;
        foreach (var url in gets)
        {
            var client = url.StartsWith("/api/manage", StringComparison.Ordinal) ? editor.Client : anonymous;
            using var get = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), Ct);
            Assert.True(get.StatusCode == head.StatusCode, $"GET {url} answered {(int)get.StatusCode}, HEAD {(int)head.StatusCode}");
            var leaked = await head.Content.ReadAsStringAsync(Ct);
            Assert.True(leaked.Length == 0, $"HEAD {url} sent a body: {leaked[..Math.Min(leaked.Length, 80)]}");
            Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
            if (get.IsSuccessStatusCode)
                answered++;
        }

        Assert.True(answered >= 15, $"only {answered} of the GET addresses answered 2xx, so HEAD was barely tested");
    }

    [Fact]
    public async Task Head_on_a_large_media_file_sends_its_headers_without_reading_the_file()
    {
        // 64 GB on paper, nothing on disk (sparse): copying it to nowhere takes many seconds, sending headers does not.
        const long size = 64L * 1024 * 1024 * 1024;
        var store = fixture.App.Services.GetRequiredService<PatentWeek.Cms.Media.FolderMediaStore>();
        var name = $"head-{Guid.NewGuid():N}.mp4";
        var path = Path.Combine(store.PublicRoot, name);
        await using (var file = File.Create(path))
            file.SetLength(size);
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var head = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/media/{name}"), Ct);
            clock.Stop();
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(size, head.Content.Headers.ContentLength);
            Assert.Equal("video/mp4", head.Content.Headers.ContentType?.MediaType);
            await using (var sent = await head.Content.ReadAsStreamAsync(Ct))
                Assert.Equal(0, await sent.ReadAsync(new byte[1], Ct));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"HEAD took {clock.Elapsed.TotalSeconds:0.0} s: the file was read");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Head_first_on_an_output_cached_page_leaves_the_full_page_for_the_get_after_it()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var title = "先 HEAD 后 GET " + Guid.NewGuid().ToString("N")[..6];
        var id = await editor.Client.CreateAsync(new { kind = "news", title, body = "缓存里的正文" });
        var item = await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");
        var url = "/news/" + item.GetProperty("slug").GetString();

        using var head = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), Ct);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
        // The GET is answered from the entry the HEAD left in the output cache: it must be the whole page.
        var html = await fixture.Client.GetStringAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains("缓存里的正文", html, StringComparison.Ordinal);
        using var again = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), Ct);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Every_kind_of_response_carries_the_security_headers()
    {
        using var anonymous = fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var cases = new (string Url, string Kind)[]
        {
            ("/", "site"), ("/page/notice", "site"), ("/no-such-page", "site"), ("/themes/default/assets/site.css", "site"), ("/media/987654", "site"),
            ("/api/v1/site", "api"), ("/api/v1/content?kind=bogus", "api"), ("/api/v1/content/bogus/x", "api"), ("/api/manage/v1/content", "api"),
            ("/health", "api"), ("/openapi/v1.json", "api"),
            ("/admin", "admin"), ("/admin/signin", "admin"), ("/admin/admin.js", "admin"), ("/admin/no-such-page", "admin"),
            ("/scalar/", "scalar"), ("/wechat-emulator/", "emulator"),
        };
        foreach (var (url, kind) in cases)
        {
            using var response = await anonymous.GetAsync(new Uri(url, UriKind.Relative), Ct);
            var csp = Header(response, "Content-Security-Policy");
            Assert.True(csp is not null, $"{url} ({(int)response.StatusCode}) has no Content-Security-Policy");
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.NotNull(Header(response, "Referrer-Policy"));
            Assert.DoesNotMatch(OutsideAddress(), csp);
            switch (kind)
            {
                case "api":
                    Assert.Equal("default-src 'none'; frame-ancestors 'none'", csp);
                    break;
                case "admin":
                    Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
                    Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
                    Assert.Equal("DENY", Header(response, "X-Frame-Options"));
                    Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
                    break;
                case "site":
                    Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
                    // The theme's own script files only (the share card), never inline script.
                    Assert.Equal("script-src 'self'", csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal)));
                    break;
                case "emulator":
                    Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
                    Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
                    break;
                default:
                    Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
                    Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
                    break;
            }
        }

        // A signed-in admin page (the dashboard), not only the sign-in form, cannot be framed.
        var editor = await Staff.CreateUserAsync(fixture.App, Roles.Editor);
        using var admin = await AdminSession.SignInAsync(fixture.App, editor.Email!, Staff.Password);
        using var dashboard = await admin.GetAsync(new Uri("/admin", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal("DENY", Header(dashboard, "X-Frame-Options"));
        Assert.Contains("frame-ancestors 'none'", Header(dashboard, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_and_the_theme_carry_no_inline_script_their_policy_would_block()
    {
        var editor = await Staff.CreateUserAsync(fixture.App, Roles.Editor);
        using var admin = await AdminSession.SignInAsync(fixture.App, editor.Email!, Staff.Password);
        foreach (var (client, url) in new[] { (admin, "/admin"), (admin, "/admin/content"), (admin, "/admin/content/edit"), (admin, "/admin/media"), (fixture.Client, "/") })
        {
            var html = await client.GetStringAsync(new Uri(url, UriKind.Relative), Ct);
            foreach (Match script in ScriptTag().Matches(html))
                Assert.True(script.Groups["src"].Success, $"{url} has an inline script the policy blocks: {script.Value}");
            Assert.DoesNotMatch(EventHandlerAttribute(), html);
        }
    }

    [Fact]
    public async Task The_api_reference_offers_the_bearer_scheme_and_loads_nothing_from_another_host()
    {
        var document = await fixture.Client.GetJsonAsync("/openapi/v1.json");
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());

        var paths = document.GetProperty("paths");
        bool Secured(string path, string method) =>
            paths.GetProperty(path).GetProperty(method).TryGetProperty("security", out var s)
            && s.EnumerateArray().Any(r => r.TryGetProperty("Bearer", out _));
        Assert.True(Secured("/api/manage/v1/content", "post"), "POST /content is not marked as needing the token");
        Assert.True(Secured("/api/manage/v1/media", "get"), "GET /media is not marked as needing the token");
        Assert.False(Secured("/api/manage/v1/tokens", "post"), "getting a token cannot need one");
        Assert.False(Secured("/api/v1/site", "get"), "the delivery API is public");

        using var page = await fixture.Client.GetAsync(new Uri("/scalar/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotMatch(OutsideAddress(), html);
        Assert.Contains("\"withDefaultFonts\":false", html, StringComparison.Ordinal);
        // Nor does it speak to the reference's vendor: no telemetry, no AI chat, no MCP, no deploy toolbar.
        foreach (var setting in new[] { "\"telemetry\":false", "\"agent\":{\"disabled\":true}", "\"mcp\":{\"disabled\":true", "\"showDeveloperTools\":\"never\"" })
            Assert.Contains(setting, html, StringComparison.Ordinal);
        // Whatever the bundled script might name, the browser may load nothing from another host.
        Assert.DoesNotMatch(OutsideAddress(), Header(page, "Content-Security-Policy")!);
        // Its inline configuration script runs by this response's nonce, not by allowing every inline script.
        var csp = Header(page, "Content-Security-Policy")!;
        var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", scriptSrc, StringComparison.Ordinal);
        var nonce = Regex.Match(scriptSrc, "'nonce-([^']+)'").Groups[1].Value;
        Assert.True(nonce.Length >= 16, $"no nonce in {scriptSrc}");
        var inline = ScriptTag().Matches(html).Where(m => !m.Groups["src"].Success).ToList();
        Assert.NotEmpty(inline);
        foreach (var script in inline)
            Assert.Contains($"nonce=\"{nonce}\"", script.Value, StringComparison.Ordinal);
        using var second = await fixture.Client.GetAsync(new Uri("/scalar/", UriKind.Relative), Ct);
        Assert.DoesNotContain($"'nonce-{nonce}'", Header(second, "Content-Security-Policy")!, StringComparison.Ordinal);

        foreach (Match script in ScriptTag().Matches(html).Where(m => m.Groups["src"].Success))
        {
            using var file = await fixture.Client.GetAsync(new Uri("/scalar/" + script.Groups["src"].Value.TrimStart('.', '/'), UriKind.Relative), Ct);
            Assert.True(file.StatusCode == HttpStatusCode.OK, $"the reference's {script.Groups["src"].Value} is not served by the site");
        }
    }

    [Fact]
    public async Task A_filter_value_that_is_no_kind_is_400_and_an_address_that_names_none_is_404()
    {
        var (filter, filterBody) = await fixture.Client.SendAsync(HttpMethod.Get, "/api/v1/content?kind=bogus");
        Assert.Equal(HttpStatusCode.BadRequest, filter);
        Assert.True(filterBody.GetProperty("errors").TryGetProperty("kind", out _), filterBody.ToString());
        var (address, _) = await fixture.Client.SendAsync(HttpMethod.Get, "/api/v1/content/bogus/x");
        Assert.Equal(HttpStatusCode.NotFound, address);
    }

    [Fact]
    public async Task A_body_type_an_endpoint_does_not_take_is_415_not_404()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        using (var json = new StringContent("{\"alt\":\"x\"}", System.Text.Encoding.UTF8, "application/json"))
        {
            using var upload = await editor.Client.PostAsync(new Uri("/api/manage/v1/media", UriKind.Relative), json, Ct);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, upload.StatusCode);
            Assert.Equal("application/problem+json", upload.Content.Headers.ContentType?.MediaType);
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["title"] = "表单" });
        using var content = await editor.Client.PostAsync(new Uri("/api/manage/v1/content", UriKind.Relative), form, Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, content.StatusCode);
        Assert.Contains("application/json", await content.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // An address the route's constraints refuse ({id:int}) exists under no body type: 404, as routing says.
        var id = await editor.Client.CreateAsync(new { kind = "news", title = "415 与 404" });
        foreach (var (method, url, expected) in new[]
        {
            (HttpMethod.Post, $"/api/manage/v1/content/{id}/publish", HttpStatusCode.UnsupportedMediaType),
            (HttpMethod.Post, "/api/manage/v1/content/abc", HttpStatusCode.NotFound),
            (HttpMethod.Post, "/api/manage/v1/content/abc/publish", HttpStatusCode.NotFound),
            (HttpMethod.Put, "/api/manage/v1/content/abc", HttpStatusCode.NotFound),
            (HttpMethod.Post, $"/api/manage/v1/content/{id}/revisions/x/restore", HttpStatusCode.NotFound),
        })
        {
            using var request = new HttpRequestMessage(method, url) { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["at"] = "x" }) };
            using var response = await editor.Client.SendAsync(request, Ct);
            Assert.True(response.StatusCode == expected, $"{method} {url}: {(int)response.StatusCode}, expected {(int)expected}");
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    private static string Fill(string pattern, int id) =>
        RouteParameter().Replace(pattern, m => m.Groups[1].Value switch
        {
            "id" => id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "kind" => "news",
            "code" => "420100",
            _ => "1",
        }).TrimEnd('/') is { Length: > 0 } url ? url : "/";

    [GeneratedRegex(@"\{\**(\w+)(?::[^}]*)?\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"<script\b(?:[^>]*\bsrc=""(?<src>[^""]+)"")?[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [GeneratedRegex(@"(https?:)?//(?!localhost)[a-z0-9.-]+\.[a-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex OutsideAddress();
}

public sealed class HttpHardeningSqliteTests(SqliteApp app) : HttpHardeningTests(app), IClassFixture<SqliteApp>;

public sealed class HttpHardeningPostgresTests(PostgresApp app) : HttpHardeningTests(app), IClassFixture<PostgresApp>;
