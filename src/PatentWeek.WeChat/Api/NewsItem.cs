using System.Text.Json.Serialization;

namespace PatentWeek.WeChat.Api;

/// <summary>
/// One article as WeChat gives it back (<c>news_item</c> of draft/get, the batchget lists and getarticle): the
/// fields of <see cref="DraftArticle"/> plus the URLs WeChat adds. With <c>no_content</c> the body is left out.
/// </summary>
public sealed record NewsItem
{
    public string Title { get; init; } = "";
    public string? Author { get; init; }
    public string? Digest { get; init; }
    public string? Content { get; init; }

    /// <summary>阅读原文: where "read the original" leads.</summary>
    public string? ContentSourceUrl { get; init; }

    public string? ThumbMediaId { get; init; }

    /// <summary>The article's address: a temporary preview for a draft, the permanent one once published.</summary>
    public string? Url { get; init; }

    public string? ThumbUrl { get; init; }
    public int? NeedOpenComment { get; init; }
    public int? OnlyFansCanComment { get; init; }

    [JsonPropertyName("pic_crop_235_1")]
    public string? PicCrop2351 { get; init; }

    [JsonPropertyName("pic_crop_1_1")]
    public string? PicCrop11 { get; init; }

    /// <summary>A published article deleted on its own (freepublish/delete with its index).</summary>
    public bool? IsDeleted { get; init; }
}

/// <summary>The <c>content</c> of a listed draft or published article: its articles in order.</summary>
public sealed record NewsContent([property: JsonPropertyName("news_item")] IReadOnlyList<NewsItem> NewsItems);

/// <summary>
/// One page of a batchget list (<c>draft/batchget</c>, <c>freepublish/batchget</c>, <c>material/batchget_material</c>):
/// <see cref="TotalCount"/> is the whole list, <see cref="Items"/> the page (at most 20).
/// </summary>
public sealed record WeChatPage<T>(int TotalCount, int ItemCount, [property: JsonPropertyName("item")] IReadOnlyList<T> Items);

/// <summary>A draft in the draft box (<c>draft/batchget</c>).</summary>
public sealed record DraftItem(
    string MediaId,
    NewsContent Content,
    [property: JsonConverter(typeof(UnixSecondsConverter))] DateTimeOffset UpdateTime);

/// <summary>A published job's articles (<c>freepublish/batchget</c>), under the article_id that deletes them.</summary>
public sealed record PublishedItem(
    [property: JsonConverter(typeof(StringOrNumberConverter))] string ArticleId,
    NewsContent Content,
    [property: JsonConverter(typeof(UnixSecondsConverter))] DateTimeOffset UpdateTime);

/// <summary>A published job's articles by article_id (<c>freepublish/getarticle</c>).</summary>
public sealed record PublishedContent([property: JsonPropertyName("news_item")] IReadOnlyList<NewsItem> NewsItems, bool IsDeleted = false);

/// <summary>A mass send accepted (<c>message/mass/sendall</c>); msg_data_id keys the comments of the article.</summary>
public sealed record MassSendResult(long MsgId, long MsgDataId);
