namespace PatentWeek.Cms.Data.WeChat;

/// <summary>Where a cross-post stands; the names are the API's (lower case).</summary>
public enum WeChatPostStatus
{
    Queued,
    Uploading,
    Drafted,
    Publishing,
    Published,
    Failed,
}

/// <summary>
/// One cross-post of one to eight items as one WeChat draft and publish job. Everything WeChat handed back is
/// saved the moment it arrives (draft media id, publish id, uploaded images), and each call that creates something
/// is recorded as requested before it is sent, so a run that dies at any point resumes without a second draft or a
/// second publish: the <see cref="Marker"/> in each article's 阅读原文 address finds what a lost answer created.
/// </summary>
public class WeChatPost
{
    public long Id { get; set; }
    public WeChatPostStatus Status { get; set; }

    /// <summary>The account the post went to; a post is followed on that account only.</summary>
    public required string AppId { get; set; }

    /// <summary>A random token put into each article's 阅读原文 address (utm_content), unique to this post.</summary>
    public required string Marker { get; set; }

    public DateTime? DraftRequestedAt { get; set; }
    public string? DraftMediaId { get; set; }
    public DateTime? SubmitRequestedAt { get; set; }
    public string? PublishId { get; set; }
    public string? ArticleId { get; set; }

    /// <summary>Why the post failed (for people), or the last transient error while it backs off.</summary>
    public string? Error { get; set; }

    /// <summary>Transient failures in a row; sets the back-off.</summary>
    public int Retries { get; set; }

    /// <summary>The published post this one replaces (update and republish); its article is deleted on success.</summary>
    public long? ReplacesPostId { get; set; }

    public string? RequestedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    public List<WeChatPostItem> Items { get; set; } = [];
    public List<WeChatPostStep> Steps { get; set; } = [];
}

/// <summary>One article of a post: which item, in which place, as what (its fingerprint), and where it ended up.</summary>
public class WeChatPostItem
{
    public long PostId { get; set; }
    public int Position { get; set; }
    public int ContentItemId { get; set; }

    /// <summary>SHA-256 of the article as built when the post was asked for; an unchanged item is not sent again.</summary>
    public required string Fingerprint { get; set; }

    public string? ThumbMediaId { get; set; }
    public string? ArticleUrl { get; set; }
}

/// <summary>What happened, in order, for people following the post (and for the tests).</summary>
public class WeChatPostStep
{
    public long Id { get; set; }
    public long PostId { get; set; }
    public DateTime At { get; set; }

    /// <summary>A stable name: queued, uploading, draft-requested, drafted, checking, submit-requested, submitted, replaced, published, retry-later, failed.</summary>
    public required string Name { get; set; }

    public string? Detail { get; set; }
    public bool IsError { get; set; }
}

/// <summary>An image already on the account: uploaded once per rendition, reused by every later post.</summary>
public class WeChatUpload
{
    public int Id { get; set; }
    public required string AppId { get; set; }

    /// <summary>The rendition's public key (content-hashed, so a new focal point or picture is a new key).</summary>
    public required string Key { get; set; }

    /// <summary><c>body</c> (uploadimg, a URL) or <c>thumb</c> (add_material, a media id).</summary>
    public required string Kind { get; set; }

    public required string Url { get; set; }
    public string? MediaId { get; set; }
    public DateTime UploadedAt { get; set; }
}

/// <summary>A push already handled (MsgId, or publish id and status): WeChat retries, and we answer each once.</summary>
public class WeChatDelivery
{
    public required string Key { get; set; }
    public DateTime ReceivedAt { get; set; }
}

/// <summary>
/// The account as an administrator entered it; secrets are encrypted with Data Protection. Configuration wins over
/// every value here.
/// </summary>
public class WeChatAccountSettings
{
    public int Id { get; set; }
    public string? AppId { get; set; }
    public string? ProtectedAppSecret { get; set; }
    public string? ProtectedToken { get; set; }
    public string? ProtectedEncodingAesKey { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
