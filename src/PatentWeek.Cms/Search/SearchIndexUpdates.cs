using PatentWeek.Cms.Content;
using PatentWeek.Cms.Outbox;

namespace PatentWeek.Cms.Search;

/// <summary>
/// The index follows the content events through the outbox, in the same transaction as the change that raised them
/// (so an index update is never lost, and never ahead of the change): a publish (by hand or by its schedule), an
/// unpublish, a change to a live item, a trash or restore; an import rebuilds it, since it may change any item.
/// </summary>
internal sealed class SearchIndexUpdates(SearchIndexer indexer) :
    IDomainEventListener<ContentPublished>, IDomainEventListener<ContentUnpublished>, IDomainEventListener<ContentChanged>,
    IDomainEventListener<ContentTrashed>, IDomainEventListener<ContentImported>
{
    public Task HandleAsync(ContentPublished domainEvent, CancellationToken cancellationToken) => indexer.RefreshAsync([domainEvent.ItemId], cancellationToken);

    public Task HandleAsync(ContentUnpublished domainEvent, CancellationToken cancellationToken) => indexer.RefreshAsync([domainEvent.ItemId], cancellationToken);

    public Task HandleAsync(ContentChanged domainEvent, CancellationToken cancellationToken) => indexer.RefreshAsync([domainEvent.ItemId], cancellationToken);

    public Task HandleAsync(ContentTrashed domainEvent, CancellationToken cancellationToken) => indexer.RefreshAsync([domainEvent.ItemId], cancellationToken);

    public async Task HandleAsync(ContentImported domainEvent, CancellationToken cancellationToken) => await indexer.RebuildAsync(cancellationToken);
}
