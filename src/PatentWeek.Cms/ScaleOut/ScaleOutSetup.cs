using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.WeChat.Tokens;

namespace PatentWeek.Cms.ScaleOut;

/// <summary>
/// What lets several instances serve one site: with <c>Cms:Redis</c>, the output cache, WeChat credentials and sign-in
/// limits in Redis and signals between instances; the key ring is in the database either way; forwarded headers from
/// the configured proxies; the metrics endpoint when <c>Cms:Metrics:Port</c> is set. Without any of it, one instance
/// works exactly as before.
/// </summary>
public static class ScaleOutSetup
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddCmsScaleOut(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        // Read here only to choose what to register; the options validator says what is wrong with a value.
        var options = builder.Configuration.GetSection(CmsOptions.Section).Get<CmsOptions>() ?? new CmsOptions();
        var shared = !string.IsNullOrWhiteSpace(options.Redis);

        services.AddSingleton<SharedRedis>();
        services.AddSingleton<InstanceSignals>();
        services.AddSingleton<Outbox.OutboxBacklog>();
        services.AddSingleton<CmsMetrics>();
        services.AddCmsSharedOutputCache(shared);
        if (shared)
            services.Replace(ServiceDescriptor.Singleton<IWeChatTokenCache, SharedWeChatTokenCache>());
        services.AddCmsForwardedHeaders(options.ForwardedHeaders);

        if (options.Metrics.Port is not null)
        {
            services.AddHostedService(sp => sp.GetRequiredService<Outbox.OutboxBacklog>());
            services.AddOpenTelemetry().WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(CmsMetrics.MeterName, PatentWeek.WeChat.WeChatMetrics.MeterName)
                .AddPrometheusExporter());
        }

        return builder;
    }

    /// <summary>
    /// The output cache's store becomes <see cref="SharedOutputCacheStore"/> over the framework's memory store (already
    /// registered by <c>AddOutputCache</c>) and, with Redis, the framework's Redis store on the shared connection.
    /// </summary>
    private static void AddCmsSharedOutputCache(this IServiceCollection services, bool shared)
    {
        var memory = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        ServiceDescriptor? redis = null;
        if (shared)
        {
            services.AddStackExchangeRedisOutputCache(o => o.InstanceName = SharedRedis.KeyPrefix + "page:");
            services.AddOptions<Microsoft.AspNetCore.OutputCaching.StackExchangeRedis.RedisOutputCacheOptions>().Configure<SharedRedis>((o, connection) =>
                o.ConnectionMultiplexerFactory = () => Task.FromResult(connection.Connection ?? throw new StackExchange.Redis.RedisConnectionException(
                    StackExchange.Redis.ConnectionFailureType.UnableToConnect, "Redis is not connected yet.")));
            redis = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        }

        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton<IOutputCacheStore>(sp => new SharedOutputCacheStore(
            redis is null ? null : Create(sp, redis), Create(sp, memory), sp.GetRequiredService<SharedRedis>(),
            sp.GetRequiredService<CmsMetrics>(), sp.GetRequiredService<ILogger<SharedOutputCacheStore>>()));
    }

    private static IOutputCacheStore Create(IServiceProvider services, ServiceDescriptor descriptor) => (IOutputCacheStore)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    /// <summary>
    /// <c>/metrics</c> for Prometheus, answered only on <c>Cms:Metrics:Port</c>, told by the port the connection
    /// arrived on (a Host header could name any port). First in the pipeline: no path base, no cache, no cookies.
    /// </summary>
    public static WebApplication UseCmsMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CmsOptions>>().Value.Metrics.Port is { } port)
            app.UseOpenTelemetryPrometheusScrapingEndpoint(context => context.Connection.LocalPort == port && context.Request.Path == MetricsPath);
        return app;
    }

    /// <summary>At start-up, before the first request: connects to Redis (one connect timeout at most) and subscribes.</summary>
    public static async Task StartAsync(IServiceProvider services, CmsOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Redis))
            return;
        await services.GetRequiredService<SharedRedis>().ConnectAsync(options.Redis);
        await services.GetRequiredService<InstanceSignals>().SubscribeAsync();
    }
}
