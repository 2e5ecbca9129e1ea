using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace PatentWeek.WeChat.Emulator;

/// <summary>
/// Permanent materials and body images. The file part must be named <c>media</c>; limits and codes follow §2:
/// image 10 MB (bmp/png/jpeg/gif), thumb 64 KB JPEG, video 10 MB MP4 with a <c>description</c>; uploadimg takes
/// JPEG or PNG under 1 MB and answers with an image-host URL.
/// </summary>
internal static class MaterialEndpoints
{
    /// <summary>
    /// Body pictures are kept as materials named <c>img-</c> plus the id in their URL, so that the library calls
    /// (which never list them) and the picture server (which must find them by the URL's id) tell them apart.
    /// </summary>
    internal const string BodyImagePrefix = "img-";

    /// <summary>
    /// The picture behind an id the follower views show: a body picture by the id in its URL, or a permanent image or
    /// thumb (an article's cover) by its media_id.
    /// </summary>
    internal static Task<EmuMaterial?> FindPictureAsync(EmulatorDb db, string id) =>
        db.Materials.AsNoTracking().FirstOrDefaultAsync(m =>
            (m.MediaId == BodyImagePrefix + id && m.BodyImage) || (m.MediaId == id && !m.BodyImage && (m.Type == "image" || m.Type == "thumb")));

