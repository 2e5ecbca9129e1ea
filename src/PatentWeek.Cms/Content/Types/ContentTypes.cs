using PatentWeek.Cms.Data.Content;

namespace PatentWeek.Cms.Content.Types;

/// <summary>
/// The content-type registry: one definition per kind. A new kind (the campaign's plans and reports) is a value of
/// <see cref="ContentKind"/>, a definition here, a migration and a template.
/// </summary>
public static class ContentTypes
{
    public static readonly IReadOnlyList<ContentType> All =
    [
        new() { Kind = ContentKind.Page, Label = "页面" },
        new() { Kind = ContentKind.News, Label = "新闻", ListTitle = "新闻动态", HasListPage = true, HasFeed = true },
        new() { Kind = ContentKind.Topic, Label = "专题", ListTitle = "专题活动", HasListPage = true, HasFeed = true },
        new() { Kind = ContentKind.Video, Label = "视频", ListTitle = "宣传视频", HasListPage = true, HasFeed = true },
        new() { Kind = ContentKind.Story, Label = "市州亮点", CityBound = true, HasListPage = true, HasFeed = true },
        new() { Kind = ContentKind.Event, Label = "活动", ListTitle = "活动日程", CityBound = true, HasListPage = true, HasFeed = true, Fields = TextFields.All },
    ];

    private static readonly Dictionary<ContentKind, ContentType> ByKind = All.ToDictionary(t => t.Kind);

    /// <summary>The lower-case names of every kind, in the registry's order.</summary>
    public static readonly IReadOnlyList<string> Names = All.Select(t => t.Name).ToArray();

    /// <summary>The kinds that belong to a city (story and event).</summary>
    public static readonly IReadOnlyList<ContentKind> CityBound = All.Where(t => t.CityBound).Select(t => t.Kind).ToArray();

    public static ContentType Of(ContentKind kind) =>
        ByKind.TryGetValue(kind, out var type) ? type : throw new ArgumentOutOfRangeException(nameof(kind), kind, "A kind without a definition in the registry.");

    /// <summary>The kind with exactly this lower-case name ("News" or "1" are not kinds).</summary>
    public static ContentType? Find(string? name) => name is null ? null : All.FirstOrDefault(t => t.Name == name);
}
