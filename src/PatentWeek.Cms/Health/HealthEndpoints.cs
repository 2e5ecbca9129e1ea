using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PatentWeek.Cms.Health;

public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddCmsHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<RedisHealthCheck>("redis", tags: [Ready])
            .AddCheck<MediaStoreHealthCheck>("media", tags: [Ready])
            .AddCheck<OutboxHealthCheck>("outbox", tags: [Ready]);
        return services;
    }

    /// <summary>
    /// <c>GET /health/live</c>: 200 while the process answers at all (a supervisor restarts it otherwise; it checks
    /// nothing outside, so a database outage never gets every instance restarted at once). <c>GET /health/ready</c>
    /// and <c>/health</c>: each check's state, 200 when healthy or degraded (a warning), 503 when one is unhealthy, so
    /// the load balancer sends no traffic there. Under a <c>Cms:PathBase</c> they answer both at the root and under
    /// the prefix (see <see cref="Infrastructure.PathBases"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapCmsHealth(this IEndpointRouteBuilder app)
    {
        var ready = new HealthCheckOptions { ResponseWriter = WriteAsync, Predicate = c => c.Tags.Contains(Ready) };
        app.MapHealthChecks(Infrastructure.PathBases.HealthPath, ready).ExcludeFromDescription();
        app.MapHealthChecks(Infrastructure.PathBases.HealthPath + "/ready", ready).ExcludeFromDescription();
        app.MapHealthChecks(Infrastructure.PathBases.HealthPath + "/live", new HealthCheckOptions { ResponseWriter = WriteAsync, Predicate = _ => false })
            .ExcludeFromDescription();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        }, JsonSerializerOptions.Web, context.RequestAborted);
    }
}
