namespace PatentWeek.Cms.Campaign;

public static class CampaignSetup
{
    /// <summary>The campaign's paperwork: the cities' plans and reports.</summary>
    public static IServiceCollection AddCmsCampaign(this IServiceCollection services)
    {
        services.AddScoped<SubmissionService>();
        services.AddScoped<ComplianceQueries>();
        return services;
    }
}
