using PatentWeek.Cms.Content;
using PatentWeek.Cms.Outbox;

namespace PatentWeek.Cms.Search;

/// <summary>
/// The index follows the content events through the outbox: the event is stored with the change that raised it, so
/// an index update is never lost and never ahead of the change. A publish (by hand or by its schedule), an unpublish,
/// a change to a live item, a trash; an import rebuilds it, since it may change any item.
/// </summary>
/// <remarks>
/// Each update saves through a database context of its own: the outbox runs the event in its own scope, next to the
/// other listeners and the dispatcher's bookkeeping of its rows, and a save there must not commit their pending changes.
/// </remarks>
internal sealed class SearchIndexUpdates(IServiceScopeFactory scopes) :
    IDomainEventListener<ContentPublished>, IDomainEventListener<ContentUnpublished>, IDomainEventListener<ContentChanged>,
    IDomainEventListener<ContentTrashed>, IDomainEventListener<ContentImported>
{
    public Task HandleAsync(ContentPublished domainEvent, CancellationToken cancellationToken) => RefreshAsync(domainEvent, cancellationToken);

    public Task HandleAsync(ContentUnpublished domainEvent, CancellationToken cancellationToken) => RefreshAsync(domainEvent, cancellationToken);

    public Task HandleAsync(ContentChanged domainEvent, CancellationToken cancellationToken) => RefreshAsync(domainEvent, cancellationToken);

    public Task HandleAsync(ContentTrashed domainEvent, CancellationToken cancellationToken) => RefreshAsync(domainEvent, cancellationToken);

    public async Task HandleAsync(ContentImported domainEvent, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RebuildAsync(cancellationToken);
    }

    private async Task RefreshAsync(IContentEvent domainEvent, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SearchIndexer>().RefreshAsync([domainEvent.ItemId], cancellationToken);
    }
}
