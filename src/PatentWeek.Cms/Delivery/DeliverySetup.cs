namespace PatentWeek.Cms.Delivery;

public static class DeliverySetup
{
    /// <summary>The public read side: the published site in memory, and the queries behind the delivery API and the site.</summary>
    public static IServiceCollection AddCmsDelivery(this IServiceCollection services)
    {
        services.AddSingleton<Published.PublishedSite>();
        services.AddScoped<ContentQueries>();
        return services;
    }
}
