using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.ScaleOut;

/// <summary>
/// Two instances of the real host on one PostgreSQL database and one real Redis, as behind a load balancer: what one
/// does, the other sees (published pages, the key ring, sign-in limits), and a Redis outage costs nothing but sharing.
/// </summary>
public sealed class SharedStateTests(SharedStateTests.Pair pair) : IClassFixture<SharedStateTests.Pair>
{
    private const string Proxy = "10.9.9.9";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class Pair : IAsyncLifetime
    {
        private TestDatabase? _database;

        public RedisServer Redis { get; private set; } = null!;
        public CmsApp A { get; private set; } = null!;
        public CmsApp B { get; private set; } = null!;
        public string? Unavailable { get; private set; }

        public async ValueTask InitializeAsync()
        {
            if ((Unavailable = AppFixture.UnavailableReason(DatabaseProvider.PostgreSql)) is not null || RedisServer.Binary is null && Environment.GetEnvironmentVariable("CMS_TEST_REQUIRE_REDIS") != "1")
            {
                Unavailable ??= "redis-server is not installed (apt-get install redis-server); CI runs these tests.";
                return;
            }

            Redis = await RedisServer.StartAsync();
            _database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
            var settings = new Dictionary<string, string?>
            {
                ["Cms:Redis"] = Redis.ConnectionString,
                ["Cms:SignInAttemptsPerMinute"] = "5",
                ["Cms:ForwardedHeaders:KnownProxies:0"] = Proxy,
            };
            A = new CmsApp(_database, settings);
            _ = A.Server; // started (migrated, seeded) before the second instance comes up
            B = new CmsApp(_database, settings);
            _ = B.Server;
        }

        public async ValueTask DisposeAsync()
        {
            if (A is not null)
                await A.DisposeAsync();
            if (B is not null)
                await B.DisposeAsync();
            if (Redis is not null)
                await Redis.DisposeAsync();
            if (_database is not null)
                await _database.DisposeAsync();
        }
    }

    private void SkipIfUnavailable()
    {
        if (pair.Unavailable is { } reason)
            Assert.Skip(reason);
    }

