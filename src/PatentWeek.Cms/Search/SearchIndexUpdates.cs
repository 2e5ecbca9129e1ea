using Microsoft.AspNetCore.OutputCaching;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Outbox;
using PatentWeek.Cms.Site;

namespace PatentWeek.Cms.Search;

/// <summary>
/// The index follows the content events through the outbox: the event is stored with the change that raised it, so
/// an index update is never lost and never ahead of the change. A publish (by hand or by its schedule), an unpublish,
/// a change to a live item, a trash, an edit of an item that is not live (staff search its drafts); an import rebuilds
/// it, since it may change any item.
/// </summary>
/// <remarks>
/// Each update saves through a database context of its own: the outbox runs the event in its own scope, next to the
/// other listeners and the dispatcher's bookkeeping of its rows, and a save there must not commit their pending changes.
/// Cached search results are evicted here, after the index has the change: the site's own eviction of the event may run
/// before it, and a search answered in between would be cached from the old index.
/// </remarks>
internal sealed class SearchIndexUpdates(IServiceScopeFactory scopes, IOutputCacheStore cache) :
    IDomainEventListener<ContentPublished>, IDomainEventListener<ContentUnpublished>, IDomainEventListener<ContentChanged>,
    IDomainEventListener<ContentTrashed>, IDomainEventListener<ContentEdited>, IDomainEventListener<ContentImported>
{
    public Task HandleAsync(ContentPublished domainEvent, CancellationToken cancellationToken) => RefreshAsync(domainEvent, cancellationToken);

    public Task HandleAsync(ContentUnpublished domainEvent, CancellationToken cancellationToken) => RefreshAsync(domainEvent, cancellationToken);

    public Task HandleAsync(ContentChanged domainEvent, CancellationToken cancellationToken) => RefreshAsync(domainEvent, cancellationToken);

    public Task HandleAsync(ContentTrashed domainEvent, CancellationToken cancellationToken) => RefreshAsync(domainEvent, cancellationToken);

    public Task HandleAsync(ContentEdited domainEvent, CancellationToken cancellationToken) => RefreshAsync(domainEvent.ItemId, cancellationToken);

    public async Task HandleAsync(ContentImported domainEvent, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RebuildAsync(cancellationToken);
        await cache.EvictByTagAsync(CacheTags.Search, cancellationToken);
    }

    private Task RefreshAsync(IContentEvent domainEvent, CancellationToken cancellationToken) => RefreshAsync(domainEvent.ItemId, cancellationToken);

    private async Task RefreshAsync(int itemId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RefreshAsync([itemId], cancellationToken);
        await cache.EvictByTagAsync(CacheTags.Search, cancellationToken);
    }
}
