using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace PatentWeek.Cms.Site.Feeds;

/// <summary>
/// A feed, sitemap or robots.txt: bytes with a strong ETag (the hash of the bytes, as the delivery API's
/// <c>ETagFilter</c> makes it) and the newest change as Last-Modified, so a reader polling the feed gets a 304.
/// The output cache keeps both headers and answers a matching <c>If-None-Match</c> with 304 itself on a hit.
/// </summary>
internal sealed class XmlAnswer(byte[] body, string contentType, DateTimeOffset? lastModified) : IResult
{
    private const string CacheControl = "public, max-age=60";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var etag = new EntityTagHeaderValue($"\"{Convert.ToBase64String(SHA256.HashData(body)[..16]).TrimEnd('=')}\"");
        var response = httpContext.Response;
        response.Headers.ETag = etag.ToString();
        response.Headers.CacheControl = CacheControl;
        // HTTP dates have whole seconds; a later fraction would make every If-Modified-Since look stale.
        var modified = lastModified is { } t ? DateTimeOffset.FromUnixTimeSeconds(t.ToUnixTimeSeconds()) : (DateTimeOffset?)null;
        if (modified is { } m)
            response.GetTypedHeaders().LastModified = m;

        if (NotModified(httpContext.Request.GetTypedHeaders(), etag, modified))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    /// <summary>If-None-Match decides when present (RFC 9110 §13.2.2); If-Modified-Since only without it.</summary>
    private static bool NotModified(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset? modified)
    {
        if (request.IfNoneMatch is { Count: > 0 } tags)
            return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
        return modified is { } m && request.IfModifiedSince is { } since && m <= since;
    }
}
