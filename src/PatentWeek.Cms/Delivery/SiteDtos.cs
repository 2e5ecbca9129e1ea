namespace PatentWeek.Cms.Delivery;

// What the site's pages read beyond the delivery API's DTOs (the themes' templates see these too).

/// <summary>A city on the cities grid and index: its published stories and events in the edition.</summary>
public sealed record CitySummaryDto(string Code, string Name, int Stories, int Events);

/// <summary>A link to an item (上一篇 / 下一篇).</summary>
public sealed record ContentLinkDto(string Title, string Slug, string Url);

/// <summary>The home page's blocks. <see cref="EventsUpcoming"/> is false once the week is over: the block is then its schedule.</summary>
public sealed record HomeBlocks(
    IReadOnlyList<ContentSummaryDto> Pinned,
    IReadOnlyList<ContentSummaryDto> News,
    IReadOnlyList<ContentSummaryDto> Topics,
    IReadOnlyList<ContentSummaryDto> Stories,
    IReadOnlyList<ContentSummaryDto> Videos,
    IReadOnlyList<ContentSummaryDto> Events,
    bool EventsUpcoming,
    IReadOnlyList<CitySummaryDto> Cities)
{
    public const int MaxPinned = 4;
    public const int MaxNews = 8;
    public const int MaxTopics = 6;
    public const int MaxStories = 6;
    public const int MaxVideos = 3;
    public const int MaxEvents = 6;
}
