using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PatentWeek.WeChat.Api;
using PatentWeek.WeChat.Emulator;
using PatentWeek.WeChat.Tokens;

namespace PatentWeek.WeChat.Tests.Emulator;

/// <summary>
/// The emulator on a real Kestrel port with a clock the test moves, its state in a folder of its own, and the
/// client wired the way an application wires it (AddWeChatClient) against that address, on the same clock.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ServiceProvider _client;

    private EmulatorHost(WebApplication app, ServiceProvider client, string baseUrl, FakeTimeProvider clock, string dataPath)
    {
        _app = app;
        _client = client;
        BaseUrl = baseUrl;
        Clock = clock;
        DataPath = dataPath;
    }

    public const string AppId = "wx5e0c3ad7a1b2c3d4";
    public const string Secret = "test-secret";

    public string BaseUrl { get; }
    public FakeTimeProvider Clock { get; }
    public string DataPath { get; }
    public IServiceProvider Emulator => _app.Services;
    public WeChatApiClient Api => _client.GetRequiredService<WeChatApiClient>();
    public WeChatDrafts Drafts => _client.GetRequiredService<WeChatDrafts>();
    public WeChatMaterials Materials => _client.GetRequiredService<WeChatMaterials>();
    public WeChatDiagnostics Diagnostics => _client.GetRequiredService<WeChatDiagnostics>();

    /// <summary>The client's token holder, for calls made over plain HTTP (answers the typed client does not read).</summary>
    public WeChatTokenHolder Tokens => _client.GetRequiredService<WeChatTokenHolder>();

    /// <summary>The client's JS-SDK ticket holder.</summary>
    public PatentWeek.WeChat.Tickets.JsApiTicketHolder Tickets => _client.GetRequiredService<PatentWeek.WeChat.Tickets.JsApiTicketHolder>();

    public static async Task<EmulatorHost> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var dataPath = Path.Combine(Path.GetTempPath(), "wechat-emulator-tests", Guid.NewGuid().ToString("N")[..12]);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A server-side failure shows in the failing test's output, not only on a console nobody keeps.
        builder.Logging.AddProvider(new TestOutputLogger(TestContext.Current.TestOutputHelper));
        builder.Services.AddWeChatEmulator(o =>
        {
            (o.AppId, o.AppSecret, o.DataPath) = (AppId, Secret, dataPath);
            configure?.Invoke(o);
        });
        builder.Services.AddSingleton<TimeProvider>(clock);
        var app = builder.Build();
        app.MapWeChatEmulator();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddWeChatClient(o => (o.ApiBaseUrl, o.AppId, o.AppSecret) = (baseUrl, AppId, Secret));
        return new EmulatorHost(app, services.BuildServiceProvider(), baseUrl, clock, dataPath);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataPath))
            Directory.Delete(DataPath, recursive: true);
    }
}
