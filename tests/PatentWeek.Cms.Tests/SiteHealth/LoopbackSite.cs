using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PatentWeek.Cms.Tests.SiteHealth;

/// <summary>
/// A real Kestrel server on 127.0.0.1 standing in for the sites a page links to (there is no internet here):
/// <c>/ok</c> answers 200, <c>/missing</c> 404, <c>/error</c> 500; extra paths can be given their own HTML.
/// It counts the requests per path, so a test can see each link is asked once.
/// </summary>
public sealed class LoopbackSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackSite(WebApplication app) => _app = app;

    public ConcurrentDictionary<string, int> Requests { get; } = new(StringComparer.Ordinal);

    public Uri BaseUrl { get; private set; } = null!;

    public string Url(string path) => new Uri(BaseUrl, path).ToString();

    public static async Task<LoopbackSite> StartAsync(IReadOnlyDictionary<string, string>? pages = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var site = new LoopbackSite(app);
        app.Use(async (context, next) =>
        {
            site.Requests.AddOrUpdate($"{context.Request.Method} {context.Request.Path}", 1, (_, n) => n + 1);
            await next(context);
        });
        app.MapMethods("/ok", ["GET", "HEAD"], () => Results.Text("ok"));
        app.MapMethods("/missing", ["GET", "HEAD"], () => Results.NotFound());
        app.MapMethods("/error", ["GET", "HEAD"], () => Results.StatusCode(StatusCodes.Status500InternalServerError));
        foreach (var (path, html) in pages ?? new Dictionary<string, string>())
            app.MapMethods(path, ["GET", "HEAD"], () => Results.Content(html, "text/html; charset=utf-8"));
        await app.StartAsync(TestContext.Current.CancellationToken);
        site.BaseUrl = new Uri(app.Urls.First() + "/");
        return site;
    }

    /// <summary>An address on loopback where nothing listens: a port just freed.</summary>
    public static string RefusingUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/";
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
