using Microsoft.AspNetCore.Hosting.Server;
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
            var address = options.Value.PublicBaseUrl ?? ServerAddresses.First(server, "localhost") ?? "http://localhost";
            return new Uri(address.EndsWith('/') ? address : address + "/");
        }
    }

    public string Absolute(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new Uri(BaseUrl, path.TrimStart('/')).ToString();
    }
}
