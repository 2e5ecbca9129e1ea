using PatentWeek.Cms.Content;
using PatentWeek.Cms.Media;
using PatentWeek.Cms.Outbox;
using PatentWeek.Cms.Site.Themes;
using PatentWeek.Cms.Site.Feeds;
using PatentWeek.Cms.WeChat;

namespace PatentWeek.Cms.Site;

public static class SiteSetup
{
    /// <summary>
    /// The public site: its themes and the output cache in front of it (and of the delivery API), evicted by one
    /// handler of the events that change what the public sees.
    /// </summary>
    public static IServiceCollection AddCmsSite(this IServiceCollection services)
    {
        services.AddSingleton<ThemeCatalog>().AddSingleton<AssetFingerprints>().AddSingleton<ThemeRenderer>();
        services.AddSingleton<SiteIdentity>().AddScoped<SiteIdentityAdmin>();
        services.AddScoped<Pages.SitePageRenderer>();
        services.Configure<RouteOptions>(o => o.SetParameterPolicy<KindRouteConstraint>(KindRouteConstraint.Name));
        services.AddCmsOutputCache();
        services.AddSiteFeeds();
        services.AddDomainEventListener<ContentPublished, PublicCacheEviction>();
        services.AddDomainEventListener<ContentUnpublished, PublicCacheEviction>();
        services.AddDomainEventListener<ContentChanged, PublicCacheEviction>();
        services.AddDomainEventListener<ContentTrashed, PublicCacheEviction>();
        services.AddDomainEventListener<MediaRendered, PublicCacheEviction>();
        services.AddDomainEventListener<MediaChanged, PublicCacheEviction>();
        services.AddDomainEventListener<CrossPostPublished, PublicCacheEviction>();
        services.AddDomainEventListener<EditionThemeChanged, PublicCacheEviction>();
        services.AddDomainEventListener<SiteIdentityChanged, PublicCacheEviction>();
        services.AddDomainEventListener<ContentImported, PublicCacheEviction>();
        return services;
    }
}
