using System.Text.Json;

namespace PatentWeek.WeChat.Api;

/// <summary>
/// What WeChat recorded about a failed call, found by the rid of its error answer (<see cref="WeChatApiException.Rid"/>).
/// <see cref="RequestUrl"/> is the call's query string, as WeChat gives it; rids can be looked up for 7 days.
/// </summary>
public sealed record RidInfo(DateTimeOffset InvokeTime, long CostInMs, string RequestUrl, string RequestBody, string ResponseBody, string ClientIp);

/// <summary>Diagnostics of the account's own calls: <c>openapi/rid/get</c>.</summary>
public sealed class WeChatDiagnostics(WeChatApiClient api)
{
    /// <summary>The call behind <paramref name="rid"/>; WeChat answers 76001 for an unknown or expired rid, 76002 for a malformed one.</summary>
    public async Task<RidInfo> RidAsync(string rid, CancellationToken cancellationToken)
    {
        var request = (await api.PostJsonAsync("/cgi-bin/openapi/rid/get", new { rid }, cancellationToken)).GetProperty("request");
        return new RidInfo(
            DateTimeOffset.FromUnixTimeSeconds(request.GetProperty("invoke_time").GetInt64()),
            request.GetProperty("cost_in_ms").GetInt64(),
            Text(request, "request_url"),
            Text(request, "request_body"),
            Text(request, "response_body"),
            Text(request, "client_ip"));
    }

    private static string Text(JsonElement json, string name) => json.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";
}
