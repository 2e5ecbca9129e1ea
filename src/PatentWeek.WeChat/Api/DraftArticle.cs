namespace PatentWeek.WeChat.Api;

/// <summary>One article of a draft, with WeChat's field names (snake_case on the wire).</summary>
public sealed record DraftArticle
{
    /// <summary><c>news</c> (the default) or <c>newspic</c>.</summary>
    public string? ArticleType { get; init; }

    /// <summary>At most 32 characters.</summary>
    public required string Title { get; init; }

    /// <summary>At most 16 characters.</summary>
    public string? Author { get; init; }

    /// <summary>At most 128 characters; single-article drafts only.</summary>
    public string? Digest { get; init; }

    /// <summary>HTML under 20,000 characters and 1 MB; images must be <c>uploadimg</c> URLs.</summary>
    public required string Content { get; init; }

    /// <summary>阅读原文: where "read the original" leads.</summary>
    public string? ContentSourceUrl { get; init; }

    /// <summary>A permanent material id (an image uploaded with add_material).</summary>
    public required string ThumbMediaId { get; init; }

    public int? NeedOpenComment { get; init; }
    public int? OnlyFansCanComment { get; init; }

    /// <summary>Cover crops, <c>X1_Y1_X2_Y2</c> normalised to the cover picture.</summary>
    public string? PicCrop2351 { get; init; }

    public string? PicCrop11 { get; init; }
}

/// <summary>Where a publish job stands (<c>freepublish/get</c>).</summary>
public sealed record PublishStatus(string PublishId, int Status, string? ArticleId, IReadOnlyList<PublishedArticle> Articles, IReadOnlyList<int> FailIdx)
{
    public const int Succeeded = 0;
    public const int Publishing = 1;
    public const int OriginalityFailed = 2;
    public const int Failed = 3;
    public const int RejectedByReview = 4;
    public const int DeletedByUser = 5;
    public const int Banned = 6;

    public bool IsFinal => Status != Publishing;
}

/// <summary>One published article: its 1-based index in the job and its permanent URL.</summary>
public sealed record PublishedArticle(int Idx, string ArticleUrl);

public sealed record Material(string MediaId, string? Url);

public sealed record QuotaInfo(int DailyLimit, int Used, int Remain);
