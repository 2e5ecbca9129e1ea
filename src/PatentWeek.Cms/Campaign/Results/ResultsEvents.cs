using PatentWeek.Cms.Outbox;
using PatentWeek.Cms.Site;

namespace PatentWeek.Cms.Campaign.Results;

/// <summary>A city's public results appeared or went away (the office made its accepted report public, or took it back).</summary>
public sealed record CampaignResultsChanged(int Edition, string City) : IDomainEvent
{
    public static string EventType => "campaign.results-changed";

    public string Key => $"report/{Edition}/{City}";
}

/// <summary>The pages that show results: the city's page and the home page (the province's totals).</summary>
internal sealed class ResultsCacheEviction(Microsoft.AspNetCore.OutputCaching.IOutputCacheStore cache) : IDomainEventListener<CampaignResultsChanged>
{
    public async Task HandleAsync(CampaignResultsChanged domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        await cache.EvictByTagAsync(CacheTags.City(domainEvent.City), cancellationToken);
        await cache.EvictByTagAsync(CacheTags.Home, cancellationToken);
    }
}
