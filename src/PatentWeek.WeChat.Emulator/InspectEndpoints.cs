using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace PatentWeek.WeChat.Emulator;

/// <summary>
/// What a follower would see, for people (<c>/</c>) and for tests (<c>/inspect</c>): the drafts, each publish
/// job with its articles (title, content as WeChat stores it, url), and the JS-SDK tickets handed out.
/// </summary>
internal static class InspectEndpoints
{
    public static void Map(RouteGroupBuilder root, string prefix)
    {
        // The emulator's own API, not WeChat's: camelCase, as the tests and the issue name it (appId, drafts, published).
        root.MapGet("/inspect", async (EmulatorDb db, IOptions<EmulatorOptions> options, TimeProvider time) =>
            Results.Json(await SnapshotAsync(db, options.Value, time.GetUtcNow()), InspectJson));

        root.MapGet("/", async (EmulatorDb db, IOptions<EmulatorOptions> options, TimeProvider time) =>
        {
            var snapshot = await SnapshotAsync(db, options.Value, time.GetUtcNow());
            var html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .Append("<title>微信公众号模拟器</title><style>body{font:16px/1.6 system-ui,sans-serif;max-width:430px;margin:0 auto;padding:12px;background:#ededed}")
                .Append("article{background:#fff;border-radius:8px;padding:12px;margin:12px 0}.cover{display:block;width:100%;aspect-ratio:2.35;object-fit:cover;border-radius:4px}iframe{width:100%;min-height:320px;border:0}small{color:#888}</style></head><body>")
                .Append("<h1>微信公众号模拟器</h1><p><small>AppId ").Append(WebUtility.HtmlEncode(snapshot.AppId)).Append("</small></p><h2>已发布</h2>");
            foreach (var job in snapshot.Published)
            {
                foreach (var article in job.Articles.Where(a => !a.Deleted))
                {
                    // The message card shows the cover, as a follower's chat does; then the article itself.
                    html.Append("<article>");
                    if (article.Cover is { Length: > 0 } cover)
                        html.Append("<img class=\"cover\" alt=\"封面\" src=\"").Append(WebUtility.HtmlEncode(PictureUrl(prefix, cover))).Append("\">");
                    html.Append("<h3>").Append(WebUtility.HtmlEncode(article.Title)).Append("</h3><p><small>")
                        .Append(WebUtility.HtmlEncode(article.Url ?? $"发布中（状态 {job.Status}）")).Append("</small></p>")
                        // The article's HTML is shown as WeChat would, but sandboxed: no script runs in the frame (its origin is
                        // this page's only so that the page's own tools can tell whether its pictures loaded).
                        .Append("<iframe sandbox=\"allow-same-origin\" title=\"").Append(WebUtility.HtmlEncode(article.Title)).Append("\" srcdoc=\"")
                        .Append(WebUtility.HtmlEncode(LocalImages(article.Content, prefix))).Append("\"></iframe></article>");
                }
            }

            html.Append("<h2>草稿箱</h2><ul>");
            foreach (var draft in snapshot.Drafts)
                html.Append("<li>").Append(WebUtility.HtmlEncode(string.Join("、", draft.Titles))).Append("</li>");
            return Results.Content(html.Append("</ul></body></html>").ToString(), "text/html; charset=utf-8");
        });

        // An article at its URL (when ArticleBaseUrl points here), as a follower opening it would see it.
        root.MapGet("/s/{key}", async (string key, EmulatorDb db, TimeProvider time) =>
        {
            var dash = key.LastIndexOf('-');
            if (dash < 1 || !int.TryParse(key[(dash + 1)..], out var idx) || idx < 1)
                return Results.NotFound();
            var articleId = key[..dash];
            var now = time.GetUtcNow();
            var job = await db.PublishJobs.AsNoTracking().FirstOrDefaultAsync(j => j.ArticleId == articleId && j.CompletesAt <= now && !j.Deleted);
            var articles = job is null ? null : JsonNode.Parse(job.Articles)!.AsArray();
            if (articles is null || idx > articles.Count || articles[idx - 1]!["is_deleted"]?.GetValue<bool>() == true)
                return Results.Content(Page("此内容已被删除", "<p>该内容已被发布者删除</p>"), "text/html; charset=utf-8", statusCode: 404);
            var article = articles[idx - 1]!;
            var title = article["title"]!.GetValue<string>();
            var body = new StringBuilder("<article><h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1><p><small>")
                .Append(WebUtility.HtmlEncode(article["author"]?.GetValue<string>() ?? "")).Append(" 微信公众号模拟器</small></p>")
                .Append("<iframe sandbox=\"allow-same-origin\" title=\"").Append(WebUtility.HtmlEncode(title)).Append("\" srcdoc=\"")
                .Append(WebUtility.HtmlEncode(LocalImages(article["content"]!.GetValue<string>(), prefix))).Append("\" style=\"min-height:80vh\"></iframe>");
            if (article["content_source_url"]?.GetValue<string>() is { Length: > 0 } source)
                body.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(source)).Append("\">阅读原文</a></p>");
            return Results.Content(Page(title, body.Append("</article>").ToString()), "text/html; charset=utf-8");
        });

