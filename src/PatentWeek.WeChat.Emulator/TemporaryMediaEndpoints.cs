using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace PatentWeek.WeChat.Emulator;

/// <summary>A temporary material: usable for 3 days after its upload, then gone.</summary>
public sealed class EmuTemporaryMedia
{
    [Key]
    public required string MediaId { get; set; }
    public required string Type { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Bytes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// Temporary material (§2): <c>media/upload?type=</c> with the file part <c>media</c>, the same type, size and format
/// checks as permanent material (the reference gives no other limits), and <c>media/get</c>, which answers the file;
/// unknown or older than 3 days (on the emulator's clock): 40007. Real WeChat answers a video with
/// <c>{"video_url"}</c> instead of its bytes; the emulator gives the bytes for every type.
/// </summary>
internal static class TemporaryMediaEndpoints
{
    public static readonly TimeSpan Kept = TimeSpan.FromDays(3);

    public static void Map(RouteGroupBuilder cgi)
    {
        cgi.MapPost("/media/upload", (HttpRequest request, EmulatorDb db, EmulatorAccess access, TimeProvider time) =>
            EmulatorApi.RunAsync(request, access, "/cgi-bin/media/upload", async _ =>
            {
                var type = request.Query["type"].ToString();
                var (file, bytes) = await MaterialEndpoints.ReadMediaAsync(request);
                MaterialEndpoints.CheckFile(type, bytes);
                var media = new EmuTemporaryMedia
                {
                    MediaId = EmulatorApi.NewMediaId(), Type = type, FileName = file.FileName, ContentType = file.ContentType, Bytes = bytes,
                    CreatedAt = time.GetUtcNow(),
                };
                db.TemporaryMedia.Add(media);
                await db.SaveChangesAsync();
                var createdAt = media.CreatedAt.ToUnixTimeSeconds();
                // SDKs read a thumb's id from thumb_media_id; media_id is given too, as the reference shows it.
                return type == "thumb"
                    ? WeChatReply.Ok(new { type, media_id = media.MediaId, thumb_media_id = media.MediaId, created_at = createdAt })
                    : WeChatReply.Ok(new { type, media_id = media.MediaId, created_at = createdAt });
            }, readsBody: false)).DisableAntiforgery();

        cgi.MapGet("/media/get", (HttpRequest request, EmulatorDb db, EmulatorAccess access, TimeProvider time) =>
            EmulatorApi.RunAsync(request, access, "/cgi-bin/media/get", async _ =>
            {
                var id = request.Query["media_id"].ToString();
                var media = await db.TemporaryMedia.AsNoTracking().FirstOrDefaultAsync(m => m.MediaId == id);
                if (media is null || time.GetUtcNow() >= media.CreatedAt + Kept)
                    throw new WeChatFault(40007, "invalid media_id");
                return Results.File(media.Bytes, media.ContentType, media.FileName);
            }, readsBody: false));
    }
}