    public static void Map(RouteGroupBuilder cgi)
    {
        cgi.MapPost("/material/add_material", (HttpRequest request, EmulatorDb db, EmulatorAccess access, TimeProvider time) =>
            EmulatorApi.RunAsync(request, access, "/cgi-bin/material/add_material", async _ =>
            {
                var type = request.Query["type"].ToString();
                var (file, bytes) = await ReadMediaAsync(request);
                var format = CheckFile(type, bytes);
                string? title = null, introduction = null;
                if (type == "video")
                {
                    var description = request.Form["description"].ToString();
                    using var json = description.Length > 0 ? JsonDocument.Parse(description) : throw new WeChatFault(41005, "media data missing: description");
                    title = EmulatorApi.Text(json.RootElement, "title");
                    introduction = EmulatorApi.Text(json.RootElement, "introduction");
                }

                var material = new EmuMaterial
                {
                    MediaId = EmulatorApi.NewMediaId(), Type = type, FileName = file.FileName, ContentType = file.ContentType, Bytes = bytes,
                    Title = title, Introduction = introduction, CreatedAt = time.GetUtcNow(),
                };
                if (type == "image")
                    material.Url = ImageUrl(format!, material.MediaId);
                db.Materials.Add(material);
                await db.SaveChangesAsync();
                return type == "image" ? WeChatReply.Ok(new { media_id = material.MediaId, url = material.Url }) : WeChatReply.Ok(new { media_id = material.MediaId });
            }, readsBody: false)).DisableAntiforgery();

        cgi.MapPost("/media/uploadimg", (HttpRequest request, EmulatorDb db, EmulatorAccess access, TimeProvider time) =>
            EmulatorApi.RunAsync(request, access, "/cgi-bin/media/uploadimg", async _ =>
            {
                var (file, bytes) = await ReadMediaAsync(request);
                var format = Format(bytes);
                if (format is not ("jpeg" or "png"))
                    throw new WeChatFault(40005, "invalid file type");
                if (bytes.Length >= 1024 * 1024)
                    throw new WeChatFault(40009, "invalid image size");
                var id = EmulatorApi.NewMediaId();
                var material = new EmuMaterial
                {
                    MediaId = BodyImagePrefix + id, Type = "image", FileName = file.FileName, ContentType = file.ContentType, Bytes = bytes,
                    Url = ImageUrl(format, id), BodyImage = true, CreatedAt = time.GetUtcNow(),
                };
                db.Materials.Add(material);
                await db.SaveChangesAsync();
                return WeChatReply.Ok(new { url = material.Url, errcode = 0, errmsg = "ok" });
            }, readsBody: false)).DisableAntiforgery();

        cgi.MapPost("/material/del_material", (HttpRequest request, EmulatorDb db, EmulatorAccess access) => EmulatorApi.RunAsync(request, access, "/cgi-bin/material/del_material", async body =>
        {
            var id = EmulatorApi.Text(body, "media_id");
            var material = await db.Materials.FirstOrDefaultAsync(m => m.MediaId == id && !m.BodyImage) ?? throw new WeChatFault(40007, "invalid media_id");
            db.Materials.Remove(material);
            await db.SaveChangesAsync();
            return WeChatReply.Ok();
        }));

        cgi.MapGet("/material/get_materialcount", (HttpRequest request, EmulatorDb db, EmulatorAccess access) => EmulatorApi.RunAsync(request, access, "/cgi-bin/material/get_materialcount", async _ =>
        {
            var counts = await db.Materials.Where(m => !m.BodyImage).GroupBy(m => m.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            int Count(string type) => counts.FirstOrDefault(c => c.Key == type)?.Count ?? 0;
            return WeChatReply.Ok(new { voice_count = Count("voice"), video_count = Count("video"), image_count = Count("image"), news_count = 0 });
        }, readsBody: false));
    }

    /// <summary>get_material (JSON for video, the bytes otherwise) and batchget_material.</summary>
    public static void MapMore(RouteGroupBuilder cgi)
    {
        cgi.MapPost("/material/get_material", (HttpRequest request, EmulatorDb db, EmulatorAccess access) =>
            EmulatorApi.RunAsync(request, access, "/cgi-bin/material/get_material", async body =>
            {
                var id = EmulatorApi.Text(body, "media_id");
                var material = await db.Materials.FirstOrDefaultAsync(m => m.MediaId == id && !m.BodyImage) ?? throw new WeChatFault(40007, "invalid media_id");
                return material.Type == "video"
                    ? WeChatReply.Ok(new { title = material.Title, description = material.Introduction, down_url = $"http://{EmulatorApi.ImageHost}/video/{material.MediaId}" })
                    : Results.File(material.Bytes, material.ContentType, material.FileName);
            }));

        cgi.MapPost("/material/batchget_material", (HttpRequest request, EmulatorDb db, EmulatorAccess access) =>
            EmulatorApi.RunAsync(request, access, "/cgi-bin/material/batchget_material", async body =>
            {
                var type = EmulatorApi.Text(body, "type") ?? "";
                if (type is not ("image" or "video" or "voice" or "news"))
                    throw new WeChatFault(40004, "invalid media type");
                var (offset, count) = EmulatorApi.Page(body);
                var query = db.Materials.Where(m => m.Type == type && !m.BodyImage);
                var total = await query.CountAsync();
                var items = await query.OrderByDescending(m => m.CreatedAt).Skip(offset).Take(count)
                    .Select(m => new { m.MediaId, m.FileName, m.CreatedAt, m.Url }).ToListAsync();
                return WeChatReply.Ok(new
                {
                    total_count = total,
                    item_count = items.Count,
                    item = items.Select(m => new { media_id = m.MediaId, name = m.FileName, update_time = m.CreatedAt.ToUnixTimeSeconds(), url = m.Url }),
                });
            }));
    }

    /// <summary>
    /// The type, size and format checks of §2, shared by permanent (add_material) and temporary (media/upload)
    /// uploads; returns the format read from the file's first bytes.
    /// </summary>
    internal static string? CheckFile(string type, byte[] bytes)
    {
        var (limit, sizeCode) = type switch
        {
            "image" => (10 * 1024 * 1024, 40009),
            "thumb" => (64 * 1024, 40012),
            "video" => (10 * 1024 * 1024, 40011),
            "voice" => (2 * 1024 * 1024, 40010),
            _ => throw new WeChatFault(40004, "invalid media type"),
        };
        if (bytes.Length > limit)
            throw new WeChatFault(sizeCode, "invalid file size");
        var format = Format(bytes);
        var allowed = type switch
        {
            "image" => format is "jpeg" or "png" or "gif" or "bmp",
            "thumb" => format == "jpeg",
            "video" => format == "mp4",
            _ => true,
        };
        return allowed ? format : throw new WeChatFault(40005, "invalid file type");
    }

    /// <summary>Where an uploaded picture would live on WeChat's image host (the emulator serves it at /img/…).</summary>
    private static string ImageUrl(string format, string id) => $"http://{EmulatorApi.ImageHost}/mmbiz_{format}/{id}/0";

    internal static async Task<(IFormFile File, byte[] Bytes)> ReadMediaAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
            throw new WeChatFault(41005, "media data missing");
        var form = await request.ReadFormAsync();
        var file = form.Files["media"] ?? throw new WeChatFault(41005, "media data missing");
        using var stream = new MemoryStream();
        await file.CopyToAsync(stream);
        return (file, stream.ToArray());
    }

    internal static string? Format(byte[] bytes) => bytes switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "jpeg",
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "png",
        [(byte)'G', (byte)'I', (byte)'F', ..] => "gif",
        [(byte)'B', (byte)'M', ..] => "bmp",
        [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', ..] => "mp4",
        _ => null,
    };
}