    [Fact]
    public async Task A_publish_on_one_instance_is_on_the_other_within_a_second()
    {
        SkipIfUnavailable();
        const string list = "/api/v1/content?kind=news";
        // B has the list cached (the second answer comes from the cache).
        await pair.B.CreateClient().GetStringAsync(new Uri(list, UriKind.Relative), Ct);
        using (var cached = await pair.B.CreateClient().GetAsync(new Uri(list, UriKind.Relative), Ct))
            Assert.True(cached.Headers.Age is not null, "the list was not served from the cache");

        var editor = await Staff.SignInAsync(pair.A, Roles.Editor);
        var slug = TestContent.UniqueSlug("farm");
        var id = await editor.Client.CreateAsync(new { kind = "news", title = "两个实例 " + slug, body = "正文", slug });
        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");

        await Eventually.TrueAsync(async () =>
        {
            var json = await pair.B.CreateClient().GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri(list, UriKind.Relative), Ct);
            return json.GetProperty("items")[0].GetProperty("slug").GetString() == slug;
        }, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void What_one_instance_protects_the_other_reads_back()
    {
        SkipIfUnavailable();
        var text = pair.A.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("farm").Protect("专利周");
        Assert.Equal("专利周", pair.B.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("farm").Unprotect(text));
    }

    [Fact]
    public async Task The_sign_in_limit_holds_across_instances_not_per_instance()
    {
        SkipIfUnavailable();
        var (a, b) = (From(pair.A, "198.51.100.7"), From(pair.B, "198.51.100.7"));
        // Five wrong attempts spread over both instances are the limit; the sixth is refused on either.
        foreach (var client in new[] { a, b, a, b, a })
            Assert.Equal(HttpStatusCode.Unauthorized, await WrongPasswordAsync(client));
        Assert.Equal(HttpStatusCode.TooManyRequests, await WrongPasswordAsync(b));
        // Another address is not held up by it.
        Assert.Equal(HttpStatusCode.Unauthorized, await WrongPasswordAsync(From(pair.A, "198.51.100.8")));
    }

    [Fact]
    public async Task Forwarded_addresses_count_only_from_a_configured_proxy()
    {
        SkipIfUnavailable();
        // Through the configured proxy, each forwarded client is its own: seven clients, one attempt each, none refused.
        for (var n = 0; n < 7; n++)
            Assert.Equal(HttpStatusCode.Unauthorized, await WrongPasswordAsync(From(pair.A, Proxy, $"203.0.113.{n + 1}")));

        // From anywhere else the header is ignored: the connection's address is limited, whatever it claims.
        var refused = 0;
        for (var n = 0; n < 7; n++)
            refused += await WrongPasswordAsync(From(pair.B, "10.8.8.8", $"203.0.113.{n + 50}")) == HttpStatusCode.TooManyRequests ? 1 : 0;
        Assert.Equal(2, refused);
    }

    [Fact]
    public async Task With_Redis_gone_both_instances_serve_from_their_own_caches_and_share_again_when_it_returns()
    {
        SkipIfUnavailable();
        await pair.Redis.StopAsync();
        try
        {
            foreach (var app in new[] { pair.A, pair.B })
            {
                for (var n = 0; n < 3; n++)
                {
                    using var page = await app.CreateClient().GetAsync(new Uri("/", UriKind.Relative), Ct);
                    Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                }

                using (var health = await app.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative), Ct))
                    Assert.Equal(HttpStatusCode.OK, health.StatusCode);
                Assert.Equal("Degraded", await Readiness.CheckAsync(app.CreateClient(), "redis"));
            }

            // A publish still shows on the instance that made it (its own cache is evicted).
            var editor = await Staff.SignInAsync(pair.A, Roles.Editor);
            var slug = TestContent.UniqueSlug("outage");
            var id = await editor.Client.CreateAsync(new { kind = "news", title = "断线 " + slug, body = "正文", slug });
            await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");
            var list = await pair.A.CreateClient().GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri("/api/v1/content?kind=news", UriKind.Relative), Ct);
            Assert.Equal(slug, list.GetProperty("items")[0].GetProperty("slug").GetString());
        }
        finally
        {
            await pair.Redis.StartAgainAsync();
        }

        foreach (var app in new[] { pair.A, pair.B })
        {
            await Eventually.TrueAsync(async () => await Readiness.CheckAsync(app.CreateClient(), "redis") == "Healthy", TimeSpan.FromSeconds(30));
        }
    }

    [Fact]
    public async Task Liveness_checks_nothing_outside_and_readiness_names_every_dependency()
    {
        SkipIfUnavailable();
        var live = await pair.A.CreateClient().GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri("/health/live", UriKind.Relative), Ct);
        Assert.Equal("Healthy", live.GetProperty("status").GetString());
        Assert.Empty(live.GetProperty("checks").EnumerateObject());
        var ready = await pair.A.CreateClient().GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri("/health/ready", UriKind.Relative), Ct);
        Assert.Equal(["database", "redis", "media", "outbox"], ready.GetProperty("checks").EnumerateObject().Select(c => c.Name));
    }

    /// <summary>A client whose connections come from <paramref name="address"/>, claiming <paramref name="forwardedFor"/>.</summary>
    private static HttpClient From(CmsApp app, string address, string? forwardedFor = null)
    {
        var client = new HttpClient(app.Server.CreateHandler(c => c.Connection.RemoteIpAddress = IPAddress.Parse(address))) { BaseAddress = new Uri("http://localhost") };
        if (forwardedFor is not null)
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }

    private static async Task<HttpStatusCode> WrongPasswordAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/manage/v1/tokens", new { email = "nobody@example.cn", password = "wrong-password-1" }, Ct);
        return response.StatusCode;
    }
}
