using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace PatentWeek.Cms.Site.Share;

/// <summary>
/// Signatures per client address and minute (<see cref="ShareOptions.SignaturesPerMinute"/>), beside the sign-in
/// limiter and with its own answer: 429 problem+json with the code <c>rate_limited</c> and Retry-After.
/// </summary>
internal sealed class ShareRateLimit(IOptions<ShareOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "share-signature";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) =>
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = "Too many share signatures asked for from this address; wait a minute.",
                Extensions = { ["code"] = "rate_limited" },
            },
        });
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return ScaleOut.SharedWindowLimiter.PerAddressPerMinute(httpContext, Name, options.Value.SignaturesPerMinute);
    }
}
