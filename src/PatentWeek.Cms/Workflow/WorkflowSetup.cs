using PatentWeek.Cms.Outbox;

namespace PatentWeek.Cms.Workflow;

public static class WorkflowSetup
{
    /// <summary>The editorial workflow, its notifications and word checks, its scheduled jobs and the trash purge.</summary>
    public static IServiceCollection AddCmsWorkflow(this IServiceCollection services)
    {
        services.AddScoped<WorkflowService>();
        services.AddSingleton<PreviewLinks>();
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<SensitiveWords>();
        services.AddScoped<IOutboxHandler, ScheduledPublishHandler>();
        services.AddScoped<IOutboxHandler, ScheduledUnpublishHandler>();
        services.AddHostedService<TrashPurger>();
        return services;
    }
}
