using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace PatentWeek.WeChat.Emulator;

/// <summary><c>openapi/quota/get</c> and <c>openapi/quota/clear</c> over the emulator's per-path daily counters.</summary>
internal static class QuotaEndpoints
{
    public static void Map(RouteGroupBuilder cgi)
    {
        cgi.MapPost("/openapi/quota/get", (HttpRequest request, EmulatorDb db, EmulatorAccess access, IOptions<EmulatorOptions> options, TimeProvider time) =>
            EmulatorApi.RunAsync(request, access, "/cgi-bin/openapi/quota/get", async body =>
            {
                var path = EmulatorApi.Text(body, "cgi_path") ?? "";
                if (!path.StartsWith("/cgi-bin/", StringComparison.Ordinal))
                    throw new WeChatFault(76021, "cgi_path not found");
                var used = (await db.Quotas.FirstOrDefaultAsync(q => q.Path == path && q.Day == EmulatorAccess.Today(time)))?.Used ?? 0;
                var limit = options.Value.DailyQuota;
                return WeChatReply.Ok(new { errcode = 0, errmsg = "ok", quota = new { daily_limit = limit, used, remain = Math.Max(0, limit - used) } });
            }));

        cgi.MapPost("/openapi/quota/clear", (HttpRequest request, EmulatorDb db, EmulatorAccess access, TimeProvider time) =>
            EmulatorApi.RunAsync(request, access, "/cgi-bin/openapi/quota/clear", async body =>
            {
                var path = EmulatorApi.Text(body, "cgi_path") ?? "";
                await db.Quotas.Where(q => q.Path == path && q.Day == EmulatorAccess.Today(time)).ExecuteDeleteAsync();
                return WeChatReply.Ok();
            }));
    }

    /// <summary><c>clear_quota</c> resets every counter of the day (10 a month on the real platform; not rationed here).</summary>
    public static void MapMore(RouteGroupBuilder cgi)
    {
        cgi.MapPost("/clear_quota", (HttpRequest request, EmulatorDb db, EmulatorAccess access, TimeProvider time) =>
            EmulatorApi.RunAsync(request, access, "/cgi-bin/clear_quota", async _ =>
            {
                await db.Quotas.Where(q => q.Day == EmulatorAccess.Today(time)).ExecuteDeleteAsync();
                return WeChatReply.Ok();
            }, readsBody: false));
    }
}
