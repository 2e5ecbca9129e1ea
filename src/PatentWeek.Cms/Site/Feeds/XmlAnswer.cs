namespace PatentWeek.Cms.Site.Feeds;

/// <summary>
/// A feed, sitemap or robots.txt: the bytes, their type and a short browser cache. The validators come from
/// <see cref="ConditionalGet"/> like every page's: a strong ETag per encoding, and the time of the render as
/// Last-Modified. Not the newest entry's date: an unpublish makes a feed's newest entry older, and a Last-Modified
/// that went back would answer a reader's If-Modified-Since with 304 for a feed that changed.
/// </summary>
internal sealed class XmlAnswer(byte[] body, string contentType) : IResult
{
    private const string CacheControl = "public, max-age=60";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers.CacheControl = CacheControl;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