        // Uploaded pictures (body pictures and covers), at the address these pages rewrite an article's mmbiz.qpic.cn
        // links to: under the emulator's own prefix, so the hosted emulator serves them too.
        root.MapGet("/mmbiz/{id}", async (string id, EmulatorDb db) =>
            await MaterialEndpoints.FindPictureAsync(db, id) is { } image
                ? Results.Bytes(image.Bytes, PictureType(image))
                : Results.NotFound());
    }

    private static string Page(string title, string body) =>
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + WebUtility.HtmlEncode(title) + "</title><style>body{font:16px/1.6 system-ui,sans-serif;max-width:430px;margin:0 auto;padding:12px;background:#fff}"
        + "iframe{width:100%;border:0}small{color:#888}</style></head><body>" + body + "</body></html>";

    private static string PictureUrl(string prefix, string id) => prefix.TrimEnd('/') + "/mmbiz/" + id;

    /// <summary>The type a picture is served as, read from its bytes: uploaders often declare application/octet-stream.</summary>
    private static string PictureType(EmuMaterial image) => MaterialEndpoints.Format(image.Bytes) is { } format and not "mp4"
        ? "image/" + format
        : image.ContentType;

    /// <summary>Points WeChat's picture addresses at the emulator's copy, so the pages show them.</summary>
    private static string LocalImages(string html, string prefix) => System.Text.RegularExpressions.Regex.Replace(
        html, @"https?://" + System.Text.RegularExpressions.Regex.Escape(EmulatorApi.ImageHost) + @"/mmbiz_\w+/([\w-]+)/0", PictureUrl(prefix, "$1"));

    internal static readonly System.Text.Json.JsonSerializerOptions InspectJson =
        new(System.Text.Json.JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="Cover">The article's thumb_media_id (its cover).</param>
    public sealed record InspectArticle(string Title, string Content, string? Url, bool Deleted, string? Cover);

    public sealed record InspectJob(string PublishId, int Status, IReadOnlyList<InspectArticle> Articles);

    public sealed record InspectDraft(string MediaId, IReadOnlyList<string> Titles);

    /// <param name="Jsapi">The live jsapi ticket, if one was issued and has not expired.</param>
    /// <param name="Calls">getticket calls that handed out a jsapi ticket.</param>
    /// <param name="Issued">jsapi tickets issued so far.</param>
    public sealed record InspectTickets(string? Jsapi, int Calls, int Issued);

    public sealed record Snapshot(string AppId, IReadOnlyList<InspectDraft> Drafts, IReadOnlyList<InspectJob> Published, InspectTickets Tickets);

    private static async Task<Snapshot> SnapshotAsync(EmulatorDb db, EmulatorOptions options, DateTimeOffset now)
    {
        var drafts = await db.Drafts.AsNoTracking().OrderBy(d => d.UpdatedAt).ToListAsync();
        var jobs = await db.PublishJobs.AsNoTracking().OrderBy(j => j.SubmittedAt).ToListAsync();
        return new Snapshot(
            options.AppId,
            [.. drafts.Select(d => new InspectDraft(d.MediaId, [.. JsonNode.Parse(d.Articles)!.AsArray().Select(a => a!["title"]!.GetValue<string>())]))],
            [.. jobs.Select(j =>
            {
                var status = now < j.CompletesAt ? 1 : j.FinalStatus;
                var articles = JsonNode.Parse(j.Articles)!.AsArray().Select((a, i) => new InspectArticle(
                    a!["title"]!.GetValue<string>(), a["content"]!.GetValue<string>(),
                    status == 0 ? PublishEndpoints.ArticleUrl(options, j, i + 1) : null,
                    j.Deleted || a["is_deleted"]?.GetValue<bool>() == true, a["thumb_media_id"]?.GetValue<string>())).ToList();
                return new InspectJob(j.PublishId, status, articles);
            })],
            await TicketEndpoints.SnapshotAsync(db, now));
    }
}
