namespace PatentWeek.Cms.Outbox;

public static class OutboxSetup
{
    /// <summary>
    /// The writer that adds jobs to a unit of work, the domain events raised through it, and the dispatcher that runs
    /// them (one instance: the loop in the background, and right after a commit for the events it saved), and the purge
    /// of finished rows; features add their own handlers.
    /// </summary>
    public static IServiceCollection AddCmsOutbox(this IServiceCollection services)
    {
        services.AddScoped<OutboxWriter>();
        services.AddScoped<DomainEvents>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
        services.AddSingleton<OutboxPurger>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxPurger>());
        return services;
    }
}
