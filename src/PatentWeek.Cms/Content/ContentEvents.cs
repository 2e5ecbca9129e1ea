using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Outbox;

namespace PatentWeek.Cms.Content;

/// <summary>
/// Where an item shows on the public site: its kind, its addresses (slugs), its city and its tags. An event carries
/// what the item had before the change and after it, since a published working copy may rename, move or re-tag it,
/// and the pages of the old places must change as well as those of the new.
/// </summary>
public sealed record ContentPlaces(string Kind, IReadOnlyList<string> Slugs, IReadOnlyList<string> Cities, IReadOnlyList<string> Tags)
{
    public static ContentPlaces Of(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(item.Kind.ToName(), [item.Slug], item.CityCode is { } city ? [city] : [], [.. item.Tags.Select(t => t.Name)]);
    }

    /// <summary>These places and the item's places now.</summary>
    public ContentPlaces And(ContentItem item)
    {
        var now = Of(item);
        return new(Kind, [.. Slugs.Union(now.Slugs)], [.. Cities.Union(now.Cities)], [.. Tags.Union(now.Tags)]);
    }
}

/// <summary>An event about one item and the places it shows (or showed).</summary>
public interface IContentEvent : IDomainEvent
{
    int ItemId { get; }

    ContentPlaces Places { get; }
}

internal static class ContentEventKey
{
    public static string Of(int itemId) => $"content/{itemId}";
}

/// <summary>The item (or its working copy) went live, by hand or by its schedule.</summary>
public sealed record ContentPublished(int ItemId, ContentPlaces Places) : IContentEvent
{
    public static string EventType => "content.published";

    public string Key => ContentEventKey.Of(ItemId);
}

/// <summary>The item left the site (archived), by hand or by its schedule.</summary>
public sealed record ContentUnpublished(int ItemId, ContentPlaces Places) : IContentEvent
{
    public static string EventType => "content.unpublished";

    public string Key => ContentEventKey.Of(ItemId);
}

/// <summary>What the public sees of a live item changed without a publish: a restore from the trash, its HTML rendered again.</summary>
public sealed record ContentChanged(int ItemId, ContentPlaces Places) : IContentEvent
{
    public static string EventType => "content.changed";

    public string Key => ContentEventKey.Of(ItemId);
}

/// <summary>The item went to the trash (a live one leaves the site at once).</summary>
public sealed record ContentTrashed(int ItemId, ContentPlaces Places) : IContentEvent
{
    public static string EventType => "content.trashed";

    public string Key => ContentEventKey.Of(ItemId);
}

/// <summary>
/// An item that is not live was created or changed in place (saved, its revision restored, trashed, restored from the
/// trash): nothing public changed, only what staff find. No place is carried, as no public page shows it.
/// </summary>
public sealed record ContentEdited(int ItemId) : IDomainEvent
{
    public static string EventType => "content.edited";

    public string Key => ContentEventKey.Of(ItemId);
}

/// <summary>
/// An import of content files changed the campaign (items, editions, cities or the site's identity): anything public
/// may have changed, by any number of items at once, so the whole public site is refreshed rather than item by item.
/// </summary>
public sealed record ContentImported(int Created, int Updated) : IDomainEvent
{
    public static string EventType => "content.imported";

    public string Key => "import";
}
