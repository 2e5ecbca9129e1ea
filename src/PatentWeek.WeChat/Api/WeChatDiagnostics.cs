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
        var request = (await api.PostJsonAsync<RidAnswer>("/cgi-bin/openapi/rid/get", new { rid }, cancellationToken)).Request;
        return new RidInfo(request.InvokeTime, request.CostInMs, request.RequestUrl ?? "", request.RequestBody ?? "", request.ResponseBody ?? "", request.ClientIp ?? "");
    }
}
