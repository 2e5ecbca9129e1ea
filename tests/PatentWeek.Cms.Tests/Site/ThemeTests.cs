using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Site.Themes;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Site;

/// <summary>A host whose themes folder is a scratch copy of the shipped one, so tests may add and edit themes while it runs.</summary>
public abstract class ThemesApp(DatabaseProvider provider) : AppFixture(provider), IAsyncLifetime
{
    public string ThemesPath { get; } = CopyThemes();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Cms:ThemesPath"] = ThemesPath };

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await DisposeAsync();
        Directory.Delete(ThemesPath, recursive: true);
    }

    private static string CopyThemes()
    {
        var target = Path.Combine(Path.GetTempPath(), "patentweek-tests", "themes-" + Guid.NewGuid().ToString("N")[..12]);
        foreach (var file in Directory.EnumerateFiles(Repo.Themes, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(Repo.Themes, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }

        return target;
    }
}

public sealed class SqliteThemesApp() : ThemesApp(DatabaseProvider.Sqlite);

public sealed class PostgresThemesApp() : ThemesApp(DatabaseProvider.PostgreSql);

/// <summary>
/// Runtime themes: theme.json shown in the admin, a theme added while the site runs and chosen for the edition, the
/// default theme's templates for what a theme lacks, a broken template, fingerprinted assets, and compression.
/// </summary>
public abstract partial class ThemeTests(ThemesApp fixture)
{
    private const string Admin = "/admin/settings/themes";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpResponseMessage Response, string Html)> GetAsync(string url)
    {
        var response = await fixture.Client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        return (response, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<HttpClient> AdminAsync()
    {
        var admin = await Staff.CreateUserAsync(fixture.App, Roles.Administrator);
        return await AdminSession.SignInAsync(fixture.App, admin.Email!, Staff.Password, () => Staff.CodeAsync(fixture.App, admin));
    }

    private int CurrentEditionId()
    {
        using var db = fixture.App.CreateContext();
        return db.Editions.Single(e => e.IsCurrent).Id;
    }

    private string CurrentTheme()
    {
        using var db = fixture.App.CreateContext();
        return db.Editions.Single(e => e.IsCurrent).Theme;
    }

    private async Task ChooseAsync(HttpClient admin, string theme)
    {
        using var response = await admin.PostFormAsync(Admin, new() { [$"Choice[{CurrentEditionId()}]"] = theme });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(theme, CurrentTheme());
    }

    private string AddTheme(string key, string name, IReadOnlyDictionary<string, string> templates)
    {
        var folder = Path.Combine(fixture.ThemesPath, key);
        Directory.CreateDirectory(folder);
        foreach (var (template, text) in templates)
            File.WriteAllText(Path.Combine(folder, template + ".liquid"), text);
        var list = string.Join(", ", templates.Keys.Select(t => $"\"{t}\""));
        File.WriteAllText(Path.Combine(folder, ThemeManifest.FileName),
            $$"""{ "name": "{{name}}", "version": "0.9.1", "description": "测试用主题", "templates": [{{list}}] }""");
        return folder;
    }

    [Fact]
    public async Task The_admin_page_shows_each_theme_json_and_lists_a_folder_without_one_as_broken()
    {
        fixture.RequireProvider();
        Directory.CreateDirectory(Path.Combine(fixture.ThemesPath, "nojson"));
        await File.WriteAllTextAsync(Path.Combine(fixture.ThemesPath, "nojson", "layout.liquid"), "{{ content }}", Ct);
        using var admin = await AdminAsync();

        var page = await admin.GetStringAsync(new Uri(Admin, UriKind.Relative), Ct);
        Assert.Contains("第十三届中国专利周 · 默认主题", page, StringComparison.Ordinal);
        Assert.Contains("版本 1.0.0", page, StringComparison.Ordinal);
        Assert.Contains("<code>layout.liquid</code>、<code>home.liquid</code>、<code>item.liquid</code>", page, StringComparison.Ordinal);
        Assert.Contains("<dd>第13届（2019年）</dd>", page, StringComparison.Ordinal);
        Assert.Contains("不能选用：缺少 theme.json。", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"nojson\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/settings/themes\"", page, StringComparison.Ordinal);

        // Posting it anyway is refused with the reason, and the edition keeps its theme.
        using var refused = await admin.PostFormAsync(Admin, new() { [$"Choice[{CurrentEditionId()}]"] = "nojson" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("不存在或已损坏，不能选用", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("default", CurrentTheme());
    }

    [Fact]
    public async Task A_theme_added_while_the_site_runs_is_chosen_and_serves_its_layout_with_the_default_templates_it_lacks()
    {
        fixture.RequireProvider();
        // The home page is in the output cache before the change.
        var (_, before) = await GetAsync("/");
        Assert.DoesNotContain("春季主题", before, StringComparison.Ordinal);
        var (_, siteBefore) = await GetAsync("/api/v1/site");
        Assert.Contains("\"siteTheme\":\"default\"", siteBefore, StringComparison.Ordinal);

        AddTheme("spring", "春季主题", new Dictionary<string, string>
        {
            ["layout"] = """
                <!DOCTYPE html><html lang="zh-CN"><head><title>春 {{ page_title }}</title><link rel="stylesheet" href="{{ 'site.css' | asset_url }}"></head>
                <body><p id="spring-layout">春季主题</p>{{ content }}{% include '_footer' %}</body></html>
                """,
            ["home"] = "<h1 id=\"spring-home\">{{ site.theme }}</h1>",
        });
        using var admin = await AdminAsync();
        var page = await admin.GetStringAsync(new Uri(Admin, UriKind.Relative), Ct);
        Assert.Contains("春季主题 <span class=\"muted\">（文件夹 <code>spring</code>，版本 0.9.1）</span>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"spring\"", page, StringComparison.Ordinal);

        await ChooseAsync(admin, "spring");
        try
        {
            var (response, home) = await GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("<p id=\"spring-layout\">春季主题</p>", home, StringComparison.Ordinal);
            Assert.Contains("<h1 id=\"spring-home\">知识产权助推实体经济高质量发展</h1>", home, StringComparison.Ordinal);
            // The partial it lacks, and the asset it lacks, are the default theme's.
            Assert.Contains("主办单位：湖北省知识产权局", home, StringComparison.Ordinal);
            Assert.Matches(AssetLink(), home);
            // The API's cached answer about the edition went too: it names the theme.
            Assert.Contains("\"siteTheme\":\"spring\"", (await GetAsync("/api/v1/site")).Html, StringComparison.Ordinal);

            // item.liquid is the default theme's, inside this theme's layout.
            var (itemResponse, item) = await GetAsync("/page/notice");
            Assert.Equal(HttpStatusCode.OK, itemResponse.StatusCode);
            Assert.Contains("<p id=\"spring-layout\">春季主题</p>", item, StringComparison.Ordinal);
            Assert.Contains("来源：湖北省知识产权局", item, StringComparison.Ordinal);

            using var db = fixture.App.CreateContext();
            Assert.Contains(db.AuditEntries.Where(a => a.Action == "edition.theme").Select(a => a.Detail).ToList(), d => d == "主题 default → spring");
            Assert.Contains("<dd>第13届（2019年）</dd>", await admin.GetStringAsync(new Uri(Admin, UriKind.Relative), Ct), StringComparison.Ordinal);
        }
        finally
        {
            await ChooseAsync(admin, "default");
        }

        var (_, after) = await GetAsync("/");
        Assert.DoesNotContain("春季主题", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_template_gives_the_public_a_500_page_and_the_admin_its_file_and_line()
    {
        fixture.RequireProvider();
        AddTheme("broken", "出错的主题", new Dictionary<string, string>
        {
            ["layout"] = "<!DOCTYPE html><html lang=\"zh-CN\"><body>{{ content }}</body></html>",
            ["home"] = "<h1>{{ site.theme }}</h1>\n<p>正文</p>\n{% if %}\n",
            // Parses, but fails as it renders: the partial it includes exists in no theme.
            ["city"] = "<h1>{{ city.name }}</h1>{% include '_nothing_like_it' %}",
        });
        using var admin = await AdminAsync();
        var page = await admin.GetStringAsync(new Uri(Admin, UriKind.Relative), Ct);
        Assert.Contains("模板 home.liquid 第 3 行：", page, StringComparison.Ordinal);

        await ChooseAsync(admin, "broken");
        try
        {
            var (response, html) = await GetAsync("/");
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("出错了", html, StringComparison.Ordinal);
            foreach (var leak in new[] { "Exception", "liquid", "Fluid", " at ", "(3:" })
                Assert.DoesNotContain(leak, html, StringComparison.Ordinal);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());

            var (cityResponse, city) = await GetAsync("/city/420100");
            Assert.Equal(HttpStatusCode.InternalServerError, cityResponse.StatusCode);
            Assert.Contains("出错了", city, StringComparison.Ordinal);
            Assert.DoesNotContain("_nothing_like_it", city, StringComparison.Ordinal);

            // The item page uses the default item.liquid inside the working layout.
            var (itemResponse, _) = await GetAsync("/page/notice");
            Assert.Equal(HttpStatusCode.OK, itemResponse.StatusCode);
        }
        finally
        {
            await ChooseAsync(admin, "default");
        }
    }

    [Fact]
    public async Task A_fingerprinted_asset_is_linked_served_immutable_and_renamed_when_the_file_changes()
    {
        fixture.RequireProvider();
        var css = Path.Combine(fixture.ThemesPath, "default", "assets", "site.css");
        // A 404 page is never cached, so each request renders the layout again.
        var (_, html) = await GetAsync("/no/such/page");
        var hash = AssetLink().Match(html).Groups[1].Value;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(css, Ct)))[..10], hash);

        using var asset = await fixture.Client.GetAsync(new Uri($"/themes/default/assets/site.{hash}.css", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("text/css", asset.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl?.ToString());
        Assert.Equal(await File.ReadAllBytesAsync(css, Ct), await asset.Content.ReadAsByteArrayAsync(Ct));

        using var plain = await fixture.Client.GetAsync(new Uri("/themes/default/assets/site.css", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal("public, max-age=300", plain.Headers.CacheControl?.ToString());

        await File.AppendAllTextAsync(css, "\n/* 改过 */\n", Ct);
        var renamed = "";
        await Eventually.TrueAsync(async () =>
        {
            renamed = AssetLink().Match((await GetAsync("/no/such/page")).Html).Groups[1].Value;
            return renamed != hash;
        }, TimeSpan.FromSeconds(10));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(css, Ct)))[..10], renamed);

        // The old name still answers (a page cached a moment ago links it), but no longer for good.
        using var old = await fixture.Client.GetAsync(new Uri($"/themes/default/assets/site.{hash}.css", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal("public, max-age=300", old.Headers.CacheControl?.ToString());
        using var unknown = await fixture.Client.GetAsync(new Uri("/themes/default/assets/nothing.0123456789.css", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/page/notice")]
    [InlineData("/themes/default/assets/site.css")]
    [InlineData("/api/v1/content")]
    public async Task Gzip_and_brotli_answers_decode_to_the_bytes_of_the_plain_answer(string url)
    {
        fixture.RequireProvider();
        // Each encoding is its own cache entry: a fresh key renders all three now, from the same theme files (another
        // test of this class changes site.css, and with it the fingerprinted link in an entry cached before).
        url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "q=" + Guid.NewGuid().ToString("N");
        var identity = await FetchAsync(url, null);
        Assert.Empty(identity.Encoding);
        Assert.NotEmpty(identity.Body);
        foreach (var encoding in new[] { "gzip", "br" })
        {
            var compressed = await FetchAsync(url, encoding);
            Assert.Equal(new[] { encoding }, compressed.Encoding);
            Assert.Contains("Accept-Encoding", compressed.Vary);
            Assert.True(compressed.Body.Length < identity.Body.Length, $"{url} in {encoding} is not smaller");
            Assert.Equal(identity.Body, Decode(compressed.Body, encoding));
        }
    }

    [Fact]
    public async Task A_page_is_compressed_once_and_each_encoding_is_its_own_cached_entry_and_ETag()
    {
        fixture.RequireProvider();
        const string url = "/page/notice";
        // Two spellings of "Brotli please" are one entry: the second is a hit of the first (it has an Age).
        var first = await SendAsync(url, "gzip, deflate, br, zstd");
        var second = await SendAsync(url, "br;q=1, gzip;q=0.8");
        Assert.Equal(["br"], first.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], second.Content.Headers.ContentEncoding);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);

        // WeChat's browser asks for gzip; a client that refuses Brotli gets gzip; one that refuses both gets the plain bytes.
        var gzip = await SendAsync(url, "gzip, deflate");
        var refusesBrotli = await SendAsync(url, "br;q=0, gzip");
        var plain = await SendAsync(url, "br;q=0, gzip;q=0");
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], refusesBrotli.Content.Headers.ContentEncoding);
        Assert.Empty(plain.Content.Headers.ContentEncoding);

        // Different bytes, different strong ETags; a validator of one encoding does not match another.
        Assert.Equal(3, new[] { first, gzip, plain }.Select(r => r.Headers.ETag!.Tag).Distinct().Count());
        var revalidated = await SendAsync(url, "br", first.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        var otherEncoding = await SendAsync(url, "gzip", first.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, otherEncoding.StatusCode);
        Assert.Equal(["gzip"], otherEncoding.Content.Headers.ContentEncoding);
        foreach (var response in new[] { first, second, gzip, refusesBrotli, plain, revalidated, otherEncoding })
            response.Dispose();
    }

    private async Task<HttpResponseMessage> SendAsync(string url, string acceptEncoding, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        if (ifNoneMatch is not null)
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        var response = await fixture.Client.SendAsync(request, Ct);
        await response.Content.LoadIntoBufferAsync(Ct);
        return response;
    }

    [Fact]
    public async Task Admin_pages_sign_in_and_media_are_never_compressed()
    {
        fixture.RequireProvider();
        using var admin = await AdminAsync();
        foreach (var client in new[] { admin, fixture.Client })
        {
            foreach (var url in new[] { Admin, "/admin", "/admin/signin" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
                request.Headers.AcceptEncoding.ParseAdd("br, gzip");
                using var response = await client.SendAsync(request, Ct);
                Assert.Empty(response.Content.Headers.ContentEncoding);
            }
        }

        Assert.False(PublicCompression.IsPublic("/media/5/video.mp4"));
        Assert.False(PublicCompression.IsPublic("/api/manage/v1/tokens"));
        Assert.True(PublicCompression.IsPublic("/api/v1/content"));

        // A range of an asset is sent as it is: a compressed body would not match the Content-Range.
        using var range = new HttpRequestMessage(HttpMethod.Get, new Uri("/themes/default/assets/site.css", UriKind.Relative));
        range.Headers.AcceptEncoding.ParseAdd("br, gzip");
        range.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 99);
        using var partial = await fixture.Client.SendAsync(range, Ct);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Empty(partial.Content.Headers.ContentEncoding);
        Assert.Equal(100, (await partial.Content.ReadAsByteArrayAsync(Ct)).Length);
    }

    private async Task<(byte[] Body, string[] Encoding, string[] Vary)> FetchAsync(string url, string? encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (encoding is not null)
            request.Headers.AcceptEncoding.ParseAdd(encoding);
        using var response = await fixture.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ([.. await response.Content.ReadAsByteArrayAsync(Ct)], [.. response.Content.Headers.ContentEncoding], [.. response.Headers.Vary]);
    }

    private static byte[] Decode(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    [GeneratedRegex(@"href=""/themes/default/assets/site\.([0-9a-f]{10})\.css""")]
    private static partial Regex AssetLink();
}

public sealed class ThemeSqliteTests(SqliteThemesApp app) : ThemeTests(app), IClassFixture<SqliteThemesApp>;

public sealed class ThemePostgresTests(PostgresThemesApp app) : ThemeTests(app), IClassFixture<PostgresThemesApp>;
