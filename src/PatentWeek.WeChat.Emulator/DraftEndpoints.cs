using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace PatentWeek.WeChat.Emulator;

/// <summary>
/// The draft box with WeChat's checks: field lengths, a permanent thumb, crop strings in X1_Y1_X2_Y2 form, and
/// the content sanitised the way WeChat stores it (no script, video or audio; only uploadimg pictures).
/// <c>draft/update</c> counts articles from 0.
/// </summary>
internal static partial class DraftEndpoints
{
    public static void Map(RouteGroupBuilder cgi)
    {
        cgi.MapPost("/draft/add", (HttpRequest request, EmulatorDb db, EmulatorAccess access, TimeProvider time) => EmulatorApi.RunAsync(request, access, "/cgi-bin/draft/add", async body =>
        {
            var articles = body.TryGetProperty("articles", out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().ToList() : [];
            if (articles.Count == 0)
                throw new WeChatFault(44003, "empty news data");
            if (articles.Count > 8)
                throw new WeChatFault(45008, "article size out of limit");
            var stored = new JsonArray();
            foreach (var article in articles)
                stored.Add(await CheckAsync(db, article, articles.Count));
            var draft = new EmuDraft { MediaId = EmulatorApi.NewMediaId(), Articles = stored.ToJsonString(WeChatJson.Options), UpdatedAt = time.GetUtcNow() };
            db.Drafts.Add(draft);
            await db.SaveChangesAsync();
            return WeChatReply.Ok(new { media_id = draft.MediaId });
        }));

        cgi.MapPost("/draft/get", (HttpRequest request, EmulatorDb db, EmulatorAccess access) => EmulatorApi.RunAsync(request, access, "/cgi-bin/draft/get", async body =>
        {
            var draft = await FindAsync(db, body);
            return WeChatReply.Ok(new { news_item = JsonNode.Parse(draft.Articles) });
        }));

        cgi.MapPost("/draft/update", (HttpRequest request, EmulatorDb db, EmulatorAccess access, TimeProvider time) => EmulatorApi.RunAsync(request, access, "/cgi-bin/draft/update", async body =>
        {
            var draft = await FindAsync(db, body);
            var articles = JsonNode.Parse(draft.Articles)!.AsArray();
            var index = body.TryGetProperty("index", out var i) && i.TryGetInt32(out var n) ? n : -1;
            if (index < 0 || index >= articles.Count)
                throw new WeChatFault(40003, "invalid index");
            if (!body.TryGetProperty("articles", out var article) || article.ValueKind != JsonValueKind.Object)
                throw new WeChatFault(47001, "data format error");
            articles[index] = await CheckAsync(db, article, articles.Count);
            draft.Articles = articles.ToJsonString(WeChatJson.Options);
            draft.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync();
            return WeChatReply.Ok();
        }));

        cgi.MapPost("/draft/delete", (HttpRequest request, EmulatorDb db, EmulatorAccess access) => EmulatorApi.RunAsync(request, access, "/cgi-bin/draft/delete", async body =>
        {
            db.Drafts.Remove(await FindAsync(db, body));
            await db.SaveChangesAsync();
            return WeChatReply.Ok();
        }));

        cgi.MapGet("/draft/count", (HttpRequest request, EmulatorDb db, EmulatorAccess access) => EmulatorApi.RunAsync(request, access, "/cgi-bin/draft/count", async _ =>
            WeChatReply.Ok(new { total_count = await db.Drafts.CountAsync() }), readsBody: false));

        cgi.MapPost("/draft/batchget", (HttpRequest request, EmulatorDb db, EmulatorAccess access) => EmulatorApi.RunAsync(request, access, "/cgi-bin/draft/batchget", async body =>
        {
            var (offset, count) = EmulatorApi.Page(body);
            var total = await db.Drafts.CountAsync();
            var drafts = await db.Drafts.OrderByDescending(d => d.UpdatedAt).Skip(offset).Take(count).ToListAsync();
            return WeChatReply.Ok(new
            {
                total_count = total,
                item_count = drafts.Count,
                item = drafts.Select(d => new { media_id = d.MediaId, content = new { news_item = JsonNode.Parse(d.Articles) }, update_time = d.UpdatedAt.ToUnixTimeSeconds() }),
            });
        }));
    }

    public static async Task<EmuDraft> FindAsync(EmulatorDb db, JsonElement body)
    {
        var id = EmulatorApi.Text(body, "media_id");
        return await db.Drafts.FirstOrDefaultAsync(d => d.MediaId == id) ?? throw new WeChatFault(40007, "invalid media_id");
    }

    /// <summary>One article checked as WeChat checks it, returned as WeChat would store it.</summary>
    private static async Task<JsonObject> CheckAsync(EmulatorDb db, JsonElement article, int articleCount)
    {
        var title = EmulatorApi.Text(article, "title");
        var content = EmulatorApi.Text(article, "content");
        if (string.IsNullOrEmpty(title) || content is null)
            throw new WeChatFault(47001, "data format error: title and content are required");
        if (title.Length > 32)
            throw new WeChatFault(45003, "title size out of limit");
        if (EmulatorApi.Text(article, "author") is { Length: > 16 })
            throw new WeChatFault(45110, "author size out of limit");
        var digest = EmulatorApi.Text(article, "digest");
        if (digest is { Length: > 128 })
            throw new WeChatFault(45004, "description size out of limit");
        if (content.Length >= 20_000 || System.Text.Encoding.UTF8.GetByteCount(content) >= 1024 * 1024)
            throw new WeChatFault(45002, "content size out of limit");
        var thumb = EmulatorApi.Text(article, "thumb_media_id");
        if ((EmulatorApi.Text(article, "article_type") ?? "news") == "news"
            && (thumb is null || !await db.Materials.AnyAsync(m => m.MediaId == thumb && !m.BodyImage)))
            throw new WeChatFault(40007, "invalid media_id");
        foreach (var crop in new[] { "pic_crop_235_1", "pic_crop_1_1" })
        {
            if (EmulatorApi.Text(article, crop) is { } value && !IsCrop(value))
                throw new WeChatFault(47001, $"data format error: {crop}");
        }

        var stored = JsonNode.Parse(article.GetRawText())!.AsObject();
        var sanitised = Sanitise(content);
        stored["content"] = sanitised;
        // A multi-article draft has no digest; a single one defaults to the first 54 characters of the text.
        var text = Plain(sanitised);
        stored["digest"] = articleCount > 1 ? "" : digest ?? text[..Math.Min(54, text.Length)];
        return stored;
    }

    private static bool IsCrop(string value)
    {
        if (!CropPattern().IsMatch(value))
            return false;
        var n = value.Split('_').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return n.All(v => v <= 1) && n[0] < n[2] && n[1] < n[3];
    }

    /// <summary>What WeChat keeps of the HTML: scripts, video and audio go; pictures not from uploadimg go.</summary>
    public static string Sanitise(string html)
    {
        var cleaned = ScriptPattern().Replace(html, "");
        cleaned = MediaPattern().Replace(cleaned, "");
        return ImagePattern().Replace(cleaned, m => m.Groups["src"].Value.Contains(EmulatorApi.ImageHost, StringComparison.Ordinal) ? m.Value : "");
    }

    private static string Plain(string html) => TagPattern().Replace(html, "").Trim();

    [GeneratedRegex(@"^[01](\.\d{1,6})?(_[01](\.\d{1,6})?){3}$")]
    private static partial Regex CropPattern();

    [GeneratedRegex(@"<script\b[^>]*>.*?</script\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptPattern();

    [GeneratedRegex(@"<(video|audio)\b[^>]*>.*?</\1\s*>|<(video|audio)\b[^>]*/?>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex MediaPattern();

    [GeneratedRegex(@"<img\b[^>]*\bsrc\s*=\s*[""'](?<src>[^""']*)[""'][^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ImagePattern();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex TagPattern();
}
