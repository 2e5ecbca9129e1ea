using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Data.WeChat;
using PatentWeek.Cms.Outbox;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.WeChat;

/// <summary>Why a cross-post was not started, for the API (status code) and the admin (message).</summary>
public enum CrossPostRefusal
{
    None,
    NotConfigured,
    NotFound,
    NotPublished,
    TooMany,
    Problems,
    InFlight,
    Unchanged,
}

public sealed record CrossPostRequest(CrossPostRefusal Refusal, string? Message, WeChatPost? Post, IReadOnlyDictionary<string, string[]>? Problems = null)
{
    public bool Accepted => Refusal == CrossPostRefusal.None;
}

/// <summary>
/// Starts cross-posts: checks the items (published, within WeChat's limits), refuses one whose post is in flight or
/// already out and unchanged, and saves the post with its outbox job in one transaction. Retries a failed post.
/// </summary>
public sealed class CrossPosts(
    CmsDbContext db, WeChatAccounts accounts, WeChatRenditions renditions, OutboxWriter outbox, AuditLog audit, TimeProvider time)
{
    public const int MaxArticles = 8;

    // One request at a time decides "in flight or not" for this process; two instances could still race (rare: an editor's click).
    private static readonly SemaphoreSlim Deciding = new(1, 1);

    public static bool InFlight(WeChatPostStatus status) => status is not (WeChatPostStatus.Published or WeChatPostStatus.Failed);

    public async Task<CrossPostRequest> RequestAsync(IReadOnlyList<int> itemIds, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(itemIds);
        ArgumentNullException.ThrowIfNull(actor);
        if (itemIds.Count is 0 or > MaxArticles || itemIds.Distinct().Count() != itemIds.Count)
            return new(CrossPostRefusal.TooMany, $"一次同步 1 至 {MaxArticles} 篇不重复的内容。", null);
        if (itemIds.Where(id => id < 1).Select(id => (int?)id).FirstOrDefault() is { } bad)
            return new(CrossPostRefusal.NotFound, $"没有编号为 {bad} 的内容。", null);
        var account = await accounts.CurrentAsync(cancellationToken);
        if (!account.CanCall)
            return new(CrossPostRefusal.NotConfigured, "尚未配置微信公众号（AppID 和 AppSecret）。", null);

        var items = await db.ContentItems.Include(i => i.Edition).Where(i => itemIds.Contains(i.Id) && i.DeletedAt == null)
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        if (itemIds.Where(id => !items.ContainsKey(id)).Select(id => (int?)id).FirstOrDefault() is { } missing)
            return new(CrossPostRefusal.NotFound, $"没有编号为 {missing} 的内容。", null);
        if (itemIds.Select(id => items[id]).FirstOrDefault(i => i.State != ContentState.Published) is { } draft)
            return new(CrossPostRefusal.NotPublished, $"《{draft.Title}》尚未发布：只有已发布的内容可以同步到微信。", null);

        var parts = new List<WeChatPart>();
        var problems = new Dictionary<string, string[]>();
        foreach (var id in itemIds)
        {
            var part = await renditions.PreviewAsync(items[id], cancellationToken);
            if (!part.Article.CanSend)
                problems[itemIds.Count == 1 ? "item" : $"items[{parts.Count}]"] = [.. part.Article.Problems];
            parts.Add(part);
        }

        if (problems.Count > 0)
            return new(CrossPostRefusal.Problems, "内容不符合微信的要求，请修改后再同步。", null, problems);

        await Deciding.WaitAsync(cancellationToken);
        try
        {
            var earlier = await EarlierAsync(account.AppId!, parts, cancellationToken);
            if (earlier.Refusal != CrossPostRefusal.None)
                return earlier;
            var post = await CreateAsync(account.AppId!, parts, itemIds.Count == 1 ? earlier.Post?.Id : null, actor, cancellationToken);
            return new(CrossPostRefusal.None, null, post);
        }
        finally
        {
            Deciding.Release();
        }
    }

    /// <summary>
    /// Whether sending this published item now would be refused as in flight or unchanged (the rule the API answers
    /// 409 with), so the item page offers a button only when a click would send something. None otherwise, with the
    /// post it would replace.
    /// </summary>
    public async Task<CrossPostRequest> StandingAsync(ContentItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var account = await accounts.CurrentAsync(cancellationToken);
        if (!account.CanCall)
            return new(CrossPostRefusal.NotConfigured, "尚未配置微信公众号（AppID 和 AppSecret）。", null);
        return await EarlierAsync(account.AppId!, [await renditions.PreviewAsync(item, cancellationToken)], cancellationToken);
    }

    /// <summary>
    /// The items' earlier posts on this account: in flight (refused), all in one published post with the same
    /// fingerprints (unchanged, refused), or else None with the latest published post of a single item.
    /// Posts to another account (the emulator before a real one) neither block nor get replaced.
    /// </summary>
    private async Task<CrossPostRequest> EarlierAsync(string appId, List<WeChatPart> parts, CancellationToken cancellationToken)
    {
        var itemIds = parts.Select(p => p.Item.Id).ToList();
        var earlier = await db.WeChatPostItems.AsNoTracking().Where(i => itemIds.Contains(i.ContentItemId))
            .Join(db.WeChatPosts.Where(p => p.AppId == appId), i => i.PostId, p => p.Id, (i, p) => new { i.ContentItemId, i.Fingerprint, Post = p })
            .ToListAsync(cancellationToken);
        if (earlier.FirstOrDefault(e => InFlight(e.Post.Status)) is { } running)
            return new(CrossPostRefusal.InFlight, "该内容正在同步到微信，请等待结果。", running.Post);
        var latest = parts.Select(part => earlier.Where(e => e.ContentItemId == part.Item.Id && e.Post.Status == WeChatPostStatus.Published)
            .MaxBy(e => e.Post.Id)).ToList();
        if (latest.All(l => l is not null) && latest.Select(l => l!.Post.Id).Distinct().Count() == 1
            && latest.Zip(parts).All(p => p.First!.Fingerprint == p.Second.Fingerprint))
            return new(CrossPostRefusal.Unchanged, "该内容已同步到微信，发布后没有改动。", latest[0]!.Post);
        return new(CrossPostRefusal.None, null, latest[0]?.Post);
    }

    /// <summary>Starts a failed post again (after the cause was fixed): a new attempt with a fresh marker and no draft.</summary>
    public async Task<CrossPostRequest> RetryAsync(long postId, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var post = await db.WeChatPosts.Include(p => p.Items).AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null)
            return new(CrossPostRefusal.NotFound, "没有这条同步记录。", null);
        if (post.Status != WeChatPostStatus.Failed)
            return new(CrossPostRefusal.InFlight, "只有失败的同步可以重试。", post);
        return await RequestAsync([.. post.Items.OrderBy(i => i.Position).Select(i => i.ContentItemId)], actor, cancellationToken);
    }

    private async Task<WeChatPost> CreateAsync(string appId, List<WeChatPart> parts, long? replaces, Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var post = new WeChatPost
        {
            AppId = appId,
            Marker = "pw" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            Status = WeChatPostStatus.Queued,
            ReplacesPostId = replaces,
            RequestedById = actor.Id,
            CreatedAt = now,
            UpdatedAt = now,
            Items = [.. parts.Select((p, i) => new WeChatPostItem { Position = i, ContentItemId = p.Item.Id, Fingerprint = p.Fingerprint })],
        };
        post.Steps.Add(new WeChatPostStep { At = now, Name = "queued", Detail = replaces is null ? null : $"更新并重新发布（替换同步 #{replaces}）" });
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.WeChatPosts.Add(post);
        await db.SaveChangesAsync(cancellationToken);
        // The job names the post, so it is written once the post has its id, in the same transaction.
        outbox.Enqueue(CrossPostJob.Type, new CrossPostJob(post.Id), key: CrossPostJob.KeyOf(post.Id));
        audit.Record(actor, AuditAction.WeChatCrossPost, $"wechat-post:{post.Id}", string.Join(",", parts.Select(p => p.Item.Id)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return post;
    }
}
