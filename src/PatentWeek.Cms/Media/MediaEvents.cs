using PatentWeek.Cms.Outbox;

namespace PatentWeek.Cms.Media;

/// <summary>A media item's rendered set (sizes, crops, poster) was made anew: pages showing it must be rebuilt.</summary>
public sealed record MediaRendered(int MediaId) : IDomainEvent
{
    public static string EventType => "media.rendered";

    public string Key => $"media/{MediaId}";
}

/// <summary>A media item's alt text or title changed: they are part of the pages showing it.</summary>
public sealed record MediaChanged(int MediaId) : IDomainEvent
{
    public static string EventType => "media.changed";

    public string Key => $"media/{MediaId}";
}
