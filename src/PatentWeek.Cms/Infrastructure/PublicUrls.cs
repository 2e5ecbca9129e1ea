using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// The site's public address: <c>Cms:PublicBaseUrl</c>, or else the first address the server listens on.
/// Never read from the request, so links in feeds, WeChat articles and background jobs do not depend
/// on who asked (or on a forged Host header).
/// </summary>
public sealed class PublicUrls(IOptions<CmsOptions> options, IServer server)
{
    public Uri BaseUrl
    {
        get
        {
            var configured = options.Value.PublicBaseUrl;
            var address = configured
                ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? "http://localhost";
            // Kestrel reports wildcard bindings as http://[::]:80 or http://+:80; those are not addresses.
            address = address.Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://[::]", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
            return new Uri(address.EndsWith('/') ? address : address + "/");
        }
    }

    public string Absolute(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new Uri(BaseUrl, path.TrimStart('/')).ToString();
    }
}
