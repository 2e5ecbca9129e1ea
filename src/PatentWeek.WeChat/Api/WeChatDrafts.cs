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
        var answer = await api.PostJsonAsync<MediaIdAnswer>("/cgi-bin/draft/add", new { articles = articles.Select(Wire) }, cancellationToken);
        return answer.MediaId;
    }

    /// <summary>A stored draft's articles, each with its temporary preview URL.</summary>
    public async Task<IReadOnlyList<NewsItem>> GetAsync(string mediaId, CancellationToken cancellationToken) =>
        (await api.PostJsonAsync<DraftGetAnswer>("/cgi-bin/draft/get", new { media_id = mediaId }, cancellationToken)).NewsItems;

    /// <summary>Replaces article <paramref name="index"/> (0-based) of a draft.</summary>
    public Task UpdateAsync(string mediaId, int index, DraftArticle article, CancellationToken cancellationToken) =>
        api.PostJsonAsync("/cgi-bin/draft/update", new { media_id = mediaId, index, articles = Wire(article) }, cancellationToken);

    public Task DeleteAsync(string mediaId, CancellationToken cancellationToken) =>
        api.PostJsonAsync("/cgi-bin/draft/delete", new { media_id = mediaId }, cancellationToken);

    public async Task<int> CountAsync(CancellationToken cancellationToken) =>
        (await api.GetAsync<DraftCountAnswer>("/cgi-bin/draft/count", cancellationToken)).TotalCount;

    /// <summary>One page of the draft box, newest first; with <paramref name="noContent"/> the articles come without their bodies.</summary>
    public Task<WeChatPage<DraftItem>> BatchGetAsync(int offset, int count, bool noContent, CancellationToken cancellationToken) =>
        api.PostJsonAsync<WeChatPage<DraftItem>>("/cgi-bin/draft/batchget", new { offset, count = Math.Clamp(count, 1, 20), no_content = noContent ? 1 : 0 }, cancellationToken);

    /// <summary>Submits a draft for publishing; accepted is not published (follow the job with <see cref="GetPublishAsync"/>).</summary>
    public async Task<string> SubmitAsync(string mediaId, CancellationToken cancellationToken) =>
        (await api.PostJsonAsync<SubmitAnswer>("/cgi-bin/freepublish/submit", new { media_id = mediaId }, cancellationToken)).PublishId;

    public async Task<PublishStatus> GetPublishAsync(string publishId, CancellationToken cancellationToken)
    {
        var answer = await api.PostJsonAsync<PublishAnswer>("/cgi-bin/freepublish/get", new { publish_id = publishId }, cancellationToken);
        return new PublishStatus(answer.PublishId, answer.Status, answer.ArticleId, answer.ArticleDetail?.Items ?? [], answer.FailIdx ?? []);
    }

    /// <summary>A published job's articles, each with its permanent URL.</summary>
    public Task<PublishedContent> GetArticleAsync(string articleId, CancellationToken cancellationToken) =>
        api.PostJsonAsync<PublishedContent>("/cgi-bin/freepublish/getarticle", new { article_id = articleId }, cancellationToken);

    /// <summary>Deletes a published article; <paramref name="index"/> is 1-based and 0 deletes all. Irreversible.</summary>
    public Task DeletePublishedAsync(string articleId, int index, CancellationToken cancellationToken) =>
        api.PostJsonAsync("/cgi-bin/freepublish/delete", new { article_id = articleId, index }, cancellationToken);

    /// <summary>One page of the published articles, newest first (deleted jobs are not listed).</summary>
    public Task<WeChatPage<PublishedItem>> BatchGetPublishedAsync(int offset, int count, bool noContent, CancellationToken cancellationToken) =>
        api.PostJsonAsync<WeChatPage<PublishedItem>>("/cgi-bin/freepublish/batchget", new { offset, count = Math.Clamp(count, 1, 20), no_content = noContent ? 1 : 0 }, cancellationToken);

    /// <summary>Mass send to all followers; <paramref name="clientMsgId"/> makes a repeat of the same send a no-op.</summary>
    public Task<MassSendResult> SendAllAsync(string mediaId, string clientMsgId, CancellationToken cancellationToken) =>
        api.PostJsonAsync<MassSendResult>("/cgi-bin/message/mass/sendall", new
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
}
