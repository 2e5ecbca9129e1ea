using System.Net.Http.Json;
using System.Text.Json;

namespace PatentWeek.Cms.Tests.Infrastructure;

/// <summary>One check's status in an instance's <c>/health/ready</c> report (<c>Healthy</c>, <c>Degraded</c>, <c>Unhealthy</c>).</summary>
public static class Readiness
{
    public static async Task<string?> CheckAsync(HttpClient instance, string check)
    {
        ArgumentNullException.ThrowIfNull(instance);
        using var health = await instance.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        var report = await health.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return report.GetProperty("checks").GetProperty(check).GetProperty("status").GetString();
    }
}
