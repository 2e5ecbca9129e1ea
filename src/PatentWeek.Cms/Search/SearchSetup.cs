using PatentWeek.Cms.Content;
using PatentWeek.Cms.Outbox;

namespace PatentWeek.Cms.Search;

public static class SearchSetup
{
    public static IServiceCollection AddCmsSearch(this IServiceCollection services)
    {
        services.AddScoped<SearchIndexer>();
        services.AddScoped<PublicSearch>();
        services.AddDomainEventListener<ContentPublished, SearchIndexUpdates>();
        services.AddDomainEventListener<ContentUnpublished, SearchIndexUpdates>();
        services.AddDomainEventListener<ContentChanged, SearchIndexUpdates>();
        services.AddDomainEventListener<ContentTrashed, SearchIndexUpdates>();
        services.AddDomainEventListener<ContentEdited, SearchIndexUpdates>();
        services.AddDomainEventListener<ContentImported, SearchIndexUpdates>();
        return services;
    }
}
