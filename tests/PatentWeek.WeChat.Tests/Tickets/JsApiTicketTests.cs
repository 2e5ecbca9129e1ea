using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PatentWeek.WeChat.Tests.Emulator;
using PatentWeek.WeChat.Tickets;

namespace PatentWeek.WeChat.Tests.Tickets;

/// <summary>
/// The JS-SDK ticket: WeChat's published signature algorithm, the emulator's <c>ticket/getticket</c> (answer shape,
/// lifetime, error codes) and the client's ticket holder against it on the emulator's clock (one call for many
/// callers, refreshed after expiry, replaced once after a rejection, a rejected access token replaced on the way).
/// </summary>
public sealed class JsApiTicketTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The worked example of the JS-SDK guide (附录1-JS-SDK使用权限签名算法).
    private const string ExampleTicket = "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg";
    private const string ExampleNonce = "Wm3WZYTPz0wzccnW";
    private const long ExampleTimestamp = 1414587457;
    private const string ExampleUrl = "http://mp.weixin.qq.com?params=value";

    [Fact]
    public void The_signature_is_the_guide_s_worked_example()
    {
        Assert.Equal("0f9de62fce790f9a083d5c99e95740ceb90c27ed", JsApiSignature.Sign(ExampleTicket, ExampleNonce, ExampleTimestamp, ExampleUrl));
    }

    [Fact]
    public void The_fragment_is_not_signed_and_the_url_is_signed_as_given()
    {
        var plain = JsApiSignature.Sign(ExampleTicket, ExampleNonce, ExampleTimestamp, ExampleUrl);
        Assert.Equal(plain, JsApiSignature.Sign(ExampleTicket, ExampleNonce, ExampleTimestamp, ExampleUrl + "#wechat_redirect"));
        // Not normalised: an escaped character or a trailing slash is another page to WeChat, and another signature.
        Assert.NotEqual(plain, JsApiSignature.Sign(ExampleTicket, ExampleNonce, ExampleTimestamp, "http://mp.weixin.qq.com/?params=value"));
        var chinese = "https://zscq.example.cn/tag/宣讲?from=timeline";
        Assert.Equal(Sha1($"jsapi_ticket={ExampleTicket}&noncestr={ExampleNonce}&timestamp={ExampleTimestamp}&url={chinese}"),
            JsApiSignature.Sign(ExampleTicket, ExampleNonce, ExampleTimestamp, chinese));
    }

    [Fact]
    public void A_configuration_carries_a_fresh_nonce_the_time_and_its_signature()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1764633600));
        var first = JsApiSignature.Configure("wx-app", ExampleTicket, ExampleUrl, clock);
        var second = JsApiSignature.Configure("wx-app", ExampleTicket, ExampleUrl, clock);
        Assert.Equal(1764633600, first.Timestamp);
        Assert.Matches("^[A-Za-z0-9]{16}$", first.NonceStr);
        Assert.NotEqual(first.NonceStr, second.NonceStr);
        Assert.Equal(Sha1($"jsapi_ticket={ExampleTicket}&noncestr={first.NonceStr}&timestamp=1764633600&url={ExampleUrl}"), first.Signature);
    }

    [Fact]
    public async Task The_emulator_answers_as_wechat_does()
    {
        await using var wx = await EmulatorHost.StartAsync();
        using var http = new HttpClient();
        var token = await wx.Tokens.GetAsync(Ct);

        var answer = await GetTicketAsync(wx, http, token, "jsapi");
        Assert.Equal(0, answer.GetProperty("errcode").GetInt32());
        Assert.Equal("ok", answer.GetProperty("errmsg").GetString());
        Assert.Equal(7200, answer.GetProperty("expires_in").GetInt32());
        var ticket = answer.GetProperty("ticket").GetString()!;
        Assert.Matches("^[A-Za-z0-9_-]{86}$", ticket);

        // The same ticket, and the full expires_in again, until it expires; then a new one.
        wx.Clock.Advance(TimeSpan.FromMinutes(100));
        var again = await GetTicketAsync(wx, http, token, "jsapi");
        Assert.Equal(ticket, again.GetProperty("ticket").GetString());
        Assert.Equal(7200, again.GetProperty("expires_in").GetInt32());
        wx.Clock.Advance(TimeSpan.FromMinutes(21));
        Assert.NotEqual(ticket, (await GetTicketAsync(wx, http, await wx.Tokens.GetAsync(Ct), "jsapi")).GetProperty("ticket").GetString());

        Assert.Equal(40097, (await GetTicketAsync(wx, http, await wx.Tokens.GetAsync(Ct), "nonsense")).GetProperty("errcode").GetInt32());
        Assert.Equal(41001, (await GetTicketAsync(wx, http, "", "jsapi")).GetProperty("errcode").GetInt32());
        Assert.Equal(40014, (await GetTicketAsync(wx, http, "no-such-token", "jsapi")).GetProperty("errcode").GetInt32());
        wx.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(42001, (await GetTicketAsync(wx, http, token, "jsapi")).GetProperty("errcode").GetInt32());

        var inspect = await InspectTicketsAsync(wx, http);
        Assert.Equal(3, inspect.GetProperty("calls").GetInt32());
        Assert.Equal(2, inspect.GetProperty("issued").GetInt32());
    }

    [Fact]
    public async Task The_holder_serves_the_emulator_s_ticket_from_its_cache()
    {
        await using var wx = await EmulatorHost.StartAsync();
        using var http = new HttpClient();

        var tickets = new List<string>();
        for (var i = 0; i < 5; i++)
            tickets.Add(await wx.Tickets.GetAsync(Ct));

        var inspect = await InspectTicketsAsync(wx, http);
        Assert.All(tickets, t => Assert.Equal(inspect.GetProperty("jsapi").GetString(), t));
        Assert.Equal(1, inspect.GetProperty("calls").GetInt32());
    }

    [Fact]
    public async Task The_holder_refreshes_ahead_of_expiry_and_takes_a_new_ticket_once_the_old_one_dies()
    {
        await using var wx = await EmulatorHost.StartAsync();
        using var http = new HttpClient();
        var first = await wx.Tickets.GetAsync(Ct);

        // Inside the 10-minute margin the holder asks again; WeChat hands back the same live ticket.
        wx.Clock.Advance(TimeSpan.FromMinutes(111));
        Assert.Equal(first, await wx.Tickets.GetAsync(Ct));
        Assert.Equal(2, (await InspectTicketsAsync(wx, http)).GetProperty("calls").GetInt32());

        // It is used until it dies (not fetched on every call meanwhile), and not a moment longer.
        wx.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(first, await wx.Tickets.GetAsync(Ct));
        Assert.Equal(2, (await InspectTicketsAsync(wx, http)).GetProperty("calls").GetInt32());
        wx.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await wx.Tickets.GetAsync(Ct);

        var inspect = await InspectTicketsAsync(wx, http);
        Assert.NotEqual(first, second);
        Assert.Equal(inspect.GetProperty("jsapi").GetString(), second);
        Assert.Equal(3, inspect.GetProperty("calls").GetInt32());
    }

    [Fact]
    public async Task Many_callers_at_once_cause_one_getticket_call()
    {
        await using var wx = await EmulatorHost.StartAsync();
        using var http = new HttpClient();
        await wx.Tokens.GetAsync(Ct);
        // A slow answer, so the callers really overlap.
        await FaultAsync(wx, http, new { path = JsApiTicketSource.Path, count = 1, delayMs = 300 });

        var tickets = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => wx.Tickets.GetAsync(Ct), Ct)));

        Assert.Single(tickets.Distinct());
        Assert.Equal(1, (await InspectTicketsAsync(wx, http)).GetProperty("calls").GetInt32());
    }

    [Fact]
    public async Task A_dead_ticket_is_replaced_once_even_when_several_callers_saw_it_refused()
    {
        await using var wx = await EmulatorHost.StartAsync();
        using var http = new HttpClient();
        var dead = await wx.Tickets.GetAsync(Ct);
        await ControlAsync(wx, http, "expire-tickets");

        var replacements = await Task.WhenAll(wx.Tickets.ReplaceAsync(dead, Ct), wx.Tickets.ReplaceAsync(dead, Ct));

        var inspect = await InspectTicketsAsync(wx, http);
        Assert.All(replacements, t => Assert.Equal(inspect.GetProperty("jsapi").GetString(), t));
        Assert.NotEqual(dead, replacements[0]);
        Assert.Equal(2, inspect.GetProperty("calls").GetInt32());
        Assert.Equal(replacements[0], await wx.Tickets.GetAsync(Ct));
    }

    [Fact]
    public async Task A_rejected_access_token_is_replaced_and_the_ticket_asked_for_again()
    {
        await using var wx = await EmulatorHost.StartAsync();
        using var http = new HttpClient();
        var token = await wx.Tokens.GetAsync(Ct);
        await ControlAsync(wx, http, "revoke-tokens"); // getticket now answers 40001 to the cached token

        var ticket = await wx.Tickets.GetAsync(Ct);

        Assert.Equal((await InspectTicketsAsync(wx, http)).GetProperty("jsapi").GetString(), ticket);
        Assert.NotEqual(token, await wx.Tokens.GetAsync(Ct));
    }

    [Fact]
    public async Task An_error_answer_is_thrown_with_its_code_and_nothing_is_cached()
    {
        await using var wx = await EmulatorHost.StartAsync();
        using var http = new HttpClient();
        await FaultAsync(wx, http, new { path = JsApiTicketSource.Path, count = 1, errCode = 45009 });

        var error = await Assert.ThrowsAsync<WeChatApiException>(() => wx.Tickets.GetAsync(Ct));
        Assert.Equal(45009, error.ErrCode);
        var ticket = await wx.Tickets.GetAsync(Ct);
        Assert.Equal((await InspectTicketsAsync(wx, http)).GetProperty("jsapi").GetString(), ticket);
    }

    private static async Task<JsonElement> GetTicketAsync(EmulatorHost wx, HttpClient http, string token, string type)
    {
        var url = new Uri($"{wx.BaseUrl.TrimEnd('/')}/cgi-bin/ticket/getticket?access_token={Uri.EscapeDataString(token)}&type={type}");
        return await http.GetFromJsonAsync<JsonElement>(url, Ct);
    }

    private static async Task<JsonElement> InspectTicketsAsync(EmulatorHost wx, HttpClient http) =>
        (await http.GetFromJsonAsync<JsonElement>(new Uri(wx.BaseUrl.TrimEnd('/') + "/inspect"), Ct)).GetProperty("tickets");

    private static async Task FaultAsync(EmulatorHost wx, HttpClient http, object fault)
    {
        using var response = await http.PostAsJsonAsync(new Uri(wx.BaseUrl.TrimEnd('/') + "/_emulator/faults"), fault, Ct);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }

    private static async Task ControlAsync(EmulatorHost wx, HttpClient http, string control)
    {
        using var response = await http.PostAsync(new Uri(wx.BaseUrl.TrimEnd('/') + "/_emulator/" + control), null, Ct);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>The test's own SHA-1 in hex, independent of the code under test.</summary>
#pragma warning disable CA5350 // SHA-1 is what the JS-SDK specifies.
    private static string Sha1(string text) => string.Concat(SHA1.HashData(Encoding.UTF8.GetBytes(text)).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
#pragma warning restore CA5350
}
