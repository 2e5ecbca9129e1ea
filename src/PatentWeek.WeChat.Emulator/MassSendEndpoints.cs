using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace PatentWeek.WeChat.Emulator;

/// <summary>One mass send (群发) the emulator carried out.</summary>
public sealed class EmuMassSend
{
    [Key]
    public long MsgId { get; set; }
    public long MsgDataId { get; set; }

    /// <summary>The caller's clientmsgid, or (none given) a digest of the audience and content, as WeChat forms it.</summary>
    public required string ClientMsgId { get; set; }
    public required string MediaId { get; set; }

    /// <summary>The draft's articles as they went out (the draft itself leaves the draft box).</summary>
    public required string Articles { get; set; }
    public bool IsToAll { get; set; }
    public string? TagId { get; set; }
    public int SendIgnoreReprint { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

/// <summary>
/// <c>message/mass/sendall</c> (§5) for mpnews with a draft's media_id, and <c>/inspect/mass</c> listing what went out.
/// A clientmsgid seen in the last 24 hours answers 45065 "clientmsgid exist" with the first send's msg_id and sends
/// nothing; over 64 bytes, 45067. Our reference says only that clientmsgid deduplicates; the codes are WeChat's
/// (its mass-send page and answers on its developer forum). 45066 (the same id again within a minute) is not
/// emulated: every repeat answers 45065.
/// </summary>
internal static class MassSendEndpoints
{
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromHours(24);

    // The check for an earlier send and the send itself must not interleave, or two racing repeats would both go out.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static void Map(RouteGroupBuilder cgi)
    {
        cgi.MapPost("/message/mass/sendall", (HttpRequest request, EmulatorDb db, EmulatorAccess access, TimeProvider time) =>
            EmulatorApi.RunAsync(request, access, "/cgi-bin/message/mass/sendall", async body =>
            {
                var clientMsgId = EmulatorApi.Text(body, "clientmsgid");
                if (clientMsgId is not null && Encoding.UTF8.GetByteCount(clientMsgId) > 64)
                    throw new WeChatFault(45067, "clientmsgid size out of limit");
                if (!body.TryGetProperty("filter", out var filter) || filter.ValueKind != JsonValueKind.Object)
                    throw new WeChatFault(47001, "data format error: filter");
                var toAll = filter.TryGetProperty("is_to_all", out var all) && all.ValueKind == JsonValueKind.True;
                var tagId = toAll ? null : EmulatorApi.Text(filter, "tag_id") ?? throw new WeChatFault(47001, "data format error: tag_id");
                if (EmulatorApi.Text(body, "msgtype") != "mpnews")
                    throw new WeChatFault(40008, "invalid message type");
                body.TryGetProperty("mpnews", out var mpnews);
                var mediaId = EmulatorApi.Text(mpnews, "media_id") ?? "";
                var key = clientMsgId ?? Digest(toAll, tagId, mediaId);

                await Gate.WaitAsync();
                try
                {
                    var now = time.GetUtcNow();
                    var since = now - DuplicateWindow;
                    // Checked before the media_id: the first send took the draft out of the draft box.
                    var earlier = await db.MassSends.Where(s => s.ClientMsgId == key && s.SentAt > since).OrderBy(s => s.SentAt).FirstOrDefaultAsync();
                    if (earlier is not null)
                        throw new WeChatFault(45065, "clientmsgid exist", new JsonObject { ["msg_id"] = earlier.MsgId });
                    var draft = await DraftEndpoints.FindAsync(db, mpnews);
                    var count = await db.MassSends.CountAsync();
                    var send = new EmuMassSend
                    {
                        MsgId = 1_000_000_001L + count,
                        MsgDataId = 2_247_000_001L + count,
                        ClientMsgId = key,
                        MediaId = mediaId,
                        Articles = draft.Articles,
                        IsToAll = toAll,
                        TagId = tagId,
                        SendIgnoreReprint = body.TryGetProperty("send_ignore_reprint", out var r) && r.TryGetInt32(out var ignore) ? ignore : 0,
                        SentAt = now,
                    };
                    db.Drafts.Remove(draft); // a draft leaves the draft box once mass-sent (§3)
                    db.MassSends.Add(send);
                    await db.SaveChangesAsync();
                    return WeChatReply.Ok(new { errcode = 0, errmsg = "send job submission success", msg_id = send.MsgId, msg_data_id = send.MsgDataId });
                }
                finally
                {
                    Gate.Release();
                }
            }));
    }

    public sealed record InspectMassSend(long MsgId, long MsgDataId, string ClientMsgId, bool IsToAll, string? TagId, int SendIgnoreReprint, DateTimeOffset SentAt, IReadOnlyList<string> Titles);

    /// <summary><c>/inspect/mass</c>: every send, oldest first, for tests and people (camelCase, as <c>/inspect</c>).</summary>
    public static void MapInspect(RouteGroupBuilder root)
    {
        root.MapGet("/inspect/mass", async (EmulatorDb db) =>
        {
            var sends = await db.MassSends.AsNoTracking().OrderBy(s => s.MsgId).ToListAsync();
            return Results.Json(sends.Select(s => new InspectMassSend(s.MsgId, s.MsgDataId, s.ClientMsgId, s.IsToAll, s.TagId, s.SendIgnoreReprint, s.SentAt,
                [.. JsonNode.Parse(s.Articles)!.AsArray().Select(a => a!["title"]!.GetValue<string>())])), InspectEndpoints.InspectJson);
        });
    }

    /// <summary>WeChat's default clientmsgid: a digest of who receives the send and what it is.</summary>
    private static string Digest(bool toAll, string? tagId, string mediaId) =>
        "digest-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{toAll}|{tagId}|mpnews|{mediaId}")));
}
