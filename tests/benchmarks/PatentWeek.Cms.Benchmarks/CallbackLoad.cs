using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using PatentWeek.WeChat.Push;

namespace PatentWeek.Cms.Benchmarks;

/// <summary>
/// Load on a running CMS's <c>/wechat/callback</c> as WeChat makes it in secure mode: followers' text messages
/// (a city, 帮助, anything else, in turn), each with its own nonce, timestamp and MsgId, signed and encrypted for
/// the account. Every reply must be 200, signed, decrypt for the AppId and be a text or news message to the
/// sender; anything else is counted as an error. 5 s of warm-up (a fresh server's JIT and first
/// queries) are not counted.
/// </summary>
internal static class CallbackLoad
{
    private static readonly string[] Texts = ["武汉", "帮助", "请问今年专利周有哪些线上活动？"];
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    private static readonly (string Label, double From, double To)[] Spread =
        [("< 10 ms", 0, 10), ("10–100 ms", 10, 100), ("100–300 ms", 100, 300), ("300–1,000 ms", 300, 1000), ("≥ 1 s", 1000, double.MaxValue)];

    /// <param name="server">The server's process, when on this machine: its CPU time per request is printed.</param>
    public static async Task<int> RunAsync(Uri baseUrl, int seconds, int concurrency, string appId, string token, string aesKey, Process? server)
    {
        var target = new Uri(baseUrl, "/wechat/callback");
        var crypt = new WeChatMessageCrypt(aesKey, appId);
        // Nonces and MsgIds unique across runs on one server too: milliseconds at start, then a counter.
        var ids = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseCookies = false })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };

        async Task<Result> SendAsync(int follower)
        {
            var id = Interlocked.Increment(ref ids);
            var text = Texts[id % Texts.Length];
            var from = $"oBenchFollower{follower:D4}";
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var nonce = id.ToString(CultureInfo.InvariantCulture);
            var message = new XElement("xml",
                new XElement("ToUserName", new XCData("gh_0123456789ab")), new XElement("FromUserName", new XCData(from)),
                new XElement("CreateTime", timestamp), new XElement("MsgType", new XCData("text")),
                new XElement("Content", new XCData(text)), new XElement("MsgId", nonce)).ToString(SaveOptions.DisableFormatting);
            var encrypted = crypt.Encrypt(message);
            var body = new XElement("xml", new XElement("ToUserName", new XCData("gh_0123456789ab")), new XElement("Encrypt", new XCData(encrypted)))
                .ToString(SaveOptions.DisableFormatting);
            var query = $"?signature={WeChatSignature.Compute(token, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}" +
                        $"&openid={from}&encrypt_type=aes&msg_signature={WeChatSignature.Compute(token, timestamp, nonce, encrypted)}";

            var started = Stopwatch.GetTimestamp();
            string reply;
            HttpStatusCode status;
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "text/xml");
                using var response = await http.PostAsync(new Uri(target + query), content);
                status = response.StatusCode;
                reply = await response.Content.ReadAsStringAsync();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return new Result(Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, e.GetType().Name);
            }

            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return status != HttpStatusCode.OK
                ? new Result(elapsed, null, $"HTTP {(int)status}")
                : Check(reply, from, token, crypt) is var (type, error) && error is null
                    ? new Result(elapsed, $"{text} → {type}", null)
                    : new Result(elapsed, null, error);
        }

        Console.WriteLine($"POST {target} (secure mode), {concurrency} concurrent followers, {seconds} s after {WarmUp.TotalSeconds:0} s of warm-up, {Environment.ProcessorCount} cores");
        var warmUp = await RunForAsync(WarmUp, concurrency, SendAsync);
        Console.WriteLine($"warm-up: {warmUp.Count} requests, {warmUp.Count(r => r.Error is not null)} errors");
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var serverBefore = server?.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var results = await RunForAsync(TimeSpan.FromSeconds(seconds), concurrency, SendAsync);
        var wall = clock.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        server?.Refresh();
        var serverCpu = (server?.TotalProcessorTime - serverBefore)?.TotalSeconds;

        var latencies = results.Select(r => r.Milliseconds).Order().ToArray();
        double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        var errors = results.Where(r => r.Error is not null).ToList();
        Console.WriteLine(FormattableString.Invariant($"{results.Count} requests in {wall:0.00} s: {results.Count / wall:0} requests/s; ")
            + FormattableString.Invariant($"latency p50 {Percentile(0.50):0.00} ms, p95 {Percentile(0.95):0.00} ms, p99 {Percentile(0.99):0.00} ms, ")
            + FormattableString.Invariant($"max {latencies[^1]:0.00} ms; errors {errors.Count}"));
        var spread = Spread.Select(b => FormattableString.Invariant($"{b.Label} {latencies.Count(l => l >= b.From && l < b.To) / (double)latencies.Length:0.0%}"));
        Console.WriteLine("latency spread: " + string.Join(", ", spread));
        Console.WriteLine("replies: " + string.Join(", ", results.Where(r => r.Reply is not null).GroupBy(r => r.Reply).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}")));
        foreach (var group in errors.GroupBy(e => e.Error).OrderByDescending(g => g.Count()).Take(5))
            Console.WriteLine($"  error ×{group.Count()}: {group.Key}");
        Console.WriteLine(FormattableString.Invariant(
            $"load generator CPU: {cpu:0.0} s over {wall:0.0} s ({cpu / wall:0.00} of {Environment.ProcessorCount} cores, shared with the server)"));
        if (serverCpu is { } busy)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"server CPU: {busy:0.0} s over {wall:0.0} s ({busy / wall:0.00} cores), {busy * 1000 / results.Count:0.00} ms per request"));
        }
        return errors.Count == 0 && results.Count > 0 ? 0 : 1;
    }

    /// <summary>The reply's MsgType, or why it is not a valid secure reply to <paramref name="to"/>.</summary>
    private static (string? Type, string? Error) Check(string reply, string to, string token, WeChatMessageCrypt crypt)
    {
        try
        {
            var outer = Parse(reply);
            var encrypted = outer.Element("Encrypt")?.Value;
            var timestamp = outer.Element("TimeStamp")?.Value;
            var nonce = outer.Element("Nonce")?.Value;
            if (encrypted is null || timestamp is null || nonce is null)
                return (null, "reply is not a secure envelope: " + (reply.Length > 60 ? reply[..60] : reply));
            if (!WeChatSignature.Matches(outer.Element("MsgSignature")?.Value, token, timestamp, nonce, encrypted))
                return (null, "reply's MsgSignature is wrong");
            var inner = Parse(crypt.Decrypt(encrypted).Xml);
            var type = inner.Element("MsgType")?.Value;
            if (inner.Element("ToUserName")?.Value != to)
                return (null, "reply is addressed to someone else");
            return type is "text" or "news" ? (type, null) : (null, $"reply has MsgType {type}");
        }
        catch (Exception e) when (e is XmlException or WeChatCryptoException)
        {
            return (null, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static XElement Parse(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return XElement.Load(reader);
    }

    private static async Task<List<Result>> RunForAsync(TimeSpan duration, int concurrency, Func<int, Task<Result>> send)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perWorker = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var results = new List<Result>();
            while (Stopwatch.GetTimestamp() < until)
                results.Add(await send(worker));
            return results;
        })));
        return [.. perWorker.SelectMany(r => r)];
    }

    private sealed record Result(double Milliseconds, string? Reply, string? Error);
}
