namespace PatentWeek.Cms.Site.Share;

/// <summary>Why a URL was not signed: a stable code for the problem answer and an English sentence.</summary>
public sealed record UrlRefusal(string Code, string Detail);

/// <summary>
/// Which page addresses the site signs for the JS-SDK: only its own (the <c>Cms:PublicBaseUrl</c> host and port,
/// under its path or else the request's PathBase), so the endpoint is no signing service for other sites sharing
/// the account's JS safe domain. The page is returned exactly as the browser sent it, minus the #fragment:
/// WeChat compares the signature with <c>location.href</c>, so normalising it would break the signature.
/// </summary>
public static class SharedPageUrl
{
    /// <summary>Far past any page of the site; longer values are refused before they are parsed.</summary>
    public const int MaxLength = 2048;

    public static bool TryPage(string? url, Uri publicBase, string? pathBase, out string page, out UrlRefusal? refusal)
    {
        ArgumentNullException.ThrowIfNull(publicBase);
        page = "";
        refusal = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            refusal = new UrlRefusal("url_missing", "Give the page's address as url (location.href without its #fragment).");
            return false;
        }

        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var candidate = hash < 0 ? url : url[..hash];
        if (candidate.Length > MaxLength || candidate.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            || !Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.UserInfo.Length > 0)
        {
            refusal = new UrlRefusal("url_invalid", $"url must be an absolute http or https address of at most {MaxLength} characters, without spaces or user info.");
            return false;
        }

        var root = publicBase.AbsolutePath.TrimEnd('/');
        if (root.Length == 0)
            root = (pathBase ?? "").TrimEnd('/');
        var samePort = uri.Port == publicBase.Port || (uri.IsDefaultPort && publicBase.IsDefaultPort);
        var underRoot = root.Length == 0 || uri.AbsolutePath == root || uri.AbsolutePath.StartsWith(root + "/", StringComparison.Ordinal);
        if (!string.Equals(uri.IdnHost, publicBase.IdnHost, StringComparison.OrdinalIgnoreCase) || !samePort || !underRoot)
        {
            refusal = new UrlRefusal("url_not_this_site", $"Only pages of this site ({publicBase.GetLeftPart(UriPartial.Authority)}{root}/…) are signed.");
            return false;
        }

        page = candidate;
        return true;
    }
}
