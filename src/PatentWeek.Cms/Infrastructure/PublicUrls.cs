using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// The site's public address: <c>Cms:PublicBaseUrl</c>, or else the first address the server listens on, followed by
/// <c>Cms:PathBase</c> when the site is mounted under a prefix. Never read from the request, so links in feeds, WeChat
/// articles and background jobs do not depend on who asked (or on a forged Host header).
/// </summary>
public sealed class PublicUrls(IOptions<CmsOptions> options, IServer server)
{
    /// <summary>The site's root, with the path base, ending in a slash (<c>https://zscq.example.cn/zlz/</c>).</summary>
    public Uri BaseUrl
    {
        get
        {
            var address = (options.Value.PublicBaseUrl ?? ServerAddresses.First(server, "localhost") ?? "http://localhost").TrimEnd('/');
            // A public address that already names the prefix (https://portal.example.cn/zlz) is taken as it is.
            if (options.Value.PathBase is { Length: > 0 } pathBase
                && !new Uri(address).AbsolutePath.TrimEnd('/').EndsWith(pathBase, StringComparison.OrdinalIgnoreCase))
                address += pathBase;
            return new Uri(address + "/");
        }
    }

    /// <summary>The absolute URL of a site path (<c>/news/x</c> → <c>https://zscq.example.cn/zlz/news/x</c>).</summary>
    public string Absolute(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        // Appended, not resolved: a requested path such as /https://elsewhere.example/x stays a path of this site, and
        // one no URI can hold is the site's root rather than an error.
        var baseUrl = BaseUrl.AbsoluteUri;
        return Uri.TryCreate(baseUrl + path.TrimStart('/'), UriKind.Absolute, out var url) ? url.AbsoluteUri : baseUrl;
    }
}
