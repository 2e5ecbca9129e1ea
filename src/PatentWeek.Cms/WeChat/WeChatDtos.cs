using PatentWeek.Cms.Data.WeChat;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.WeChat;

/// <summary>Items to cross-post as one multi-article post, in order (1 to 8).</summary>
public sealed record CrossPostBody(List<int>? Items);

public sealed record WeChatStepDto(DateTimeOffset At, string Name, string? Detail, bool IsError);

public sealed record WeChatPostItemDto(int ContentItemId, int Position, string? ArticleUrl);

/// <summary>A cross-post: status (queued, uploading, drafted, publishing, published, failed), where it ended up, every step.</summary>
public sealed record WeChatPostDto(
    long Id, string Status, string? ArticleUrl, string? Error, IReadOnlyList<WeChatPostItemDto> Items, IReadOnlyList<WeChatStepDto> Steps,
    long? ReplacesPostId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static string StatusName(WeChatPostStatus status) => status.ToString().ToLowerInvariant();

    /// <param name="itemId">The item asked about: its article's URL is the post's <c>articleUrl</c>.</param>
    public static WeChatPostDto From(WeChatPost post, int? itemId = null)
    {
        ArgumentNullException.ThrowIfNull(post);
        var items = post.Items.OrderBy(i => i.Position).ToList();
        var url = (itemId is null ? items.FirstOrDefault() : items.FirstOrDefault(i => i.ContentItemId == itemId))?.ArticleUrl;
        return new WeChatPostDto(
            post.Id, StatusName(post.Status), url, post.Error,
            [.. items.Select(i => new WeChatPostItemDto(i.ContentItemId, i.Position, i.ArticleUrl))],
            [.. post.Steps.OrderBy(s => s.Id).Select(s => new WeChatStepDto(BeijingTime.ToBeijing(s.At), s.Name, s.Detail, s.IsError))],
            post.ReplacesPostId, BeijingTime.ToBeijing(post.CreatedAt), BeijingTime.ToBeijing(post.UpdatedAt));
    }
}

/// <summary>The article exactly as it would be sent, with pictures at their address on this site.</summary>
public sealed record WeChatPreviewDto(
    string Title, string Digest, string Content, string ContentSourceUrl, string? Author, string CoverUrl, string PicCrop2351, string PicCrop11,
    IReadOnlyList<string> Problems, bool CanSend)
{
    public static WeChatPreviewDto From(WeChatPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var a = part.Article;
        return new WeChatPreviewDto(a.Title, a.Digest, a.Content, a.ContentSourceUrl, a.Author, part.Cover.LocalUrl,
            part.Cover.PicCrop2351, part.Cover.PicCrop11, a.Problems, a.CanSend);
    }
}
