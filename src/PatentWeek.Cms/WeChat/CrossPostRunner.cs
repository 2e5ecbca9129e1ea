using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Data.WeChat;
using PatentWeek.Cms.Outbox;
using PatentWeek.WeChat;
using PatentWeek.WeChat.Api;

namespace PatentWeek.Cms.WeChat;

/// <summary>The outbox job of one cross-post; the same row comes back until the post is published or failed.</summary>
public sealed record CrossPostJob(long PostId)
{
    public const string Type = "wechat.post";

    /// <summary>The outbox key of the post's job, to find it again.</summary>
    public static string KeyOf(long postId) => $"wechat-post/{postId}";
}

/// <summary>
/// Takes a cross-post as far as it can each time it runs: upload pictures, create the draft, submit it, then follow the
/// publish job, coming back until it ends. What WeChat returns is saved at once; a call that creates something is first recorded as asked, and
/// when its answer never arrived (a crash, a timeout) the next run looks for what it made, by the post's marker, before
/// asking again. Transient failures (busy, quota, 5xx, no answer) wait with the outbox's back-off (<see cref="Retry"/>:
/// WeChat's settings, never giving up); others end the post as failed, with the reason, until someone retries it.
/// </summary>
public sealed partial class CrossPostRunner(
    CmsDbContext db, WeChatAccounts accounts, WeChatRenditions renditions, IOptions<WeChatSettings> settings,
    DomainEvents events, TimeProvider time, ILogger<CrossPostRunner> logger) : IOutboxHandler
{
    public string Type => CrossPostJob.Type;

    public OutboxRetry Retry =>
        new(TimeSpan.FromSeconds(settings.Value.RetrySeconds), TimeSpan.FromSeconds(settings.Value.MaxRetrySeconds), NeverGiveUp: true);

    public async Task<OutboxResult> HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var job = JsonSerializer.Deserialize<CrossPostJob>(payload) ?? throw new InvalidOperationException("Empty cross-post job.");
        var post = await db.WeChatPosts.Include(p => p.Items.OrderBy(i => i.Position)).FirstOrDefaultAsync(p => p.Id == job.PostId, cancellationToken);
        if (post is null || post.Status is WeChatPostStatus.Published or WeChatPostStatus.Failed)
            return OutboxResult.Done;

        try
        {
            var account = await accounts.CurrentAsync(cancellationToken);
            if (!account.CanCall || account.AppId != post.AppId)
                return await FailAsync(post, account.CanCall ? "公众号已更换，此次同步作废：请重新同步" : "尚未配置微信公众号", cancellationToken);
            var client = accounts.Client(account);
            return await StepAsync(post, client, cancellationToken);
        }
        catch (WeChatApiException e) when (!WeChatErrorText.IsTransient(e))
        {
            LogAnswer(logger, post.Id, e);
            if (e.ErrCode == WeChatErrors.InvalidMediaId)
                await ForgetUploadsAsync(post, cancellationToken); // a material deleted at WeChat: upload it again next time
            return await FailAsync(post, WeChatErrorText.Describe(e), cancellationToken);
        }
        catch (HttpRequestException e) when (!WeChatErrorText.IsTransient(e))
        {
            LogAnswer(logger, post.Id, e);
            return await FailAsync(post, WeChatErrorText.Describe(e), cancellationToken); // a 4xx: asking again changes nothing
        }
        catch (Exception e) when (WeChatErrorText.IsTransient(e) && !cancellationToken.IsCancellationRequested)
        {
            LogAnswer(logger, post.Id, e);
            var reason = e switch
            {
                WeChatApiException w => WeChatErrorText.Describe(w),
                HttpRequestException h => WeChatErrorText.Describe(h),
                _ => "微信服务器没有及时回答",
            };
            return await BackOffAsync(post, reason, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && e is not DbUpdateException && e is not System.Data.Common.DbException)
        {
            // Anything else (a picture that will not render, an answer missing a field): a few more tries, then the post
            // fails with the reason, so it never stays "in flight" with no job behind it. Database trouble is the
            // dispatcher's to retry.
            LogUnexpected(logger, post.Id, e);
            // The exception's message is English and logged above; the editor reads that the log has the details.
            const string reason = "同步出错，详情见服务器日志";
            return post.Retries + 1 >= UnexpectedTries
                ? await FailAsync(post, reason, cancellationToken)
                : await BackOffAsync(post, reason, cancellationToken);
        }
    }

    private const int UnexpectedTries = 3;

    private async Task ForgetUploadsAsync(WeChatPost post, CancellationToken cancellationToken)
    {
        var thumbs = post.Items.Select(i => i.ThumbMediaId).OfType<string>().ToList();
        await db.WeChatUploads.Where(u => u.AppId == post.AppId && u.Kind == "thumb" && thumbs.Contains(u.MediaId!))
            .ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<OutboxResult> StepAsync(WeChatPost post, WeChatClient client, CancellationToken cancellationToken)
    {
        if (post.DraftMediaId is null)
        {
            var articles = await PrepareAsync(post, client, cancellationToken);
            if (articles is null)
                return OutboxResult.Done; // failed while preparing; the reason is saved
            if (await DraftAsync(post, client, articles, cancellationToken) is { } wait)
                return wait;
        }

        if (post.PublishId is null && post.Status != WeChatPostStatus.Publishing
            && await SubmitAsync(post, client, cancellationToken) is { } later)
            return later;

        return await FollowAsync(post, client, cancellationToken);
    }

    /// <summary>Uploads what the articles need (once per picture and account) and builds them with WeChat's addresses.</summary>
    private async Task<List<DraftArticle>?> PrepareAsync(WeChatPost post, WeChatClient client, CancellationToken cancellationToken)
    {
        if (post.Status == WeChatPostStatus.Queued)
        {
            post.Status = WeChatPostStatus.Uploading;
            await SaveAsync(post, "uploading", $"{post.Items.Count} 篇文章：上传图片", cancellationToken);
        }

        var ids = post.Items.Select(i => i.ContentItemId).ToList();
        var items = await db.ContentItems.Include(i => i.Edition).Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var articles = new List<DraftArticle>();
        foreach (var entry in post.Items)
        {
            if (!items.TryGetValue(entry.ContentItemId, out var item) || item.State != ContentState.Published || item.DeletedAt is not null)
            {
                await FailAsync(post, $"第 {entry.Position + 1} 篇（编号 {entry.ContentItemId}）已不再发布", cancellationToken);
                return null;
            }

            var part = await renditions.BuildAsync(item, post.Marker, picture => UploadAsync(client, picture, "body", cancellationToken), cancellationToken);
            if (!part.Article.CanSend)
            {
                await FailAsync(post, $"《{item.Title}》：{string.Join(" ", part.Article.Problems)}", cancellationToken);
                return null;
            }

            entry.Fingerprint = part.Fingerprint; // what is sent, should the item have changed since the request
            entry.ThumbMediaId = await UploadAsync(client, part.Cover, "thumb", cancellationToken);
            if (entry.ThumbMediaId is null)
            {
                await FailAsync(post, $"《{item.Title}》的封面图片文件不见了：请重新选择封面", cancellationToken);
                return null;
            }

            var article = part.Article;
            articles.Add(new DraftArticle
            {
                Title = article.Title,
                Author = article.Author,
                // WeChat takes a digest on single-article posts only.
                Digest = post.Items.Count == 1 && article.Digest.Length > 0 ? article.Digest : null,
                Content = article.Content,
                ContentSourceUrl = article.ContentSourceUrl,
                ThumbMediaId = entry.ThumbMediaId,
                PicCrop2351 = part.Cover.PicCrop2351,
                PicCrop11 = part.Cover.PicCrop11,
                NeedOpenComment = 0,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return articles;
    }

    /// <summary>
    /// The uploadimg URL (body) or permanent material id (thumb) of a picture, uploading it the first time; each
    /// upload is saved at once, so a crash after it never uploads the same picture again.
    /// </summary>
    private async Task<string?> UploadAsync(WeChatClient client, WeChatPicture picture, string kind, CancellationToken cancellationToken)
    {
        var appId = client.Tokens.AppId;
        var known = await db.WeChatUploads.AsNoTracking().FirstOrDefaultAsync(u => u.AppId == appId && u.Kind == kind && u.Key == picture.Key, cancellationToken);
        if (known is not null)
            return kind == "thumb" ? known.MediaId : known.Url;
        if (!File.Exists(picture.Path))
            return null;
        var bytes = await File.ReadAllBytesAsync(picture.Path, cancellationToken);
        var name = Path.GetFileName(picture.Path);
        string url;
        string? mediaId = null;
        if (kind == "thumb")
        {
            var material = await client.Materials.AddAsync("image", bytes, name, "image/jpeg", cancellationToken);
            (mediaId, url) = (material.MediaId, material.Url ?? "");
        }
        else
        {
            url = await client.Materials.UploadBodyImageAsync(bytes, name, "image/jpeg", cancellationToken);
        }

        var upload = db.WeChatUploads.Add(new WeChatUpload { AppId = appId, Key = picture.Key, Kind = kind, Url = url, MediaId = mediaId, UploadedAt = Now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another post sent the same picture at the same moment: both uploads are valid; keep the one saved first.
            upload.State = EntityState.Detached;
            var first = await db.WeChatUploads.AsNoTracking().FirstAsync(u => u.AppId == appId && u.Kind == kind && u.Key == picture.Key, cancellationToken);
            return kind == "thumb" ? first.MediaId : first.Url;
        }

        return kind == "thumb" ? mediaId : url;
    }

    /// <summary>Creates the draft, or adopts the one a lost answer created; a time to come back while that is unclear.</summary>
    private async Task<OutboxResult?> DraftAsync(WeChatPost post, WeChatClient client, List<DraftArticle> articles, CancellationToken cancellationToken)
    {
        if (post.DraftRequestedAt is { } asked)
        {
            if (await FindDraftAsync(post, client, cancellationToken) is { } found)
            {
                post.DraftMediaId = found;
                post.Status = WeChatPostStatus.Drafted;
                await SaveAsync(post, "drafted", $"找回上次创建的草稿 {found}", cancellationToken);
                return null;
            }

            // The lost call may still be under way at WeChat: asking again now could make a second draft.
            if (Now - asked < AnswerGrace)
                return await WaitForLostAnswerAsync(post, "未找到上次请求创建的草稿，稍后再查", cancellationToken);
        }

        if (!await MarkAskedAsync(post, p => p.DraftRequestedAt, post.DraftRequestedAt, cancellationToken))
            return OutboxResult.Later(Now.AddSeconds(settings.Value.PollSeconds));
        post.DraftRequestedAt = Now;
        await SaveAsync(post, "draft-requested", null, cancellationToken);
        post.DraftMediaId = await RefusedMeansNotDoneAsync(post, p => p.DraftRequestedAt, () => client.Drafts.AddAsync(articles, cancellationToken), cancellationToken);
        post.Status = WeChatPostStatus.Drafted;
        await SaveAsync(post, "drafted", $"草稿 {post.DraftMediaId}", cancellationToken);
        return null;
    }

    /// <summary>
    /// Submits the draft. After a submit whose answer was lost, a draft gone from the draft box means it went through
    /// (the reference: a draft disappears once submitted), and the article is looked for by marker; a draft still
    /// there is submitted again only after the grace period, in case the call was still under way.
    /// </summary>
    private async Task<OutboxResult?> SubmitAsync(WeChatPost post, WeChatClient client, CancellationToken cancellationToken)
    {
        if (post.SubmitRequestedAt is { } asked)
        {
            if (!await DraftExistsAsync(post, client, cancellationToken))
            {
                post.Status = WeChatPostStatus.Publishing;
                await SaveAsync(post, "submitted", "上次提交的回答丢失：在已发布文章中查找", cancellationToken);
                return null;
            }

            if (Now - asked < AnswerGrace)
                return await WaitForLostAnswerAsync(post, "上次提交的结果未知，草稿仍在，稍后再查", cancellationToken);
        }

        if (!await MarkAskedAsync(post, p => p.SubmitRequestedAt, post.SubmitRequestedAt, cancellationToken))
            return OutboxResult.Later(Now.AddSeconds(settings.Value.PollSeconds));
        post.SubmitRequestedAt = Now;
        await SaveAsync(post, "submit-requested", null, cancellationToken);
        post.PublishId = await RefusedMeansNotDoneAsync(post, p => p.SubmitRequestedAt, () => client.Drafts.SubmitAsync(post.DraftMediaId!, cancellationToken), cancellationToken);
        post.Status = WeChatPostStatus.Publishing;
        await SaveAsync(post, "submitted", $"发布任务 {post.PublishId}", cancellationToken);
        return null;
    }

    private TimeSpan AnswerGrace => TimeSpan.FromSeconds(settings.Value.AnswerGraceSeconds);

    private async Task<OutboxResult> WaitForLostAnswerAsync(WeChatPost post, string note, CancellationToken cancellationToken)
    {
        await SaveAsync(post, "checking", note, cancellationToken);
        return OutboxResult.Later(Now.AddSeconds(settings.Value.RetrySeconds));
    }

    private async Task<OutboxResult> FollowAsync(WeChatPost post, WeChatClient client, CancellationToken cancellationToken)
    {
        var poll = Now.AddSeconds(settings.Value.PollSeconds);
        if (post.PublishId is null)
        {
            if (await FindPublishedAsync(post, client, cancellationToken) is { } found)
                return await SucceedAsync(post, client, found.ArticleId, found.Urls, cancellationToken);
            if (Now - post.SubmitRequestedAt > TimeSpan.FromSeconds(settings.Value.UnknownPublishTimeoutSeconds))
                return await FailAsync(post, "提交发布后没有收到回答，也未在已发布文章中找到：请在公众号后台核对后重试", cancellationToken);
            return OutboxResult.Later(poll);
        }

        var status = await client.Drafts.GetPublishAsync(post.PublishId, cancellationToken);
        if (!status.IsFinal)
            return OutboxResult.Later(poll);
        if (status.Status != PublishStatus.Succeeded)
            return await FailAsync(post, WeChatErrorText.PublishOutcome(status.Status, status.FailIdx), cancellationToken);
        var urls = status.Articles.ToDictionary(a => a.Idx, a => a.ArticleUrl);
        return await SucceedAsync(post, client, status.ArticleId, urls, cancellationToken);
    }

    private async Task<OutboxResult> SucceedAsync(
        WeChatPost post, WeChatClient client, string? articleId, IReadOnlyDictionary<int, string> urls, CancellationToken cancellationToken)
    {
        post.ArticleId = articleId;
        // Update and republish: the older article of the same item goes first, so "published" means all is done.
        if (post.ReplacesPostId is { } replaced)
            await RemoveReplacedAsync(post, replaced, client, cancellationToken);
        post.Status = WeChatPostStatus.Published;
        post.Error = null;
        post.FinishedAt = Now;
        // The links, the post's outcome and the event are one change: the event is saved with what it announces, or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var entry in post.Items)
        {
            entry.ArticleUrl = urls.GetValueOrDefault(entry.Position + 1) is { } url && IsLink(url) ? url : null;
            if (entry.ArticleUrl is { } link)
            {
                await db.ContentItems.Where(i => i.Id == entry.ContentItemId)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.WeChatUrl, link), cancellationToken);
            }
        }

        events.Raise(new CrossPostPublished(post.Id, [.. post.Items.Select(i => i.ContentItemId)])); // the pages now link to the article
        await SaveAsync(post, "published", string.Join(" ", post.Items.Select(i => i.ArticleUrl)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await events.RunSavedAsync();
        return OutboxResult.Done;
    }

    /// <summary>Deletes the older article of the item once the new one is out; a failure is noted, not fatal.</summary>
    private async Task RemoveReplacedAsync(WeChatPost post, long replacedId, WeChatClient client, CancellationToken cancellationToken)
    {
        var old = await db.WeChatPosts.Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == replacedId, cancellationToken);
        var itemId = post.Items[0].ContentItemId;
        if (old?.ArticleId is not { } articleId || old.AppId != post.AppId || old.Items.FirstOrDefault(i => i.ContentItemId == itemId) is not { } oldItem)
            return;
        try
        {
            await client.Drafts.DeletePublishedAsync(articleId, oldItem.Position + 1, cancellationToken);
            await SaveAsync(post, "replaced", $"已删除旧文章 {oldItem.ArticleUrl}", cancellationToken);
        }
        catch (WeChatApiException e)
        {
            // The new article is out either way; the old one can be deleted by hand.
            await SaveAsync(post, "replaced", "旧文章未能删除：" + WeChatErrorText.Describe(e), cancellationToken, isError: true);
        }
    }

    /// <summary>The draft a lost draft/add answer created, found by the marker in its first article's 阅读原文.</summary>
    private static async Task<string?> FindDraftAsync(WeChatPost post, WeChatClient client, CancellationToken cancellationToken)
    {
        for (var offset = 0; offset < 100; offset += 20)
        {
            var page = await client.Drafts.BatchGetAsync(offset, 20, noContent: true, cancellationToken);
            if (page.Items.FirstOrDefault(d => HasMarker(d.Content, post.Marker)) is { } draft)
                return draft.MediaId;

            if (page.Items.Count < 20)
                break;
        }

        return null;
    }

    private static async Task<(string? ArticleId, Dictionary<int, string> Urls)?> FindPublishedAsync(WeChatPost post, WeChatClient client, CancellationToken cancellationToken)
    {
        var page = await client.Drafts.BatchGetPublishedAsync(0, 20, noContent: true, cancellationToken);
        foreach (var published in page.Items)
        {
            if (!HasMarker(published.Content, post.Marker))
                continue;
            var urls = published.Content.NewsItems
                .Select((article, i) => (Idx: i + 1, article.Url))
                .Where(a => a.Url is not null).ToDictionary(a => a.Idx, a => a.Url!);
            return (published.ArticleId, urls);
        }

        return null;
    }

    /// <summary>Only web addresses (or a path, from the hosted emulator) become links on the site.</summary>
    private static bool IsLink(string url) =>
        url.Length <= 500 && (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
            || Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http");

    private static bool HasMarker(NewsContent content, string marker) =>
        content.NewsItems is [{ ContentSourceUrl: { } url }, ..] && url.EndsWith("utm_content=" + marker, StringComparison.Ordinal);

    private static async Task<bool> DraftExistsAsync(WeChatPost post, WeChatClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.Drafts.GetAsync(post.DraftMediaId!, cancellationToken);
            return true;
        }
        catch (WeChatApiException e) when (e.ErrCode == WeChatErrors.InvalidMediaId)
        {
            return false;
        }
    }

    /// <summary>
    /// Runs a create call. An answer with an error code is WeChat saying it did nothing, so "asked" is taken back and the
    /// next run asks again at once; no answer at all (a timeout, a 5xx) leaves it, and the next run looks first.
    /// </summary>
    private async Task<string> RefusedMeansNotDoneAsync(
        WeChatPost post, System.Linq.Expressions.Expression<Func<WeChatPost, DateTime?>> asked, Func<Task<string>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (WeChatApiException e) when (e.ErrCode != 0)
        {
            await db.WeChatPosts.Where(p => p.Id == post.Id).ExecuteUpdateAsync(s => s.SetProperty(asked, (DateTime?)null), CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Records "asked" for a create call only if nobody did since we read the post: should two runs ever meet (a lease
    /// that ran out), one of them goes no further, so WeChat never gets the same create call twice.
    /// </summary>
    private async Task<bool> MarkAskedAsync(
        WeChatPost post, System.Linq.Expressions.Expression<Func<WeChatPost, DateTime?>> asked, DateTime? expected, CancellationToken cancellationToken)
    {
        var now = Now;
        var marked = await db.WeChatPosts.Where(p => p.Id == post.Id)
            .Where(System.Linq.Expressions.Expression.Lambda<Func<WeChatPost, bool>>(
                System.Linq.Expressions.Expression.Equal(asked.Body, System.Linq.Expressions.Expression.Constant(expected, typeof(DateTime?))), asked.Parameters))
            .ExecuteUpdateAsync(s => s.SetProperty(asked, now), cancellationToken);
        return marked == 1;
    }

    private async Task<OutboxResult> BackOffAsync(WeChatPost post, string reason, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear(); // nothing half-done from the failed step is saved with the note
        var fresh = await db.WeChatPosts.FirstAsync(p => p.Id == post.Id, cancellationToken);
        fresh.Retries++;
        fresh.Error = reason;
        // The outbox waits by its own rule, counting the post's failures since it last got somewhere; the note says how long.
        var wait = Retry.WaitAfter(fresh.Retries);
        await SaveAsync(fresh, "retry-later", $"{reason}；{wait.TotalSeconds:0} 秒后重试", cancellationToken, isError: true);
        LogBackOff(logger, post.Id, reason, wait);
        return OutboxResult.Retry(reason, fresh.Retries);
    }

    private async Task<OutboxResult> FailAsync(WeChatPost post, string reason, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var fresh = await db.WeChatPosts.FirstAsync(p => p.Id == post.Id, cancellationToken);
        fresh.Status = WeChatPostStatus.Failed;
        fresh.Error = reason;
        fresh.FinishedAt = Now;
        await SaveAsync(fresh, "failed", reason, cancellationToken, isError: true);
        LogFailed(logger, post.Id, reason);
        return OutboxResult.Done;
    }

    private async Task SaveAsync(WeChatPost post, string step, string? detail, CancellationToken cancellationToken, bool isError = false)
    {
        post.UpdatedAt = Now;
        if (step is "drafted" or "submitted" or "published")
            post.Retries = 0; // progress: unexpected errors are counted afresh
        db.WeChatPostSteps.Add(new WeChatPostStep { PostId = post.Id, At = Now, Name = step, Detail = Truncate(detail), IsError = isError });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Truncate(string? text) => text is { Length: > 1000 } ? text[..1000] : text;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    [LoggerMessage(LogLevel.Information, "WeChat cross-post {PostId} waits {Wait}: {Reason}")]
    private static partial void LogBackOff(ILogger logger, long postId, string reason, TimeSpan wait);

    [LoggerMessage(LogLevel.Warning, "WeChat cross-post {PostId} ran into an unexpected error")]
    private static partial void LogUnexpected(ILogger logger, long postId, Exception e);

    /// <summary>WeChat's own words (errmsg, or the connection error), which the Chinese reason leaves out.</summary>
    [LoggerMessage(LogLevel.Information, "WeChat cross-post {PostId}: WeChat's answer")]
    private static partial void LogAnswer(ILogger logger, long postId, Exception e);

    [LoggerMessage(LogLevel.Warning, "WeChat cross-post {PostId} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, long postId, string reason);
}
