namespace PatentWeek.Cms.Outbox;

public static class OutboxSetup
{
    /// <summary>The writer that adds jobs to a unit of work and the dispatcher that runs them; features add their own handlers.</summary>
    public static IServiceCollection AddCmsOutbox(this IServiceCollection services)
    {
        services.AddScoped<OutboxWriter>();
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }
}
