using PatentWeek.Cms.Campaign.Exports;
using PatentWeek.Cms.Campaign.Reminders;
using PatentWeek.Cms.Campaign.Results;
using PatentWeek.Cms.Outbox;

namespace PatentWeek.Cms.Campaign;

public static class CampaignSetup
{
    /// <summary>The campaign's paperwork: the cities' plans and reports, the compliance read model and the reminders.</summary>
    public static IServiceCollection AddCmsCampaign(this IServiceCollection services)
    {
        services.AddScoped<SubmissionService>();
        services.AddScoped<ComplianceQueries>();
        services.AddScoped<ProvincialSummaryQueries>();
        services.AddScoped<DeadlineExtensionService>();
        services.AddScoped<PlanEventItems>();
        services.AddScoped<CampaignSettingsService>();
        services.AddScoped<CampaignResults>();
        services.AddDomainEventListener<CampaignResultsChanged, ResultsCacheEviction>();
        services.AddOptions<CampaignOptions>().BindConfiguration(CampaignOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<IReminderSender, InAppReminderSender>();
        services.AddScoped<ReminderService>();
        services.AddScoped<IOutboxHandler, ReminderJob>();
        services.AddHostedService<ReminderSchedule>();
        return services;
    }
}
