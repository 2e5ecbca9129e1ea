using System.Net.Http.Json;
using System.Text.Json;

namespace PatentWeek.WeChat.Tests.Emulator;

/// <summary>The emulator's token rules (§1, §10), over plain HTTP on its controllable clock.</summary>
public sealed class EmulatorTokenTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_classic_token_supersedes_the_old_one_after_five_minutes()
    {
        await using var wx = await EmulatorHost.StartAsync();
        using var http = new HttpClient();
        var first = await ClassicAsync(wx, http);
        var second = await ClassicAsync(wx, http);
        Assert.NotEqual(first, second);
        Assert.Equal(0, await CountAsync(wx, http, first)); // still inside the grace
        wx.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(40001, await CountAsync(wx, http, first));
        Assert.Equal(0, await CountAsync(wx, http, second));
    }

    [Fact]
    public async Task Stable_normal_mode_keeps_its_token_and_the_families_do_not_touch_each_other()
    {
        await using var wx = await EmulatorHost.StartAsync();
        using var http = new HttpClient();
        var stable = await StableAsync(wx, http, force: false);
        Assert.NotNull(stable.Token);
        Assert.Equal(stable.Token, (await StableAsync(wx, http, force: false)).Token);
        await ClassicAsync(wx, http);
        await ClassicAsync(wx, http);
        wx.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await CountAsync(wx, http, stable.Token!)); // classic tokens never supersede stable ones

        wx.Clock.Advance(TimeSpan.FromSeconds(7200 - 600 - 240)); // 4 minutes before expiry
        var rotated = await StableAsync(wx, http, force: false);
        Assert.NotEqual(stable.Token, rotated.Token);
        Assert.Equal(0, await CountAsync(wx, http, stable.Token!)); // the old one overlaps for a while
        wx.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(42001, await CountAsync(wx, http, stable.Token!));
    }

    [Fact]
    public async Task Force_mode_kills_the_old_token_is_spaced_30_s_and_rationed_to_20_a_day()
    {
        await using var wx = await EmulatorHost.StartAsync();
        using var http = new HttpClient();
        var old = (await StableAsync(wx, http, force: false)).Token!;
        wx.Clock.Advance(TimeSpan.FromSeconds(31));
        var forced = (await StableAsync(wx, http, force: true)).Token;
        Assert.Equal(40001, await CountAsync(wx, http, old));
        Assert.Equal(forced, (await StableAsync(wx, http, force: true)).Token); // within 30 s: no new token

        for (var i = 1; i < 20; i++)
        {
            wx.Clock.Advance(TimeSpan.FromSeconds(31));
            Assert.Null((await StableAsync(wx, http, force: true)).ErrCode);
        }

        wx.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(45009, (await StableAsync(wx, http, force: true)).ErrCode);
    }

    [Fact]
    public async Task Business_calls_tell_missing_unknown_and_expired_tokens_apart()
    {
        await using var wx = await EmulatorHost.StartAsync();
        using var http = new HttpClient();
        Assert.Equal(41001, (await http.GetFromJsonAsync<JsonElement>(wx.BaseUrl + "/cgi-bin/draft/count", Ct)).GetProperty("errcode").GetInt32());
        Assert.Equal(40014, await CountAsync(wx, http, "made-up"));
        var token = await ClassicAsync(wx, http);
        wx.Clock.Advance(TimeSpan.FromSeconds(7201));
        Assert.Equal(42001, await CountAsync(wx, http, token));
        var wrong = await http.GetFromJsonAsync<JsonElement>($"{wx.BaseUrl}/cgi-bin/token?grant_type=client_credential&appid={EmulatorHost.AppId}&secret=wrong", Ct);
        Assert.Equal(40125, wrong.GetProperty("errcode").GetInt32());
    }

    private static async Task<string> ClassicAsync(EmulatorHost wx, HttpClient http) =>
        (await http.GetFromJsonAsync<JsonElement>($"{wx.BaseUrl}/cgi-bin/token?grant_type=client_credential&appid={EmulatorHost.AppId}&secret={EmulatorHost.Secret}", Ct))
            .GetProperty("access_token").GetString()!;

    private static async Task<(string? Token, int? ErrCode)> StableAsync(EmulatorHost wx, HttpClient http, bool force)
    {
        using var response = await http.PostAsJsonAsync(wx.BaseUrl + "/cgi-bin/stable_token",
            new { grant_type = "client_credential", appid = EmulatorHost.AppId, secret = EmulatorHost.Secret, force_refresh = force }, Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return json.TryGetProperty("errcode", out var code) ? (null, code.GetInt32()) : (json.GetProperty("access_token").GetString(), null);
    }

    /// <summary>draft/count with a token: 0 (the count) when it works, else the errcode.</summary>
    private static async Task<int> CountAsync(EmulatorHost wx, HttpClient http, string token)
    {
        var json = await http.GetFromJsonAsync<JsonElement>($"{wx.BaseUrl}/cgi-bin/draft/count?access_token={Uri.EscapeDataString(token)}", Ct);
        return json.TryGetProperty("errcode", out var code) ? code.GetInt32() : json.GetProperty("total_count").GetInt32();
    }
}
