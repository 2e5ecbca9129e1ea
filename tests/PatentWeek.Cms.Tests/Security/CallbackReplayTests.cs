using System.Globalization;
using System.Net;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;
using PatentWeek.WeChat.Push;

namespace PatentWeek.Cms.Tests.Security;

/// <summary>A CMS whose WeChat account comes from configuration, on either provider.</summary>
public abstract class ConfiguredCallbackApp(DatabaseProvider provider) : AppFixture(provider)
{
    public const string Token = "replayToken2019";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["WeChat:Emulator"] = "false",
        ["WeChat:AppId"] = "wx5e0c3ad7a1b2c3d5",
        ["WeChat:AppSecret"] = "not-used-here",
        ["WeChat:Token"] = Token,
        ["WeChat:EncodingAESKey"] = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR",
    };
}

public sealed class ConfiguredCallbackSqliteApp() : ConfiguredCallbackApp(DatabaseProvider.Sqlite);

public sealed class ConfiguredCallbackPostgresApp() : ConfiguredCallbackApp(DatabaseProvider.PostgreSql);

/// <summary>The URL check (GET) has the same replay guard as a push: a nonce seen within the window is not answered again.</summary>
public abstract class CallbackReplayTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_replayed_url_check_does_not_echo_again()
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture);
        var url = new Uri($"/wechat/callback?signature={WeChatSignature.Compute(ConfiguredCallbackApp.Token, ts, nonce)}&timestamp={ts}&nonce={nonce}&echostr=5838479218127813673", UriKind.Relative);

        using var first = await fixture.Client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("5838479218127813673", await first.Content.ReadAsStringAsync(Ct));

        using var replay = await fixture.Client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.DoesNotContain("5838479218127813673", await replay.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // A fresh nonce is a new check and is answered.
        var other = nonce + "1";
        using var fresh = await fixture.Client.GetAsync(
            new Uri($"/wechat/callback?signature={WeChatSignature.Compute(ConfiguredCallbackApp.Token, ts, other)}&timestamp={ts}&nonce={other}&echostr=42", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal("42", await fresh.Content.ReadAsStringAsync(Ct));
    }
}

public sealed class CallbackReplaySqliteTests(ConfiguredCallbackSqliteApp app) : CallbackReplayTests(app), IClassFixture<ConfiguredCallbackSqliteApp>;

public sealed class CallbackReplayPostgresTests(ConfiguredCallbackPostgresApp app) : CallbackReplayTests(app), IClassFixture<ConfiguredCallbackPostgresApp>;
