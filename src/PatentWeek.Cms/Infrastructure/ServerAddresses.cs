using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>The first address the server listens on, with Kestrel's wildcard bindings (http://[::]:80, http://+:80) made callable.</summary>
public static class ServerAddresses
{
    /// <param name="host">The host that stands for "every interface": <c>localhost</c> for links, <c>127.0.0.1</c> for calls to ourselves.</param>
    /// <returns>Without a trailing slash; null when the server reports no address (a test server).</returns>
    public static string? First(IServer server, string host)
    {
        ArgumentNullException.ThrowIfNull(server);
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return address?.TrimEnd('/')
            .Replace("://+", "://" + host, StringComparison.Ordinal)
            .Replace("://*", "://" + host, StringComparison.Ordinal)
            .Replace("://[::]", "://" + host, StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://" + host, StringComparison.Ordinal);
    }
}
