using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PatentWeek.WeChat.Push;

namespace PatentWeek.WeChat.Tests.Emulator;

/// <summary>
/// An account's server URL on a real port: every push is checked and opened with the client's
/// <see cref="WeChatPushReceiver"/> (a push it cannot verify is recorded as refused), then answered with the next
/// scripted status (200 "success" once the script runs out).
/// </summary>
public sealed class PushSink : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PushSink(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }
    public ConcurrentQueue<PushMessage> Received { get; } = new();
    public ConcurrentQueue<string> Refused { get; } = new();
    public ConcurrentQueue<int> Script { get; } = new();

    public static async Task<PushSink> StartAsync(string token, string? encodingAesKey, string appId, TimeProvider clock)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var receiver = new WeChatPushReceiver(token, encodingAesKey is null ? null : new WeChatMessageCrypt(encodingAesKey, appId), clock);
        PushSink? sink = null;
        app.MapPost("/wechat", async (HttpRequest request) =>
        {
            var q = request.Query;
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            try
            {
                sink!.Received.Enqueue(receiver.Read(new PushQuery(q["signature"], q["timestamp"], q["nonce"], null, q["encrypt_type"], q["msg_signature"]), body));
            }
            catch (WeChatCryptoException e)
            {
                sink!.Refused.Enqueue(e.Message);
                return Results.StatusCode(401);
            }

            return sink.Script.TryDequeue(out var status) ? Results.StatusCode(status) : Results.Text("success");
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sink = new PushSink(app, address + "/wechat");
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
