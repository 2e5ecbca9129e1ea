using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PatentWeek.Cms.Health;

public static class HealthEndpoints
{
    public static IServiceCollection AddCmsHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>
    /// <c>GET /health</c>: 200 with each check's state, 503 when one is unhealthy. Under a <c>Cms:PathBase</c> it answers
    /// both at the root (the load balancer's probe) and under the prefix (see <see cref="Infrastructure.PathBases"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapCmsHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(Infrastructure.PathBases.HealthPath, new HealthCheckOptions { ResponseWriter = WriteAsync }).ExcludeFromDescription();
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
