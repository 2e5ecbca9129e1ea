using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Campaign;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Health;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Manage;
using PatentWeek.Cms.Media;
using PatentWeek.Cms.Outbox;
using PatentWeek.Cms.ScaleOut;
using PatentWeek.Cms.Search;
using PatentWeek.Cms.Site;
using PatentWeek.Cms.Site.Share;
using PatentWeek.Cms.SiteHealth;
using PatentWeek.Cms.WeChat;
using PatentWeek.Cms.Workflow;
using Scalar.AspNetCore;

namespace PatentWeek.Cms;

/// <summary>The composition root, kept to one call per feature.</summary>
public static class CmsSetup
{
    public static WebApplicationBuilder AddCms(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddCmsLogging();
        builder.Services.AddCmsInfrastructure();
        builder.AddCmsData();
        builder.AddCmsKeyRing();
        builder.Services
            .AddCmsAccounts()
            .AddCmsHealth()
            .AddCmsOutbox()
            .AddCmsContent()
            .AddCmsWorkflow()
            .AddCmsCampaign()
            .AddCmsDelivery()
            .AddCmsSite()
            .AddCmsShare()
            .AddCmsAdmin()
            .AddCmsMedia();
        builder.AddCmsWeChat();
        builder.Services.AddCmsSiteHealth();
        builder.Services.AddCmsSearch();
        // Last: it wraps the output cache's store the site registered.
        builder.AddCmsScaleOut();
        return builder;
    }

    public static WebApplication MapCms(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The metrics port answers before anything else; then the client's real address and scheme from the proxy.
        app.UseCmsMetrics();
        app.UseCmsForwardedHeaders();
        // Cms:PathBase (a column under the office's portal) before everything, so links, redirects and cookie paths carry it.
        app.UseCmsPathBase();
        // Security headers first, so every answer carries them; HEAD runs as GET wherever GET is answered.
        app.UseSecurityHeaders();
        app.UseHeadAsGet();
        app.UseCmsCompression();
        // Errors become problem+json without a stack trace, in every environment.
        app.UseCmsErrorPages();
        app.UseStatusCodePages();
        app.UseThemeAssets();
        app.UseStaticFiles();
        app.UseCmsMedia();
        // Routing after the theme assets, so the catch-all 404 page never shadows a real file.
        app.UseRouting();
        app.UseUnsupportedMediaTypes();
        app.UseJsonBodyLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseOutputCache();
        app.UseConditionalGet();
        app.UseCachedCompression();

        app.MapOpenApi();
        // Everything the reference needs comes from the site (its bundled script, the system's fonts): no CDN. Its inline
        // configuration script carries a fresh nonce per response, which the security headers allow (and nothing else inline).
        // Nothing that speaks to Scalar's own servers either: no telemetry, no AI chat, no MCP, no "deploy" toolbar.
        app.MapScalarApiReference(o => o.DisableDefaultFonts().WithNonce().DisableTelemetry().DisableAgent().DisableMcp().HideDeveloperTools()
            .AddPreferredSecuritySchemes(OpenApiSecurity.Scheme));
        app.MapCmsHealth();
        app.MapDeliveryApi();
        app.MapShareApi();
        app.MapManageApi();
        app.MapCmsAccounts();
        app.MapMediaApi();
        app.MapMediaFiles();
        app.MapCmsWeChat();
        app.MapRazorPages();
        app.MapSitePages();
        return app;
    }
}
