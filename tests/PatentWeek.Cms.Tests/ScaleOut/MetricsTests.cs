using System.Net;
using Microsoft.AspNetCore.TestHost;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.ScaleOut;

/// <summary>
/// The Prometheus endpoint answers only on <c>Cms:Metrics:Port</c>, told by the port the connection came in on; through
/// the site's own port <c>/metrics</c> is an ordinary missing page, whatever the Host header says.
/// </summary>
public sealed class MetricsTests
{
    private const int Port = 9464;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_answer_on_their_port_only_with_the_cache_outbox_and_request_instruments()
    {
        await using var database = new SqliteTestDatabase();
        await using var app = new CmsApp(database, new Dictionary<string, string?> { ["Cms:Metrics:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var site = app.CreateClient();
        for (var n = 0; n < 3; n++)
            (await site.GetAsync(new Uri("/", UriKind.Relative), Ct)).Dispose();

        using var metricsPort = new HttpClient(app.Server.CreateHandler(c => c.Connection.LocalPort = Port)) { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };
        string text = "";
        await Eventually.TrueAsync(async () =>
        {
            text = await metricsPort.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct);
            return text.Contains("cms_output_cache_lookups", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(10));
        Assert.Contains("result=\"hit\"", text, StringComparison.Ordinal);
        Assert.Contains("cms_outbox_due", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration", text, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Host = $"127.0.0.1:{Port}";
        using var outside = await site.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }
}
