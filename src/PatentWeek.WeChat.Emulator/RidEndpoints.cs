using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace PatentWeek.WeChat.Emulator;

/// <summary>One error answer as <c>openapi/rid/get</c> describes it.</summary>
public sealed class EmuRid
{
    [Key]
    public required string Rid { get; set; }

    /// <summary>The API path called (<c>/cgi-bin/…</c>); WeChat's answer shows only the query, this is for people reading the file.</summary>
    public required string Path { get; set; }
    public DateTimeOffset InvokedAt { get; set; }
    public long CostMs { get; set; }
    public required string RequestUrl { get; set; }
    public required string RequestBody { get; set; }
    public required string ResponseBody { get; set; }
    public required string ClientIp { get; set; }
}

/// <summary>
/// <c>openapi/rid/get</c>: every error answer is kept under its rid for 7 days (WeChat's window). The codes come from
/// WeChat's getRidInfo page, which our reference does not cover: 76001 "rid not found" (unknown or older than 7 days),
/// 76002 "rid is error" (empty or malformed). 76003 (a rid of another account) cannot happen with one account.
/// </summary>
internal static partial class RidEndpoints
{
    public static readonly TimeSpan Kept = TimeSpan.FromDays(7);
    private const string StartedAt = "emulator.started-at";
    private const string StartedTicks = "emulator.started-ticks";
    private const int MaxBodyChars = 64 * 1024;

    public static void Map(RouteGroupBuilder cgi)
    {
        cgi.MapPost("/openapi/rid/get", (HttpRequest request, EmulatorDb db, EmulatorAccess access, TimeProvider time) =>
            EmulatorApi.RunAsync(request, access, "/cgi-bin/openapi/rid/get", async body =>
            {
                var rid = EmulatorApi.Text(body, "rid") ?? "";
                if (!RidPattern().IsMatch(rid))
                    throw new WeChatFault(76002, "rid is error");
                var entry = await db.Rids.AsNoTracking().FirstOrDefaultAsync(r => r.Rid == rid);
                if (entry is null || time.GetUtcNow() - entry.InvokedAt > Kept)
                    throw new WeChatFault(76001, "rid not found");
                return WeChatReply.Ok(new
                {
                    errcode = 0,
                    errmsg = "ok",
                    request = new
                    {
                        invoke_time = entry.InvokedAt.ToUnixTimeSeconds(),
                        cost_in_ms = entry.CostMs,
                        request_url = entry.RequestUrl,
                        request_body = entry.RequestBody,
                        response_body = entry.ResponseBody,
                        client_ip = entry.ClientIp,
                    },
                });
            }));
    }

    /// <summary>
    /// Runs first on every <c>/cgi-bin</c> call: notes when it began and buffers its body, so that an error answered
    /// later (by a handler, a check or an injected fault) can be recorded with the request that caused it.
    /// </summary>
    public static ValueTask<object?> BeginAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Items[StartedAt] = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        http.Items[StartedTicks] = Stopwatch.GetTimestamp();
        http.Request.EnableBuffering();
        return next(context);
    }

    /// <summary>Rids look like WeChat's: three groups of 8 hex digits.</summary>
    public static string NewRid() =>
        $"{Guid.NewGuid().ToString("N")[..8]}-{Guid.NewGuid().ToString("N")[..8]}-{Guid.NewGuid().ToString("N")[..8]}";

    public static async Task RecordAsync(HttpContext http, string rid, string responseBody)
    {
        var services = http.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        // A scope of its own: the handler's context may hold half-made changes that must not be saved with the record.
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EmulatorDb>();
        db.Rids.Add(new EmuRid
        {
            Rid = rid,
            Path = EmulatorApi.CgiPath(http.Request),
            InvokedAt = http.Items.TryGetValue(StartedAt, out var at) && at is DateTimeOffset began ? began : now,
            CostMs = http.Items.TryGetValue(StartedTicks, out var t) && t is long ticks ? (long)Stopwatch.GetElapsedTime(ticks).TotalMilliseconds : 0,
            RequestUrl = http.Request.QueryString.Value?.TrimStart('?') ?? "",
            RequestBody = await BodyAsync(http.Request),
            ResponseBody = responseBody,
            ClientIp = ClientIp(http.Connection.RemoteIpAddress)?.ToString() ?? "",
        });
        await db.SaveChangesAsync(CancellationToken.None);
        // Kept as long as rid/get answers for them: the file does not grow with every error ever answered.
        var expired = now - Kept;
        await db.Rids.Where(r => r.InvokedAt < expired).ExecuteDeleteAsync(CancellationToken.None);
    }

    /// <summary>The caller's address as WeChat names it: IPv4 when it came as an IPv4-mapped IPv6 address.</summary>
    public static IPAddress? ClientIp(IPAddress? address) => address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;

    private static async Task<string> BodyAsync(HttpRequest request)
    {
        // File uploads are not text; WeChat's record of them is not documented, so only their size is kept.
        if (request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true)
            return $"(multipart/form-data, {request.ContentLength ?? 0} bytes)";
        try
        {
            if (!request.Body.CanSeek)
                return "";
            request.Body.Position = 0;
            using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
            var text = await reader.ReadToEndAsync(CancellationToken.None);
            return text.Length > MaxBodyChars ? text[..MaxBodyChars] : text;
        }
        catch (ObjectDisposedException)
        {
            return "";
        }
    }

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{8}-[0-9a-fA-F]{8}$")]
    private static partial Regex RidPattern();
}
