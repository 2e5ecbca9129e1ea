using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace PatentWeek.WeChat.Emulator;

/// <summary>
/// The publish state machine: submit takes the draft out of the draft box and starts a job at status 1; after
/// the configured delay the job reads 0 with its article URLs (1-based idx), or the status a test injected.
/// </summary>
internal static class PublishEndpoints
{
    public static void Map(RouteGroupBuilder cgi)
    {
        cgi.MapPost("/freepublish/submit", (HttpRequest request, EmulatorDb db, EmulatorAccess access, IOptions<EmulatorOptions> options, EmulatorFaults faults, TimeProvider time) =>
            EmulatorApi.RunAsync(request, access, "/cgi-bin/freepublish/submit", async body =>
            {
                var draft = await DraftEndpoints.FindAsync(db, body);
                var now = time.GetUtcNow();
                var job = new EmuPublishJob
                {
                    PublishId = (2_247_483_000L + await db.PublishJobs.CountAsync() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Articles = draft.Articles,
                    SubmittedAt = now,
                    CompletesAt = now.AddSeconds(options.Value.PublishDelaySeconds),
                    FinalStatus = faults.TakePublishOutcome(),
                };
                job.ArticleId = job.FinalStatus == 0 ? "art-" + job.PublishId : null;
                job.FailIdx = job.FinalStatus == 0 ? null : "1";
                db.Drafts.Remove(draft);
                db.PublishJobs.Add(job);
                await db.SaveChangesAsync();
                return WeChatReply.Ok(new { errcode = 0, errmsg = "ok", publish_id = job.PublishId, msg_data_id = job.PublishId + "1" });
            }));

        cgi.MapPost("/freepublish/get", (HttpRequest request, EmulatorDb db, EmulatorAccess access, IOptions<EmulatorOptions> options, TimeProvider time) =>
            EmulatorApi.RunAsync(request, access, "/cgi-bin/freepublish/get", async body =>
            {
                var id = EmulatorApi.Text(body, "publish_id");
                var job = await db.PublishJobs.FirstOrDefaultAsync(j => j.PublishId == id) ?? throw new WeChatFault(40007, "invalid publish_id");
                return WeChatReply.Ok(Describe(job, options.Value, time.GetUtcNow()));
            }));

        cgi.MapPost("/freepublish/getarticle", (HttpRequest request, EmulatorDb db, EmulatorAccess access, IOptions<EmulatorOptions> options, TimeProvider time) =>
            EmulatorApi.RunAsync(request, access, "/cgi-bin/freepublish/getarticle", async body =>
            {
                var id = EmulatorApi.Text(body, "article_id");
                var now = time.GetUtcNow();
                var job = await db.PublishJobs.FirstOrDefaultAsync(j => j.ArticleId == id && j.CompletesAt <= now) ?? throw new WeChatFault(40007, "invalid article_id");
                return WeChatReply.Ok(new { news_item = WithUrls(job, options.Value), is_deleted = job.Deleted });
            }));
    }

    /// <summary>The rest of freepublish: delete (index 1-based, 0 or none for all; irreversible) and batchget.</summary>
    public static void MapMore(RouteGroupBuilder cgi)
    {
        cgi.MapPost("/freepublish/delete", (HttpRequest request, EmulatorDb db, EmulatorAccess access) =>
            EmulatorApi.RunAsync(request, access, "/cgi-bin/freepublish/delete", async body =>
            {
                var id = EmulatorApi.Text(body, "article_id");
                var job = await db.PublishJobs.FirstOrDefaultAsync(j => j.ArticleId == id && !j.Deleted) ?? throw new WeChatFault(40007, "invalid article_id");
                var index = body.TryGetProperty("index", out var i) && i.TryGetInt32(out var n) ? n : 0;
                var articles = JsonNode.Parse(job.Articles)!.AsArray();
                if (index < 0 || index > articles.Count)
                    throw new WeChatFault(40003, "invalid index");
                if (index == 0)
                {
                    job.Deleted = true;
                }
                else
                {
                    articles[index - 1]!["is_deleted"] = true;
                    job.Articles = articles.ToJsonString(WeChatJson.Options);
                }

                await db.SaveChangesAsync();
                return WeChatReply.Ok();
            }));

        cgi.MapPost("/freepublish/batchget", (HttpRequest request, EmulatorDb db, EmulatorAccess access, IOptions<EmulatorOptions> options, TimeProvider time) =>
            EmulatorApi.RunAsync(request, access, "/cgi-bin/freepublish/batchget", async body =>
            {
                var (offset, count) = EmulatorApi.Page(body);
                var now = time.GetUtcNow();
                var published = db.PublishJobs.Where(j => j.FinalStatus == 0 && j.CompletesAt <= now && !j.Deleted);
                var total = await published.CountAsync();
                var jobs = await published.OrderByDescending(j => j.SubmittedAt).Skip(offset).Take(count).ToListAsync();
                return WeChatReply.Ok(new
                {
                    total_count = total,
                    item_count = jobs.Count,
                    item = jobs.Select(j => new { article_id = j.ArticleId, content = new { news_item = WithUrls(j, options.Value) }, update_time = j.CompletesAt.ToUnixTimeSeconds() }),
                });
            }));
    }

    /// <summary>A published job's articles as WeChat lists them: each with its permanent <c>url</c>.</summary>
    private static JsonArray WithUrls(EmuPublishJob job, EmulatorOptions options)
    {
        var articles = JsonNode.Parse(job.Articles)!.AsArray();
        for (var i = 0; i < articles.Count; i++)
            articles[i]!["url"] = ArticleUrl(options, job, i + 1);
        return articles;
    }

    /// <summary>A job as <c>freepublish/get</c> answers, and as the PUBLISHJOBFINISH push describes it.</summary>
    public static object Describe(EmuPublishJob job, EmulatorOptions options, DateTimeOffset now)
    {
        if (now < job.CompletesAt)
            return new { publish_id = job.PublishId, publish_status = 1 };
        if (job.FinalStatus != 0)
            return new { publish_id = job.PublishId, publish_status = job.FinalStatus, fail_idx = (job.FailIdx ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse) };
        var count = JsonNode.Parse(job.Articles)!.AsArray().Count;
        return new
        {
            publish_id = job.PublishId,
            publish_status = 0,
            article_id = job.ArticleId,
            article_detail = new { count, item = Enumerable.Range(1, count).Select(i => new { idx = i, article_url = ArticleUrl(options, job, i) }) },
            fail_idx = Array.Empty<int>(),
        };
    }

    public static string ArticleUrl(EmulatorOptions options, EmuPublishJob job, int idx) => $"{options.ArticleBaseUrl}{job.ArticleId}-{idx}";
}
