using System.Net;
using Microsoft.Extensions.Options;

namespace PatentWeek.WeChat.Emulator;

/// <summary>
/// Conditions of the emulated account: its IP whitelist (§8) and whether it is verified (§0). Unverified accounts
/// lost draft/* and freepublish/* in July 2025, and WeChat's material docs open material management to verified
/// accounts only; of the material APIs the emulator refuses add_material, the one drafts depend on.
/// </summary>
internal static class AccountConditions
{
    /// <summary>
    /// Runs before every <c>/cgi-bin</c> endpoint, token calls included: WeChat documents 40164 for those; whether
    /// business calls are filtered too is unconfirmed, and the emulator filters them, the stricter reading.
    /// </summary>
    public static ValueTask<object?> CheckIpAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var whitelist = http.RequestServices.GetRequiredService<IOptions<EmulatorOptions>>().Value.IpWhitelist;
        if (whitelist.Count == 0)
            return next(context);
        var caller = RidEndpoints.ClientIp(http.Connection.RemoteIpAddress) ?? IPAddress.None;
        if (whitelist.Any(entry => IPAddress.TryParse(entry, out var allowed) && RidEndpoints.ClientIp(allowed)!.Equals(caller)))
            return next(context);
        // WeChat names the caller twice: as IPv4 and as the IPv4-mapped IPv6 address.
        return ValueTask.FromResult<object?>(WeChatReply.Error(40164, $"invalid ip {caller} ipv6 {caller.MapToIPv6()}, not in whitelist"));
    }

    /// <summary>48001 for the APIs an unverified account may not call; checked after the token, before the quota counts.</summary>
    public static void RequireVerified(EmulatorOptions options, string path)
    {
        if (options.Unverified
            && (path.StartsWith("/cgi-bin/draft/", StringComparison.Ordinal)
                || path.StartsWith("/cgi-bin/freepublish/", StringComparison.Ordinal)
                || path == "/cgi-bin/material/add_material"))
            throw new WeChatFault(48001, "api unauthorized");
    }
}
