using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatentWeek.WeChat.Push;

namespace PatentWeek.WeChat.Emulator;

/// <summary>
/// Delivers PUBLISHJOBFINISH to the account's server URL when a job ends, as WeChat does: signed (and encrypted in
/// secure mode), up to 3 attempts, an attempt failing when the answer is slower than 5 s, not 2xx, or neither
/// <c>success</c> nor empty. Attempts start at least 5 s apart on the emulator's clock, as WeChat's retries follow
/// its 5 s wait. Faults can drop a delivery or send it twice.
/// </summary>
internal sealed partial class PublishPusher(
    IServiceScopeFactory scopes, IOptions<EmulatorOptions> options, EmulatorFaults faults, TimeProvider time,
    IHttpClientFactory http, IServer server, ILogger<PublishPusher> logger) : BackgroundService
{
    public const int Attempts = 3;
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Polls in real time; whether a job has ended is read on the emulator's (possibly simulated) clock.
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or HttpRequestException)
            {
                LogFailed(logger, e);
            }
        }
    }

    private async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (CallbackUrl(o) is not { } callback)
            return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EmulatorDb>();
        var now = time.GetUtcNow();
        var due = await db.PublishJobs.Where(j => !j.PushDone && j.CompletesAt <= now && (j.NextPushAt == null || j.NextPushAt <= now))
            .ToListAsync(cancellationToken);
        foreach (var job in due)
        {
            if (faults.TakeLostPush())
            {
                job.PushDone = true;
                await db.SaveChangesAsync(cancellationToken);
                continue;
            }

            var began = time.GetUtcNow();
            var times = faults.TakeDuplicatedPush() ? 2 : 1;
            var delivered = false;
            for (var i = 0; i < times; i++)
                delivered |= await SendAsync(o, callback, job, cancellationToken);
            job.PushAttempts++;
            job.PushDone = delivered || job.PushAttempts >= Attempts;
            job.NextPushAt = began + ReplyTimeout;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The configured URL; a relative one (<c>/wechat/callback</c>) is on the server that hosts the emulator, whose
    /// address is known only once it listens (an application hosting the emulator pushes to itself).
    /// </summary>
    private string? CallbackUrl(EmulatorOptions o)
    {
        if (o.CallbackUrl is null || Uri.IsWellFormedUriString(o.CallbackUrl, UriKind.Absolute))
            return o.CallbackUrl;
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
            return null;
        address = address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal);
        return address.TrimEnd('/') + "/" + o.CallbackUrl.TrimStart('/');
    }

    private async Task<bool> SendAsync(EmulatorOptions o, string callbackUrl, EmuPublishJob job, CancellationToken cancellationToken)
    {
        var xml = Event(o, job, time.GetUtcNow());
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Random.Shared.Next(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var query = $"signature={WeChatSignature.Compute(o.Token, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}&openid=o-emulator";
        var body = xml;
        if (o.EncodingAesKey is { } key)
        {
            var encrypted = new WeChatMessageCrypt(key, o.AppId).Encrypt(xml);
            query += $"&encrypt_type=aes&msg_signature={WeChatSignature.Compute(o.Token, timestamp, nonce, encrypted)}";
            body = new XElement("xml", new XElement("ToUserName", new XCData(Account(o))), new XElement("Encrypt", new XCData(encrypted))).ToString(SaveOptions.DisableFormatting);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReplyTimeout);
        try
        {
            var separator = callbackUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            using var content = new StringContent(body, Encoding.UTF8, "text/xml");
            using var response = await http.CreateClient(nameof(PublishPusher)).PostAsync(new Uri(callbackUrl + separator + query), content, timeout.Token);
            var answer = (await response.Content.ReadAsStringAsync(timeout.Token)).Trim();
            return response.IsSuccessStatusCode && (answer.Length == 0 || answer == "success");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The event as the reference shows it: PublishEventInfo with the status, and on success the URLs (idx from 1).</summary>
    internal static string Event(EmulatorOptions o, EmuPublishJob job, DateTimeOffset now)
    {
        var info = new XElement("PublishEventInfo",
            new XElement("publish_id", job.PublishId),
            new XElement("publish_status", job.FinalStatus));
        if (job.FinalStatus == 0)
        {
            var count = System.Text.Json.Nodes.JsonNode.Parse(job.Articles)!.AsArray().Count;
            info.Add(new XElement("article_id", new XCData(job.ArticleId!)),
                new XElement("article_detail", new XElement("count", count),
                    Enumerable.Range(1, count).Select(i => new XElement("item", new XElement("idx", i), new XElement("article_url", new XCData(PublishEndpoints.ArticleUrl(o, job, i)))))));
        }
        else
        {
            info.Add((job.FailIdx ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(i => new XElement("fail_idx", i)));
        }

        return new XElement("xml",
            new XElement("ToUserName", new XCData(Account(o))),
            new XElement("FromUserName", new XCData("o-emulator-system")),
            new XElement("CreateTime", now.ToUnixTimeSeconds()),
            new XElement("MsgType", new XCData("event")),
            new XElement("Event", new XCData("PUBLISHJOBFINISH")),
            info).ToString(SaveOptions.DisableFormatting);
    }

    private static string Account(EmulatorOptions o) => "gh_" + o.AppId[^Math.Min(12, o.AppId.Length)..];

    [LoggerMessage(LogLevel.Warning, "Emulator push delivery failed")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
