namespace PatentWeek.Cms.Search;

public static class SearchSetup
{
    public static IServiceCollection AddCmsSearch(this IServiceCollection services)
    {
        services.AddScoped<SearchIndexer>();
        return services;
    }
}
