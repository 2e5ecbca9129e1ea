using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Delivery.Published;
using PatentWeek.Cms.Media;
using PatentWeek.Cms.Outbox;
using PatentWeek.Cms.Site.Themes;
using PatentWeek.Cms.WeChat;

namespace PatentWeek.Cms.Site;

/// <summary>
/// The one place the output cache is evicted: when what the public sees changed, the in-memory read model of the
/// published site is marked stale first, then the answers that show the item (see <see cref="CacheTags"/>) go, and
/// nothing else. Media and cross-post events name no places: the items that
/// show the media, or link to the articles, are looked up when the event runs.
/// </summary>
internal sealed class PublicCacheEviction(CmsDbContext db, IOutputCacheStore cache, PublishedSite site, SiteIdentity identity, Delivery.ContentQueries queries) :
    IDomainEventListener<ContentPublished>, IDomainEventListener<ContentUnpublished>, IDomainEventListener<ContentChanged>,
    IDomainEventListener<ContentTrashed>, IDomainEventListener<MediaRendered>, IDomainEventListener<MediaChanged>,
    IDomainEventListener<CrossPostPublished>, IDomainEventListener<EditionThemeChanged>,
    IDomainEventListener<SiteIdentityChanged>, IDomainEventListener<ContentImported>
{
    public async Task HandleAsync(ContentPublished domainEvent, CancellationToken cancellationToken)
    {
        await EvictAsync(domainEvent, cancellationToken);
        await EvictNeighboursAsync(domainEvent, cancellationToken);
    }

    public Task HandleAsync(ContentUnpublished domainEvent, CancellationToken cancellationToken) => EvictAsync(domainEvent, cancellationToken);

    public async Task HandleAsync(ContentChanged domainEvent, CancellationToken cancellationToken)
    {
        await EvictAsync(domainEvent, cancellationToken);
        await EvictNeighboursAsync(domainEvent, cancellationToken);
    }

    public Task HandleAsync(ContentTrashed domainEvent, CancellationToken cancellationToken) => EvictAsync(domainEvent, cancellationToken);

    public Task HandleAsync(MediaRendered domainEvent, CancellationToken cancellationToken) =>
        EvictShowingAsync(domainEvent.MediaId, cancellationToken);

    public Task HandleAsync(MediaChanged domainEvent, CancellationToken cancellationToken) =>
        EvictShowingAsync(domainEvent.MediaId, cancellationToken);

    public async Task HandleAsync(CrossPostPublished domainEvent, CancellationToken cancellationToken) =>
        await EvictItemsAsync(db.ContentItems.Where(i => domainEvent.ItemIds.Contains(i.Id)), cancellationToken);

    /// <summary>Another theme changes every page of the site, and the API's answer about the edition.</summary>
    /// <remarks>The read model holds the editions, and with them the theme each names.</remarks>
    public Task HandleAsync(EditionThemeChanged domainEvent, CancellationToken cancellationToken) => EvictEverythingAsync(cancellationToken);

    /// <summary>An import may change any page, and may bring content/site.yml's identity too.</summary>
    public Task HandleAsync(ContentImported domainEvent, CancellationToken cancellationToken)
    {
        identity.Invalidate();
        return EvictEverythingAsync(cancellationToken);
    }

    /// <summary>Every page shows the site's identity (footer, title, gov meta fields); the admin's save already re-reads it.</summary>
    public Task HandleAsync(SiteIdentityChanged domainEvent, CancellationToken cancellationToken) => EvictEverythingAsync(cancellationToken);

    /// <summary>The whole public site: the read model is read again and every cached public answer goes.</summary>
    private async Task EvictEverythingAsync(CancellationToken cancellationToken)
    {
        site.Invalidate();
        await cache.EvictByTagAsync(CacheTags.Site, cancellationToken);
    }

    private async Task EvictAsync(IContentEvent domainEvent, CancellationToken cancellationToken)
    {
        // Before the pages go, so a page built after the eviction reads the new state, not the old model.
        site.Invalidate();
        foreach (var tag in CacheTags.Of(domainEvent.Places))
            await cache.EvictByTagAsync(tag, cancellationToken);
    }

    /// <summary>
    /// The items just before and after a live item in its kind link to it (上一篇 / 下一篇). Pages linking to an item that
    /// changes or leaves carry its tag already; the neighbours of one that (re)appears are only found this way.
    /// </summary>
    private async Task EvictNeighboursAsync(IContentEvent domainEvent, CancellationToken cancellationToken)
    {
        foreach (var slug in await queries.NeighbourSlugsAsync(domainEvent.ItemId, cancellationToken))
            await cache.EvictByTagAsync(CacheTags.Item(domainEvent.Places.Kind, slug), cancellationToken);
    }

    /// <summary>The items showing the media: as cover or in the body, or through a video whose poster or captions it is.</summary>
    private async Task EvictShowingAsync(int mediaId, CancellationToken cancellationToken)
    {
        var videos = db.MediaAssets.Where(m => m.PosterId == mediaId || m.CaptionsId == mediaId).Select(m => m.Id);
        var items = db.MediaUsages.Where(u => u.MediaAssetId == mediaId || videos.Contains(u.MediaAssetId)).Select(u => u.ContentItemId);
        await EvictItemsAsync(db.ContentItems.Where(i => items.Contains(i.Id)), cancellationToken);
    }

    private async Task EvictItemsAsync(IQueryable<Data.Content.ContentItem> items, CancellationToken cancellationToken)
    {
        site.Invalidate();
        var found = await items.AsNoTracking().Include(i => i.Tags).ToListAsync(cancellationToken);
        foreach (var tag in found.SelectMany(i => CacheTags.Of(ContentPlaces.Of(i))).Distinct(StringComparer.Ordinal))
            await cache.EvictByTagAsync(tag, cancellationToken);
    }
}
