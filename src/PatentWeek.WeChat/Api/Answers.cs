using System.Text.Json.Serialization;

namespace PatentWeek.WeChat.Api;

// The answers the typed methods turn into their own results; WeChat's names, read with WeChatJson.Answers.

/// <summary>draft/add and add_material: <c>{media_id, url?}</c>.</summary>
internal sealed record MediaIdAnswer([property: JsonConverter(typeof(StringOrNumberConverter))] string MediaId, string? Url = null);

/// <summary>media/upload: a thumb's id may come as thumb_media_id only (as SDKs read it).</summary>
internal sealed record TemporaryMediaAnswer(
    [property: JsonConverter(typeof(UnixSecondsConverter))] DateTimeOffset CreatedAt,
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? MediaId = null,
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? ThumbMediaId = null,
    string? Type = null);

internal sealed record UrlAnswer(string Url);

internal sealed record DraftCountAnswer(int TotalCount);

internal sealed record DraftGetAnswer([property: JsonPropertyName("news_item")] IReadOnlyList<NewsItem> NewsItems);

internal sealed record SubmitAnswer([property: JsonConverter(typeof(StringOrNumberConverter))] string PublishId);

/// <summary>freepublish/get: article_id and article_detail come only on success.</summary>
internal sealed record PublishAnswer(
    [property: JsonConverter(typeof(StringOrNumberConverter))] string PublishId,
    [property: JsonPropertyName("publish_status")] int Status,
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? ArticleId = null,
    ArticleDetail? ArticleDetail = null,
    IReadOnlyList<int>? FailIdx = null);

internal sealed record ArticleDetail([property: JsonPropertyName("item")] IReadOnlyList<PublishedArticle>? Items = null);

internal sealed record QuotaAnswer(QuotaInfo Quota);

internal sealed record RidAnswer(RidRequest Request);

internal sealed record RidRequest(
    [property: JsonConverter(typeof(UnixSecondsConverter))] DateTimeOffset InvokeTime,
    long CostInMs,
    string? RequestUrl = null,
    string? RequestBody = null,
    string? ResponseBody = null,
    string? ClientIp = null);
