using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.ScaleOut;

/// <summary>
/// The production shape on loopback, every part real and its own process: PostgreSQL, Redis, one standalone WeChat
/// emulator, two CMS instances in the production mode (migrated once, before they start, by the <c>migrate</c>
/// command) and nginx round-robin in front, configured by <c>deploy/nginx.conf</c> itself.
/// </summary>
public sealed partial class FarmTests(FarmTests.Farm farm) : IClassFixture<FarmTests.Farm>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_editor_signed_in_through_nginx_keeps_working_while_requests_alternate_between_instances()
    {
        farm.SkipIfUnavailable();
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = farm.Nginx };
        // The form and its antiforgery token from one instance, the post to the next (round-robin).
        var form = await browser.GetStringAsync(new Uri("/admin/signin", UriKind.Relative), Ct);
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var signIn = await browser.PostAsync(new Uri("/admin/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = farm.EditorEmail, ["Password"] = Staff.Password, ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("signin", signIn.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);

        var upstreams = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 0; n < 8; n++)
        {
            using var page = await browser.GetAsync(new Uri("/admin", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("工作台", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            upstreams.Add(page.Headers.GetValues("X-Upstream").Single());
        }

        Assert.Equal(2, upstreams.Count);
    }

    [Fact]
    public async Task A_publish_through_nginx_is_visible_on_both_instances_within_a_second()
    {
        farm.SkipIfUnavailable();
        const string list = "/api/v1/content?kind=news";
        foreach (var instance in farm.Instances)
        {
            await instance.GetStringAsync(new Uri(list, UriKind.Relative), Ct);
            await instance.GetStringAsync(new Uri(list, UriKind.Relative), Ct);
        }

        using var editor = await farm.EditorAsync();
        var slug = TestContent.UniqueSlug("farm");
        var id = await editor.CreateAsync(new { kind = "news", title = "集群发布 " + slug, body = "正文", slug });
        await editor.PostAsync($"/api/manage/v1/content/{id}/publish");
        foreach (var instance in farm.Instances)
        {
            await Eventually.TrueAsync(async () =>
            {
                var json = await instance.GetFromJsonAsync<JsonElement>(new Uri(list, UriKind.Relative), Ct);
                return json.GetProperty("items")[0].GetProperty("slug").GetString() == slug;
            }, TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public async Task Scheduled_publishes_happen_once_each_with_both_dispatchers_running()
    {
        farm.SkipIfUnavailable();
        using var editor = await farm.EditorAsync();
        var at = DateTimeOffset.UtcNow.AddSeconds(4);
        var ids = new List<int>();
        for (var n = 0; n < 6; n++)
        {
            var slug = TestContent.UniqueSlug("scheduled");
            var id = await editor.CreateAsync(new { kind = "news", title = "定时 " + slug, body = "正文", slug });
            await editor.PostAsync($"/api/manage/v1/content/{id}/publish", new { at });
            ids.Add(id);
        }

        var publish = Cms.Workflow.AuditActions.Key(Cms.Workflow.AuditAction.Publish);
        foreach (var id in ids)
        {
            await Eventually.TrueAsync(async () => (await editor.GetOkAsync($"/api/manage/v1/content/{id}")).State() == "published", TimeSpan.FromSeconds(30));
            // Both dispatchers polled the same due rows: each publish ran once (one audit entry, by the scheduler).
            await using var db = farm.Database.CreateContext();
            Assert.Equal(1, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
                db.AuditEntries, a => a.Target == $"content/{id}" && a.Action == publish, Ct));
        }
    }

    [Fact]
    public async Task A_cross_post_whose_instance_is_killed_mid_way_is_finished_by_the_other_once()
    {
        farm.SkipIfUnavailable();
        using var editor = await farm.EditorAsync();
        var slug = TestContent.UniqueSlug("crosspost");
        var title = "集群群发 " + slug;
        var id = await editor.CreateAsync(new { kind = "news", title, body = "正文", slug });
        await editor.PostAsync($"/api/manage/v1/content/{id}/publish");

        // The emulator creates the draft, then holds its answer: the instance that took the job waits for it.
        using (var fault = await farm.Emulator.PostAsJsonAsync("/_emulator/faults", new { path = "/cgi-bin/draft/add", delayAfterMs = 8000, count = 1 }, Ct))
            Assert.Equal(HttpStatusCode.NoContent, fault.StatusCode);
        using var accepted = await editor.PostAsync(new Uri($"/api/manage/v1/content/{id}/wechat", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        // The job runs on the instance that took the request, right after its commit.
        var runner = farm.InstanceAt(accepted.Headers.GetValues("X-Upstream").Single());
        await Eventually.TrueAsync(async () => CrossPostStatus.LastStep(await CrossPostStatus.GetAsync(editor, id)) == "draft-requested", TimeSpan.FromSeconds(30));
        await farm.KillAsync(runner);
        try
        {
            JsonElement post = default;
            await Eventually.TrueAsync(async () =>
            {
                post = await CrossPostStatus.GetAsync(editor, id);
                return post.GetProperty("status").GetString() is "published" or "failed";
            }, TimeSpan.FromSeconds(90));
            Assert.Equal("published", post.GetProperty("status").GetString());
            var inspect = JsonDocument.Parse(await farm.Emulator.GetStringAsync(new Uri("/inspect", UriKind.Relative), Ct)).RootElement;
            var articles = inspect.GetProperty("published").EnumerateArray().Where(j => j.GetProperty("status").GetInt32() == 0)
                .SelectMany(j => j.GetProperty("articles").EnumerateArray()).Count(a => a.GetProperty("title").GetString() == title);
            Assert.Equal(1, articles);
            farm.AssertLogsHoldNoSecrets(editor.DefaultRequestHeaders.Authorization?.Parameter);
        }
        finally
        {
            await farm.RestartAsync(runner);
        }
    }

    [Fact]
    public async Task With_Redis_stopped_the_site_keeps_answering_from_local_caches_and_recovers_when_it_returns()
    {
        farm.SkipIfUnavailable();
        using var site = new HttpClient { BaseAddress = farm.Nginx };
        (await site.GetAsync(new Uri("/", UriKind.Relative), Ct)).Dispose();
        await farm.Redis.StopAsync();
        try
        {
            // The first answer may wait out one connect timeout; every later one comes from the local cache at once.
            var first = Stopwatch.StartNew();
            using (var page = await site.GetAsync(new Uri("/", UriKind.Relative), Ct))
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.True(first.Elapsed < TimeSpan.FromSeconds(6), $"the first answer took {first.Elapsed}");
            for (var n = 0; n < 10; n++)
            {
                var one = Stopwatch.StartNew();
                using var page = await site.GetAsync(new Uri("/", UriKind.Relative), Ct);
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.True(one.Elapsed < TimeSpan.FromSeconds(1), $"answer {n + 2} took {one.Elapsed}");
            }

            foreach (var instance in farm.Instances)
                Assert.Equal("Degraded", await Readiness.CheckAsync(instance, "redis"));
        }
        finally
        {
            await farm.Redis.StartAgainAsync();
        }

        foreach (var instance in farm.Instances)
            await Eventually.TrueAsync(async () => await Readiness.CheckAsync(instance, "redis") == "Healthy", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task With_PostgreSQL_restarted_requests_fail_fast_with_503_and_recover_without_restarting_the_CMS()
    {
        farm.SkipIfUnavailable();
        using var editor = await farm.EditorAsync();
        await editor.GetOkAsync("/api/manage/v1/content");
        using var site = new HttpClient { BaseAddress = farm.Nginx };
        // The home page in the shared cache (under nginx's Host, which is part of the key).
        for (var n = 0; n < 2; n++)
            (await site.GetAsync(new Uri("/", UriKind.Relative), Ct)).EnsureSuccessStatusCode().Dispose();
        await farm.Postgres.StopAsync();
        try
        {
            for (var n = 0; n < 6; n++)
            {
                var one = Stopwatch.StartNew();
                using var answer = await editor.GetAsync(new Uri("/api/manage/v1/content", UriKind.Relative), Ct);
                var body = await answer.Content.ReadAsStringAsync(Ct);
                Assert.True(answer.StatusCode == HttpStatusCode.ServiceUnavailable, $"{answer.StatusCode}: {body}");
                Assert.True(one.Elapsed < TimeSpan.FromSeconds(2), $"answer {n + 1} took {one.Elapsed}");
                Assert.Equal("database-unavailable", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
                Assert.Equal(TimeSpan.FromSeconds(5), answer.Headers.RetryAfter?.Delta);

                // A person's page that needs the database: the Chinese 503 page, never a 500 or a trace.
                using var search = await site.GetAsync(new Uri($"/search?q=停机{n}{Guid.NewGuid():N}", UriKind.Relative), Ct);
                var html = await search.Content.ReadAsStringAsync(Ct);
                Assert.True(search.StatusCode == HttpStatusCode.ServiceUnavailable, $"{search.StatusCode}: {html}");
                Assert.Contains("服务暂时不可用", html, StringComparison.Ordinal);
                Assert.DoesNotContain("Npgsql", html, StringComparison.Ordinal);

                // The cached public pages keep answering.
                using var home = await site.GetAsync(new Uri("/", UriKind.Relative), Ct);
                Assert.True(home.StatusCode == HttpStatusCode.OK, $"{home.StatusCode}: {farm.RecentLog()}");
            }

            foreach (var instance in farm.Instances)
            {
                using (var health = await instance.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct))
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
                Assert.Equal("Unhealthy", await Readiness.CheckAsync(instance, "database"));
            }
        }
        finally
        {
            await farm.Postgres.StartAgainAsync();
        }

        // The same processes answer again, each of them (asked directly), reads and writes alike.
        foreach (var instance in farm.Instances)
            await Eventually.TrueAsync(async () => await Readiness.CheckAsync(instance, "database") == "Healthy", TimeSpan.FromSeconds(30));
        var upstreams = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 0; n < 6; n++)
        {
            var slug = TestContent.UniqueSlug("after-outage");
            using var created = await editor.PostAsJsonAsync("/api/manage/v1/content", new { kind = "news", title = "恢复后 " + slug, body = "正文", slug }, Ct);
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
            upstreams.Add(created.Headers.GetValues("X-Upstream").Single());
        }

        Assert.Equal(2, upstreams.Count);
        Assert.True(farm.BothRunning);
        // The outage's error logs (every refused request's exception) hold no secret.
        farm.AssertLogsHoldNoSecrets(editor.DefaultRequestHeaders.Authorization?.Parameter);
    }

    [Fact]
    public async Task Both_instances_asking_for_a_WeChat_token_at_once_make_one_stable_token_call_between_them()
    {
        farm.SkipIfUnavailable();
        const string tokenCalls = "path=\"/cgi-bin/stable_token\"", ticketCalls = "path=\"/cgi-bin/ticket/getticket\"";
        // Forget the farm's token and ticket, so both instances need them at the same moment.
        await using (var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(farm.Redis.ConnectionString))
        {
            var server = redis.GetServer(redis.GetEndPoints()[0]);
            await foreach (var key in server.KeysAsync(pattern: "pwk:wechat:*"))
                await redis.GetDatabase().KeyDeleteAsync(key);
        }

        var (tokensBefore, ticketsBefore) = (await farm.CounterAsync("wechat_api_calls_total", tokenCalls), await farm.CounterAsync("wechat_api_calls_total", ticketCalls));
        var page = Uri.EscapeDataString(farm.Nginx + "news");
        var signatures = await Task.WhenAll(farm.Instances.SelectMany(instance => Enumerable.Range(0, 4).Select(async _ =>
        {
            using var answer = await instance.GetAsync(new Uri($"/api/v1/share/signature?url={page}", UriKind.Relative), Ct);
            var body = await answer.Content.ReadAsStringAsync(Ct);
            Assert.True(answer.IsSuccessStatusCode, body);
            return JsonDocument.Parse(body).RootElement.GetProperty("signature").GetString();
        })));
        Assert.Equal(8, signatures.Length);

        await Eventually.TrueAsync(async () => await farm.CounterAsync("wechat_api_calls_total", ticketCalls) > ticketsBefore, TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(1, await farm.CounterAsync("wechat_api_calls_total", tokenCalls) - tokensBefore);
        Assert.Equal(1, await farm.CounterAsync("wechat_api_calls_total", ticketCalls) - ticketsBefore);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>Everything the tests above run against, started once for the class and stopped after it.</summary>
    public sealed class Farm : IAsyncLifetime
    {
        private const string AppId = "wx5a6b7c8d9e0f1a2b";
        private const string Secret = "farm-test-secret";
        private const string Token = "farmTestToken";
        private const string AesKey = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR";
        private readonly List<ServerProcess> _processes = [];
        private readonly int[] _ports = [ServerProcess.FreePort(), ServerProcess.FreePort()];
        private readonly int[] _metricsPorts = [ServerProcess.FreePort(), ServerProcess.FreePort()];
        private ServerProcess?[] _instances = [null, null];
        private string[] _cmsArgs = [];
        private string? _unavailable;

        public TestDatabase Database { get; private set; } = null!;
        public RedisServer Redis { get; private set; } = null!;
        public PostgresServer Postgres { get; private set; } = null!;
        public HttpClient Emulator { get; private set; } = null!;
        public Uri Nginx { get; private set; } = null!;
        public string EditorEmail { get; } = "farm-editor@example.cn";

        /// <summary>Each instance directly, bypassing nginx.</summary>
        public HttpClient[] Instances { get; private set; } = [];

        private static readonly string[] NginxPlaces = ["/usr/sbin/nginx", "/usr/bin/nginx"];

        public static string? NginxBinary => NginxPlaces.FirstOrDefault(File.Exists);

        public void SkipIfUnavailable()
        {
            if (_unavailable is { } reason)
                Assert.Skip(reason);
        }

        public async ValueTask InitializeAsync()
        {
            var required = Environment.GetEnvironmentVariable("CMS_TEST_REQUIRE_REDIS") == "1";
            _unavailable = (PostgresServer.UnavailableReason is { } noPostgres ? (required ? throw new InvalidOperationException(noPostgres) : noPostgres) : null)
                ?? (RedisServer.Binary is null && !required ? "redis-server is not installed; CI runs these tests." : null)
                ?? (NginxBinary is null ? (required ? throw new InvalidOperationException("nginx is not installed.") : "nginx is not installed; CI runs these tests.") : null);
            if (_unavailable is not null)
                return;

            Redis = await RedisServer.StartAsync();
            // A cluster of its own, which the outage test stops and starts again.
            Postgres = await PostgresServer.StartAsync();
            Database = await PostgresTestDatabase.CreateAsync(Postgres.AdminConnectionString);
            var (emulatorPort, nginxPort) = (ServerProcess.FreePort(), ServerProcess.FreePort());
            Nginx = new Uri($"http://127.0.0.1:{nginxPort}");
            var emulator = ServerProcess.Start("PatentWeek.WeChat.Emulator.dll", emulatorPort, [
                "--WeChatEmulator:AppId", AppId, "--WeChatEmulator:AppSecret", Secret, "--WeChatEmulator:Token", Token,
                "--WeChatEmulator:EncodingAesKey", AesKey, "--WeChatEmulator:DataPath", Path.Combine(Database.DataPath, "emulator"),
                "--WeChatEmulator:CallbackUrl", $"{Nginx}wechat/callback", "--WeChatEmulator:PublishDelaySeconds", "1"]);
            _processes.Add(emulator);
            Emulator = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{emulatorPort}") };
            await ServerProcess.UpAsync(Emulator, "/inspect");

            string[] production = [
                "--Cms:Mode", "Production", "--Cms:Database:Provider", "PostgreSql", "--ConnectionStrings:Cms", Database.ConnectionString,
                "--Cms:Redis", Redis.ConnectionString, "--Cms:PublicBaseUrl", Nginx.ToString().TrimEnd('/'),
                "--Cms:ForwardedHeaders:KnownProxies:0", "127.0.0.1", "--Cms:Outbox:LeaseSeconds", "10",
                "--WeChat:ApiBaseUrl", Emulator.BaseAddress!.ToString().TrimEnd('/'), "--WeChat:AppId", AppId, "--WeChat:AppSecret", Secret,
                "--WeChat:Token", Token, "--WeChat:EncodingAESKey", AesKey,
                "--WeChat:RetrySeconds", "1", "--WeChat:PollSeconds", "1", "--WeChat:AnswerGraceSeconds", "2"];
            // The production sequence: migrate (and seed) once, add the editor, then start the instances.
            var (code, output) = await CmsProcess.RunAsync(Database, "", ["migrate", "--Cms:Seed:Enabled", "true", .. production]);
            Assert.True(code == 0, output);
            (code, output) = await CmsProcess.RunAsync(Database, Staff.Password + "\n", ["users", "add", "--email", EditorEmail, "--role", Roles.Editor, .. production]);
            Assert.True(code == 0, output);

            _cmsArgs = ["--Cms:DataPath", Database.DataPath, "--Cms:ContentPath", Repo.Content, "--Cms:ThemesPath", Repo.Themes, .. production];
            for (var n = 0; n < 2; n++)
                await RestartAsync(n);
            Instances = [.. _ports.Select(p => new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{p}") })];

            var folder = Path.Combine(Database.DataPath, "nginx");
            Directory.CreateDirectory(folder);
            var config = (await File.ReadAllTextAsync(Path.Combine(Repo.Root, "deploy", "nginx.conf")))
                .Replace("127.0.0.1:5001", $"127.0.0.1:{_ports[0]}", StringComparison.Ordinal)
                .Replace("127.0.0.1:5002", $"127.0.0.1:{_ports[1]}", StringComparison.Ordinal)
                .Replace("127.0.0.1:8080", $"127.0.0.1:{nginxPort}", StringComparison.Ordinal)
                // Only here: which instance answered, so the tests can see the round-robin.
                .Replace("location / {", "location / {\n            add_header X-Upstream $upstream_addr always;", StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), config);
            var nginx = new ProcessStartInfo(NginxBinary!) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in (string[])["-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-e", "stderr", "-g", "daemon off;"])
                nginx.ArgumentList.Add(arg);
            _nginx = Process.Start(nginx)!;
            _nginx.BeginOutputReadLine();
            _nginx.BeginErrorReadLine();
            using var probe = new HttpClient { BaseAddress = Nginx };
            await ServerProcess.UpAsync(probe, "/health/ready");
        }

        private Process? _nginx;

        /// <summary>A client signed in through nginx with a bearer token.</summary>
        public async Task<HttpClient> EditorAsync()
        {
            var client = new HttpClient { BaseAddress = Nginx };
            await Staff.BearerAsync(client, EditorEmail, Staff.Password);
            return client;
        }

        /// <summary>Which instance an <c>X-Upstream</c> value (<c>127.0.0.1:port</c>) names.</summary>
        public int InstanceAt(string upstream) => Array.FindIndex(_ports, p => upstream.EndsWith(":" + p, StringComparison.Ordinal));

        /// <summary>SIGKILL: the instance gets no chance to give its jobs back.</summary>
        public async Task KillAsync(int instance)
        {
            if (_instances[instance] is { } process)
                await process.KillAsync();
        }

        /// <summary>The sum over both instances of one counter's Prometheus samples whose labels contain <paramref name="label"/>.</summary>
        public async Task<double> CounterAsync(string name, string label)
        {
            double sum = 0;
            foreach (var port in _metricsPorts)
            {
                using var http = new HttpClient();
                var text = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"), Ct);
                sum += text.Split('\n').Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) && l.Contains(label, StringComparison.Ordinal))
                    .Sum(l => double.Parse(l[(l.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
            }

            return sum;
        }

        /// <summary>
        /// What the instances logged (warnings and errors, JSON in the production mode) holds none of the secrets they
        /// were given or handed out: the editor's password, the WeChat secret and AES key, the database password, and
        /// the bearer tokens the tests were issued.
        /// </summary>
        public void AssertLogsHoldNoSecrets(params string?[] more)
        {
            var password = new Npgsql.NpgsqlConnectionStringBuilder(Database.ConnectionString).Password!;
            string[] secrets = [Staff.Password, Secret, AesKey, password, .. more.OfType<string>()];
            var lines = _instances.SelectMany(i => i?.Lines ?? []).ToList();
            Assert.NotEmpty(lines);
            foreach (var secret in secrets)
                Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }

        /// <summary>The instances' last log lines, for a failure's message.</summary>
        public string RecentLog() => string.Join('\n', _instances.SelectMany(i => i?.Lines.TakeLast(60) ?? []));

        /// <summary>Whether both instance processes are still the ones started (none restarted or exited).</summary>
        public bool BothRunning => _instances.All(i => i is { Process.HasExited: false });

        public async Task RestartAsync(int instance)
        {
            _instances[instance]?.Dispose();
            var metrics = _metricsPorts[instance].ToString(System.Globalization.CultureInfo.InvariantCulture);
            _instances[instance] = ServerProcess.Start("PatentWeek.Cms.dll", _ports[instance],
                [.. _cmsArgs, "--Cms:Metrics:Port", metrics, "--urls", $"http://127.0.0.1:{_ports[instance]};http://127.0.0.1:{metrics}"]);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_ports[instance]}") };
            await ServerProcess.UpAsync(http, "/health/ready");
        }

        public async ValueTask DisposeAsync()
        {
            if (_nginx is { HasExited: false })
            {
                // The workers too: they hold the output pipes, and the wait for the master would never end while they live.
                _nginx.Kill(entireProcessTree: true);
                await _nginx.WaitForExitAsync();
            }

            _nginx?.Dispose();
            foreach (var instance in _instances)
                instance?.Dispose();
            foreach (var process in _processes)
                process.Dispose();
            foreach (var client in Instances)
                client.Dispose();
            Emulator?.Dispose();
            if (Redis is not null)
                await Redis.DisposeAsync();
            try
            {
                if (Database is not null)
                    await Database.DisposeAsync();
            }
            finally
            {
                // Stopped and removed even when dropping the database failed.
                if (Postgres is not null)
                    await Postgres.DisposeAsync();
            }
        }
    }
}
