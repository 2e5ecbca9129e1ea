using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Admin;
using PatentWeek.Cms.Content;
using PatentWeek.Cms.Content.Import;
using PatentWeek.Cms.Delivery;
using PatentWeek.Cms.Health;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Manage;
using PatentWeek.Cms.Media;
using PatentWeek.Cms.Outbox;
using PatentWeek.Cms.Site;
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
        var services = builder.Services;
        services.AddOptions<CmsOptions>().BindConfiguration(CmsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<CmsOptions>, CmsOptionsValidator>();
        services.AddSingleton<CmsPaths>();
        services.AddSingleton<PublicUrls>();
        services.AddSingleton(TimeProvider.System);
        builder.AddCmsData();
        builder.AddCmsKeyRing();
        services.AddCmsAccounts();

        // Chinese is sent as characters, not \uXXXX or &#x…; escapes, in JSON and in HTML alike.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddCmsBadRequests();
        services.AddControlCharacterValidation();
        services.AddOpenApi(o => o.AddBearerSecurity());
        services.AddCmsHealth();

        services.AddSingleton<MarkdownRenderer>();
        services.AddCmsContent();
        services.AddScoped<ContentWriter>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<ContentExporter>();
        services.AddScoped<ContentQueries>();
        services.AddSingleton<ThemeRenderer>();
        services.AddCmsOutputCache();
        services.AddCmsAdmin();
        services.AddCmsMedia();
        builder.AddCmsWeChat();

        services.AddScoped<WorkflowService>();
        services.AddSingleton<PreviewLinks>();
        services.AddScoped<Notifier>();
        services.AddScoped<SensitiveWords>();
        services.AddScoped<OutboxWriter>();
        services.AddScoped<IOutboxHandler, ScheduledPublishHandler>();
        services.AddScoped<IOutboxHandler, ScheduledUnpublishHandler>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddHostedService<TrashPurger>();
        return builder;
    }

    public static WebApplication MapCms(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Security headers first, so every answer carries them; HEAD runs as GET wherever GET is answered.
        app.UseSecurityHeaders();
        app.UseHeadAsGet();
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

        app.MapOpenApi();
        // Everything the reference needs comes from the site (its bundled script, the system's fonts): no CDN. Its inline
        // configuration script carries a fresh nonce per response, which the security headers allow (and nothing else inline).
        // Nothing that speaks to Scalar's own servers either: no telemetry, no AI chat, no MCP, no "deploy" toolbar.
        app.MapScalarApiReference(o => o.DisableDefaultFonts().WithNonce().DisableTelemetry().DisableAgent().DisableMcp().HideDeveloperTools()
            .AddPreferredSecuritySchemes(OpenApiSecurity.Scheme));
        app.MapCmsHealth();
        app.MapDeliveryApi();
        app.MapManageApi();
        app.MapMediaApi();
        app.MapMediaFiles();
        app.MapCmsWeChat();
        app.MapRazorPages();
        app.MapSitePages();
        return app;
    }
}
