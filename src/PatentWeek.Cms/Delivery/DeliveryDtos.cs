using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Types;
using PatentWeek.Cms.Media;

namespace PatentWeek.Cms.Delivery;

// The public contract of the delivery API, and the model the theme's templates render: the site is the
// API's first client. Field names are the JSON names (camelCase); only published content appears here.

/// <summary>The current edition of the campaign.</summary>
public sealed record SiteDto(
    int Number,
    int Year,
    string Theme,
    DateOnly WeekStart,
    DateOnly WeekEnd,
    DateOnly? PlanDeadline,
    DateOnly? ReportDeadline,
    string SiteTheme);

public sealed record CityRefDto(string Code, string Name);

public sealed record CityDto(string Code, string Name, string Kind, int MinimumEvents);

/// <summary>An item in a list: enough for a card (an event's card shows its own time and place).</summary>
public record ContentSummaryDto(
    [property: ContentKindName] string Kind,
    string Slug,
    string Title,
    string? Summary,
    CityRefDto? City,
    DateTimeOffset? PublishedAt,
    string? Cover,
    IReadOnlyList<string> Tags,
    bool Pinned,
    bool Sample,
    string Url)
{
    /// <summary>The cover (or a video's poster) as a responsive picture with its crops.</summary>
    public PictureDto? CoverImage { get; init; }

    /// <summary>When and where an event takes place; null for other kinds.</summary>
    public EventDetailsDto? Event { get; init; }
}

/// <summary>One item, whole. <c>html</c> is sanitised at save time and safe to insert as is.</summary>
public sealed record ContentDto(
    [property: ContentKindName] string Kind,
    string Slug,
    int Edition,
    string Title,
    string? Summary,
    string Html,
    CityRefDto? City,
    IReadOnlyList<string> Tags,
    string? Cover,
    string? Source,
    string? Author,
    string? ResponsibleEditor,
    bool Original,
    bool Pinned,
    bool Sample,
    DateTimeOffset? PublishedAt,
    DateTimeOffset UpdatedAt,
    EventDetailsDto? Event,
    string Url)
{
    /// <summary>The cover (or a video's poster) as a responsive picture with its crops.</summary>
    public PictureDto? CoverImage { get; init; }

    /// <summary>A video item's film (its cover is a video from the library).</summary>
    public VideoDto? Video { get; init; }

    /// <summary>The item's article on the WeChat official account, once it was cross-posted.</summary>
    public string? WeChatUrl { get; init; }

    /// <summary>An item's fields as the public reads them (its text fields by their declaration); the media are added after.</summary>
    public static ContentDto Of(
        ContentFields f, string html, CityRefDto? city, DateTimeOffset? publishedAt, DateTimeOffset updatedAt, EventDetailsDto? details, string url)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(
            f.Kind.ToName(), f.Slug, f.Edition, f.Title, f.Summary, html, city, [.. f.Tags], f.Cover, f.Texts[TextFields.Source], f.Author,
            f.Texts[TextFields.ResponsibleEditor], f.IsOriginal, f.IsPinned, f.IsSample, publishedAt, updatedAt, details, url);
    }
}

/// <summary>A promo video: the MP4 (served with range requests), its length and frame size, and its Chinese captions (WebVTT) if any.</summary>
public sealed record VideoDto(string Url, string ContentType, double? Duration, int? Width, int? Height, string? Poster)
{
    /// <summary>The WebVTT captions track (Chinese), or null.</summary>
    public string? Captions { get; init; }

    public static VideoDto? From(Data.Media.MediaAsset? asset, PictureDto? poster) => asset is { Kind: Data.Media.MediaKind.Video }
        ? new VideoDto(MediaDto.FileUrl(asset, null), asset.ContentType, asset.DurationSeconds, asset.Width, asset.Height, poster?.Src)
        {
            Captions = asset.CaptionsId is { } captions ? MediaFiles.CaptionsUrl(captions) : null,
        }
        : null;
}

/// <summary>When and where an event takes place, its type (a stable code with its Chinese label) and who organises it.</summary>
public sealed record EventDetailsDto(
    DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Location, string? Type, string? TypeLabel, string? Organiser);

public sealed record PagedDto<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
