using System.Text;

namespace PatentWeek.Cms.Site;

/// <summary>A rendered public page: UTF-8 HTML, publicly cacheable, no cookies.</summary>
internal sealed class HtmlPage(string html, int statusCode, bool cacheable = true) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = !cacheable ? "no-store" : statusCode == StatusCodes.Status200OK ? "public, max-age=60" : "no-cache";
        await response.WriteAsync(html, Encoding.UTF8, httpContext.RequestAborted);
    }
}
