using System.Globalization;
using System.Text.Json;

namespace PatentWeek.WeChat.Api;

/// <summary>
/// The draft box, publishing and mass send, typed. Drafts hold up to 8 articles; <c>draft/update</c> counts
/// articles from 0, while publishing counts them from 1 (0 meaning all) — as WeChat does.
/// </summary>
public sealed class WeChatDrafts(WeChatApiClient api)
{
    public async Task<string> AddAsync(IReadOnlyList<DraftArticle> articles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (articles.Count is < 1 or > 8)
            throw new ArgumentException("A draft holds 1 to 8 articles.", nameof(articles));
        var json = await api.PostJsonAsync("/cgi-bin/draft/add", new { articles = articles.Select(Wire) }, cancellationToken);
        return Text(json, "media_id");
    }

    public async Task<IReadOnlyList<DraftNewsItem>> GetAsync(string mediaId, CancellationToken cancellationToken)
    {
        var json = await api.PostJsonAsync("/cgi-bin/draft/get", new { media_id = mediaId }, cancellationToken);
        return json.GetProperty("news_item").Deserialize<List<DraftNewsItem>>(WeChatJson.Options) ?? [];
    }

    /// <summary>Replaces article <paramref name="index"/> (0-based) of a draft.</summary>
    public Task UpdateAsync(string mediaId, int index, DraftArticle article, CancellationToken cancellationToken) =>
        api.PostJsonAsync("/cgi-bin/draft/update", new { media_id = mediaId, index, articles = Wire(article) }, cancellationToken);

    public Task DeleteAsync(string mediaId, CancellationToken cancellationToken) =>
        api.PostJsonAsync("/cgi-bin/draft/delete", new { media_id = mediaId }, cancellationToken);

    public async Task<int> CountAsync(CancellationToken cancellationToken) =>
        (await api.GetAsync("/cgi-bin/draft/count", cancellationToken)).GetProperty("total_count").GetInt32();

    public Task<JsonElement> BatchGetAsync(int offset, int count, bool noContent, CancellationToken cancellationToken) =>
        api.PostJsonAsync("/cgi-bin/draft/batchget", new { offset, count = Math.Clamp(count, 1, 20), no_content = noContent ? 1 : 0 }, cancellationToken);

    /// <summary>Submits a draft for publishing; accepted is not published (follow the job with <see cref="GetPublishAsync"/>).</summary>
    public async Task<string> SubmitAsync(string mediaId, CancellationToken cancellationToken) =>
        Text(await api.PostJsonAsync("/cgi-bin/freepublish/submit", new { media_id = mediaId }, cancellationToken), "publish_id");

    public async Task<PublishStatus> GetPublishAsync(string publishId, CancellationToken cancellationToken)
    {
        var json = await api.PostJsonAsync("/cgi-bin/freepublish/get", new { publish_id = publishId }, cancellationToken);
        var articles = json.TryGetProperty("article_detail", out var detail) && detail.TryGetProperty("item", out var items)
            ? items.EnumerateArray().Select(i => new PublishedArticle(i.GetProperty("idx").GetInt32(), i.GetProperty("article_url").GetString() ?? "")).ToList()
            : [];
        var failed = json.TryGetProperty("fail_idx", out var fail) && fail.ValueKind == JsonValueKind.Array
            ? fail.EnumerateArray().Select(f => f.GetInt32()).ToList()
            : [];
        return new PublishStatus(Text(json, "publish_id"), json.GetProperty("publish_status").GetInt32(),
            json.TryGetProperty("article_id", out var id) ? id.GetString() : null, articles, failed);
    }

    public Task<JsonElement> GetArticleAsync(string articleId, CancellationToken cancellationToken) =>
        api.PostJsonAsync("/cgi-bin/freepublish/getarticle", new { article_id = articleId }, cancellationToken);

    /// <summary>Deletes a published article; <paramref name="index"/> is 1-based and 0 deletes all. Irreversible.</summary>
    public Task DeletePublishedAsync(string articleId, int index, CancellationToken cancellationToken) =>
        api.PostJsonAsync("/cgi-bin/freepublish/delete", new { article_id = articleId, index }, cancellationToken);

    public Task<JsonElement> BatchGetPublishedAsync(int offset, int count, bool noContent, CancellationToken cancellationToken) =>
        api.PostJsonAsync("/cgi-bin/freepublish/batchget", new { offset, count = Math.Clamp(count, 1, 20), no_content = noContent ? 1 : 0 }, cancellationToken);

    /// <summary>Mass send to all followers; <paramref name="clientMsgId"/> makes a repeat of the same send a no-op.</summary>
    public Task<JsonElement> SendAllAsync(string mediaId, string clientMsgId, CancellationToken cancellationToken) =>
        api.PostJsonAsync("/cgi-bin/message/mass/sendall", new
        {
            filter = new { is_to_all = true },
            mpnews = new { media_id = mediaId },
            msgtype = "mpnews",
            send_ignore_reprint = 0,
            clientmsgid = clientMsgId,
        }, cancellationToken);

    /// <summary>Our article fields under WeChat's names (two of which are not plain snake_case).</summary>
    private static Dictionary<string, object?> Wire(DraftArticle a) => new()
    {
        ["article_type"] = a.ArticleType,
        ["title"] = a.Title,
        ["author"] = a.Author,
        ["digest"] = a.Digest,
        ["content"] = a.Content,
        ["content_source_url"] = a.ContentSourceUrl,
        ["thumb_media_id"] = a.ThumbMediaId,
        ["need_open_comment"] = a.NeedOpenComment,
        ["only_fans_can_comment"] = a.OnlyFansCanComment,
        ["pic_crop_235_1"] = a.PicCrop2351,
        ["pic_crop_1_1"] = a.PicCrop11,
    };

    /// <summary>publish_id and friends are documented as string or number: read either as text.</summary>
    internal static string Text(JsonElement json, string name) => json.GetProperty(name) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString()!,
        var n => n.GetRawText().ToString(CultureInfo.InvariantCulture),
    };
}
