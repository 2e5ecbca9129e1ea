using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace PatentWeek.WeChat.Emulator;

/// <summary>
/// <c>GET /cgi-bin/ticket/getticket?type=jsapi|wx_card</c>, as WeChat answers it: <c>{errcode, errmsg, ticket,
/// expires_in}</c>. The access token is checked like any business call (41001, 40014, 42001, 40001) and the call is
/// counted against the path's daily quota. Within its lifetime every call hands back the same ticket, and
/// <c>expires_in</c> is always the full lifetime (what developers report of the real platform), so a client
/// must remember when it first got a ticket; an expired one is replaced on the next call. Another type is 40097.
/// </summary>
internal static class TicketEndpoints
{
    public const string Path = "/cgi-bin/ticket/getticket";

    public static void Map(RouteGroupBuilder cgi)
    {
        cgi.MapGet("/ticket/getticket", (HttpRequest request, EmulatorDb db, EmulatorAccess access, IOptions<EmulatorOptions> options, TimeProvider time) =>
            EmulatorApi.RunAsync(request, access, Path, async _ =>
            {
                var type = request.Query["type"].ToString();
                if (type is not ("jsapi" or "wx_card"))
                    throw new WeChatFault(40097, "invalid args");
                var now = time.GetUtcNow();
                var ticket = await db.Tickets.Where(t => t.Type == type && t.ExpiresAt > now).OrderByDescending(t => t.IssuedAt).FirstOrDefaultAsync();
                if (ticket is null)
                {
                    ticket = new EmuTicket
                    {
                        // Real tickets are 86 URL-safe characters; ours are too.
                        Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)).Replace('+', '-').Replace('/', '_').TrimEnd('=')[..86],
                        Type = type,
                        IssuedAt = now,
                        ExpiresAt = now.AddSeconds(options.Value.TicketLifetimeSeconds),
                    };
                    db.Tickets.Add(ticket);
                }

                ticket.Fetches++;
                await db.SaveChangesAsync();
                return WeChatReply.Ok(new { errcode = 0, errmsg = "ok", ticket = ticket.Value, expires_in = options.Value.TicketLifetimeSeconds });
            }, readsBody: false));
    }

    /// <summary>What tests read through <c>/inspect</c>: the live jsapi ticket and how many times tickets were handed out.</summary>
    public static async Task<InspectEndpoints.InspectTickets> SnapshotAsync(EmulatorDb db, DateTimeOffset now)
    {
        var live = await db.Tickets.AsNoTracking().Where(t => t.Type == "jsapi" && t.ExpiresAt > now).OrderByDescending(t => t.IssuedAt).FirstOrDefaultAsync();
        var fetches = await db.Tickets.AsNoTracking().Where(t => t.Type == "jsapi").Select(t => t.Fetches).ToListAsync();
        return new InspectEndpoints.InspectTickets(live?.Value, fetches.Sum(), fetches.Count);
    }

    /// <summary>The test control behind <c>POST /_emulator/expire-tickets</c>: every ticket stops working now.</summary>
    public static Task ExpireAllAsync(EmulatorDb db, DateTimeOffset now) =>
        db.Tickets.Where(t => t.ExpiresAt > now).ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, now));
}
