using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.BrowserTests;

/// <summary>The real host on a real Kestrel port on 127.0.0.1, on a database of its own, for a browser to visit.</summary>
public sealed class LiveCms : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private LiveCms(TestDatabase database, CmsApp app, string baseUrl)
    {
        _database = database;
        App = app;
        BaseUrl = baseUrl;
    }

    public CmsApp App { get; }
    public string BaseUrl { get; }

    public static async Task<LiveCms> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null, TestClock? clock = null)
    {
        if (AppFixture.UnavailableReason(provider) is { } reason)
            Assert.Skip(reason);
        var database = await TestDatabase.CreateAsync(provider);
        var app = new CmsApp(database, settings, clock);
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LiveCms(database, app, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await _database.DisposeAsync();
    }
}
