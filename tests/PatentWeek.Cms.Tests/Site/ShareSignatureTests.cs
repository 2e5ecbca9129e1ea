using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Site.Share;
using PatentWeek.Cms.Tests.Infrastructure;
using PatentWeek.Cms.WeChat;

namespace PatentWeek.Cms.Tests.Site;

/// <summary>
/// The CMS on a real Kestrel port hosting its WeChat emulator (with the test controls), so the signature endpoint
/// gets its ticket over loopback HTTP as it would from WeChat. Each test speaks from a loopback address of its own
/// (127.0.0.N), so the per-address rate limit of one test does not spill into another.
/// </summary>
public abstract class ShareSite(DatabaseProvider provider) : IAsyncLifetime
{
    public const int Limit = 25;
    private CmsApp? _app;
    private TestDatabase? _database;

    public CmsApp App => _app ?? throw new InvalidOperationException("Not running.");
    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        if (AppFixture.UnavailableReason(provider) is not null)
            return;
        _database = await TestDatabase.CreateAsync(provider);
        _app = new CmsApp(_database, new Dictionary<string, string?>
        {
            ["WeChatEmulator:TestControls"] = "true",
            ["Cms:Share:SignaturesPerMinute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        _app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_app is not null)
            await _app.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    public void RequireProvider()
    {
        if (AppFixture.UnavailableReason(provider) is { } reason)
            Assert.Skip(reason);
    }

    /// <summary>A client whose connections come from 127.0.0.<paramref name="host"/> (any 127/8 address is loopback).</summary>
    public HttpClient ClientFrom(int host)
    {
        var from = new IPEndPoint(IPAddress.Parse($"127.0.0.{host}"), 0);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(from);
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri(BaseUrl) };
    }
}

public sealed class SqliteShareSite() : ShareSite(DatabaseProvider.Sqlite);

public sealed class PostgresShareSite() : ShareSite(DatabaseProvider.PostgreSql);

/// <summary>
/// <c>GET /api/v1/share/signature</c>: WeChat's signature over the emulator's ticket (recomputed here), one getticket
/// call for any number of signatures, only this site's pages, a rate limit per address, never cached; and the theme's
/// share script on the pages, allowed by the policy, with nothing inline.
/// </summary>
public abstract class ShareSignatureTests(ShareSite site)
{
    private const string Page = "https://zscq.example.cn/news/launch?from=singlemessage&isappinstalled=0";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_signature_is_wechat_s_over_the_emulator_s_ticket_for_the_page_without_its_fragment()
    {
        site.RequireProvider();
        using var client = site.ClientFrom(2);
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        using var response = await client.GetAsync(SignatureUrl(Page + "#comments"), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var signed = JsonDocument.Parse(body).RootElement;
        Assert.Equal(["appId", "timestamp", "nonceStr", "signature"], signed.EnumerateObject().Select(p => p.Name));

        var emulator = await InspectAsync(client);
        Assert.Equal(emulator.GetProperty("appId").GetString(), signed.GetProperty("appId").GetString());
        var timestamp = signed.GetProperty("timestamp").GetInt64();
        Assert.InRange(timestamp, before - 1, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        var nonce = signed.GetProperty("nonceStr").GetString()!;
        Assert.Matches("^[A-Za-z0-9]{16}$", nonce);
        var ticket = emulator.GetProperty("tickets").GetProperty("jsapi").GetString()!;
        Assert.Equal(Sha1($"jsapi_ticket={ticket}&noncestr={nonce}&timestamp={timestamp}&url={Page}"), signed.GetProperty("signature").GetString());

        // Each answer is new: another nonce, so another signature.
        using var again = await client.GetAsync(SignatureUrl(Page), Ct);
        var second = JsonDocument.Parse(await again.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.NotEqual(nonce, second.GetProperty("nonceStr").GetString());
    }

    [Fact]
    public async Task Many_signatures_at_once_cost_one_getticket_call()
    {
        site.RequireProvider();
        using var client = site.ClientFrom(3);
        // Another test of the class may have had the ticket fetched (or replaced) already: then none is needed.
        var before = (await InspectAsync(client)).GetProperty("tickets").GetProperty("calls").GetInt32();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var response = await client.GetAsync(SignatureUrl($"https://zscq.example.cn/city/420600?i={i}"), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (Url: $"https://zscq.example.cn/city/420600?i={i}", Body: JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone());
        }));

        var tickets = (await InspectAsync(client)).GetProperty("tickets");
        Assert.Equal(Math.Max(before, 1), tickets.GetProperty("calls").GetInt32());
        var ticket = tickets.GetProperty("jsapi").GetString()!;
        Assert.All(answers, a => Assert.Equal(
            Sha1($"jsapi_ticket={ticket}&noncestr={a.Body.GetProperty("nonceStr").GetString()}&timestamp={a.Body.GetProperty("timestamp").GetInt64()}&url={a.Url}"),
            a.Body.GetProperty("signature").GetString()));
    }

    [Fact]
    public async Task A_refused_signature_over_a_dead_ticket_gets_a_new_ticket_once_and_a_forged_report_gets_none()
    {
        site.RequireProvider();
        using var client = site.ClientFrom(9);
        using var first = await client.GetAsync(SignatureUrl(Page), Ct);
        var refused = JsonDocument.Parse(await first.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
        var dead = (await InspectAsync(client)).GetProperty("tickets").GetProperty("jsapi").GetString()!;
        // WeChat ends the ticket early: the site still holds it, and WeChat refuses what it signs.
        await ControlAsync(client, "expire-tickets");

        // A forged report (a signature the current ticket does not give) changes nothing.
        var forged = await ReportAsync(client, Page, refused.GetProperty("timestamp").GetInt64(), refused.GetProperty("nonceStr").GetString()!, new string('0', 40));
        Assert.Equal(Sha1($"jsapi_ticket={dead}&noncestr={forged.GetProperty("nonceStr").GetString()}&timestamp={forged.GetProperty("timestamp").GetInt64()}&url={Page}"),
            forged.GetProperty("signature").GetString());

        var renewed = await ReportAsync(client, Page, refused.GetProperty("timestamp").GetInt64(), refused.GetProperty("nonceStr").GetString()!, refused.GetProperty("signature").GetString()!);
        var live = (await InspectAsync(client)).GetProperty("tickets").GetProperty("jsapi").GetString()!;
        Assert.NotEqual(dead, live);
        Assert.Equal(Sha1($"jsapi_ticket={live}&noncestr={renewed.GetProperty("nonceStr").GetString()}&timestamp={renewed.GetProperty("timestamp").GetInt64()}&url={Page}"),
            renewed.GetProperty("signature").GetString());

        // Signatures from then on use the new ticket.
        using var next = await client.GetAsync(SignatureUrl(Page), Ct);
        var after = JsonDocument.Parse(await next.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(Sha1($"jsapi_ticket={live}&noncestr={after.GetProperty("nonceStr").GetString()}&timestamp={after.GetProperty("timestamp").GetInt64()}&url={Page}"),
            after.GetProperty("signature").GetString());

        using var otherSite = await client.PostAsJsonAsync(new Uri(ShareSignatureApi.RefusedPath, UriKind.Relative),
            new { url = "https://evil.example.com/", timestamp = 1, nonceStr = "x", signature = "y" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, otherSite.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example.com/news/launch", "url_not_this_site")]
    [InlineData("https://zscq.example.cn.evil.example.com/", "url_not_this_site")]
    [InlineData("https://zscq.example.cn:8443/", "url_not_this_site")]
    [InlineData("https://admin@zscq.example.cn/", "url_invalid")]
    [InlineData("javascript:alert(1)", "url_invalid")]
    [InlineData("/news/launch", "url_invalid")]
    [InlineData("", "url_missing")]
    public async Task Another_site_s_url_or_no_url_is_refused_with_a_stable_code(string url, string code)
    {
        site.RequireProvider();
        using var client = site.ClientFrom(4);

        using var response = await client.GetAsync(SignatureUrl(url), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Too_many_requests_from_one_address_get_429_with_retry_after_while_others_are_served()
    {
        site.RequireProvider();
        using var busy = site.ClientFrom(5);
        using var other = site.ClientFrom(6);

        for (var i = 0; i < ShareSite.Limit; i++)
        {
            using var ok = await busy.GetAsync(SignatureUrl(Page), Ct);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await busy.GetAsync(SignatureUrl(Page), Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Equal("rate_limited", JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("code").GetString());

        using var served = await other.GetAsync(SignatureUrl(Page), Ct);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task Pages_load_the_share_scripts_as_files_with_nothing_inline_and_the_policy_allows_them()
    {
        site.RequireProvider();
        using var client = site.ClientFrom(7);

        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        var html = await home.Content.ReadAsStringAsync(Ct);
        Assert.Matches("<script defer src=\"/themes/default/assets/jweixin-1\\.6\\.0\\.[0-9a-f]{10}\\.js\"></script>", html);
        Assert.Matches("<script defer src=\"/themes/default/assets/share\\.[0-9a-f]{10}\\.js\" data-signature=\"/api/v1/share/signature\"></script>", html);
        // No inline script (a JSON-LD block is data, not script, and runs nowhere).
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)(?![^>]*application/ld\\+json)[^>]*>", html);
        var csp = home.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", csp, StringComparison.Ordinal);

        foreach (var asset in new[] { "jweixin-1.6.0.js", "share.js" })
        {
            using var script = await client.GetAsync(new Uri("/themes/default/assets/" + asset, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        }

        using var share = await client.GetAsync(new Uri("/themes/default/assets/share.js", UriKind.Relative), Ct);
        var code = await share.Content.ReadAsStringAsync(Ct);
        Assert.Contains("MicroMessenger", code, StringComparison.Ordinal);
        Assert.Contains("updateAppMessageShareData", code, StringComparison.Ordinal);
        Assert.Contains("updateTimelineShareData", code, StringComparison.Ordinal);
        Assert.DoesNotContain("://", code.Replace("location.href", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_endpoint_is_described_in_the_openapi_document()
    {
        site.RequireProvider();
        using var client = site.ClientFrom(8);
        var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct)).RootElement;
        var get = document.GetProperty("paths").GetProperty(ShareSignatureApi.Path).GetProperty("get");
        Assert.Equal("SignSharePage", get.GetProperty("operationId").GetString());
        var statuses = get.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
        Assert.Equal(["200", "400", "429", "503"], statuses.Order());
        Assert.Contains(get.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "url");
        var refused = document.GetProperty("paths").GetProperty(ShareSignatureApi.RefusedPath).GetProperty("post");
        Assert.Equal("ReportRefusedSignature", refused.GetProperty("operationId").GetString());
        Assert.Contains("429", refused.GetProperty("responses").EnumerateObject().Select(r => r.Name));
    }

    private static async Task<JsonElement> ReportAsync(HttpClient client, string url, long timestamp, string nonceStr, string signature)
    {
        using var response = await client.PostAsJsonAsync(new Uri(ShareSignatureApi.RefusedPath, UriKind.Relative), new { url, timestamp, nonceStr, signature }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task ControlAsync(HttpClient client, string control)
    {
        using var response = await client.PostAsync(new Uri(WeChatAccounts.EmulatorPrefix + "/_emulator/" + control, UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static Uri SignatureUrl(string url) => new(ShareSignatureApi.Path + "?url=" + Uri.EscapeDataString(url), UriKind.Relative);

    private static async Task<JsonElement> InspectAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri(WeChatAccounts.EmulatorPrefix + "/inspect", UriKind.Relative), Ct)).RootElement.Clone();

    /// <summary>The test's own SHA-1 in hex, independent of the code under test.</summary>
#pragma warning disable CA5350 // SHA-1 is what the JS-SDK specifies.
    private static string Sha1(string text) => string.Concat(SHA1.HashData(Encoding.UTF8.GetBytes(text)).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
#pragma warning restore CA5350
}

public sealed class ShareSignatureSqliteTests(SqliteShareSite site) : ShareSignatureTests(site), IClassFixture<SqliteShareSite>;

public sealed class ShareSignaturePostgresTests(PostgresShareSite site) : ShareSignatureTests(site), IClassFixture<PostgresShareSite>;

/// <summary>Without a WeChat account (no emulator, nothing configured) nothing is signed: 503 with a code, and the script gives up.</summary>
public abstract class ShareWithoutWeChatTests(AppFixture fixture)
{
    [Fact]
    public async Task The_signature_is_503_with_a_code_when_no_account_is_configured()
    {
        using var response = await fixture.Client.GetAsync(new Uri(ShareSignatureApi.Path + "?url=" + Uri.EscapeDataString("https://zscq.example.cn/"), UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("wechat_not_configured", problem.GetProperty("code").GetString());
    }
}

public sealed class NoWeChatSqliteApp() : AppFixture(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["WeChat:Emulator"] = "false" };
}

public sealed class NoWeChatPostgresApp() : AppFixture(DatabaseProvider.PostgreSql)
{
    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["WeChat:Emulator"] = "false" };
}

public sealed class ShareWithoutWeChatSqliteTests(NoWeChatSqliteApp app) : ShareWithoutWeChatTests(app), IClassFixture<NoWeChatSqliteApp>;

public sealed class ShareWithoutWeChatPostgresTests(NoWeChatPostgresApp app) : ShareWithoutWeChatTests(app), IClassFixture<NoWeChatPostgresApp>;
