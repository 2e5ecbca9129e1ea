namespace PatentWeek.Cms.Delivery;

public static class DeliverySetup
{
    /// <summary>The public read side: the queries behind the delivery API and the site.</summary>
    public static IServiceCollection AddCmsDelivery(this IServiceCollection services)
    {
        services.AddScoped<ContentQueries>();
        return services;
    }
}
