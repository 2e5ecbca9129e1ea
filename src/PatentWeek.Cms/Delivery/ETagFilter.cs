using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace PatentWeek.Cms.Delivery;

/// <summary>
/// Gives every successful GET of the delivery API a strong ETag computed from the JSON it sends, and
/// answers a matching <c>If-None-Match</c> with 304. Handlers stay plain typed results.
/// </summary>
internal sealed class ETagFilter(IOptions<JsonOptions> json) : IEndpointFilter
{
    private const string CacheControl = "public, max-age=60";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (result is INestedHttpResult nested)
            result = nested.Result;
        if (result is not (IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } and IValueHttpResult { Value: { } value }))
            return result;

        var body = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json.Value.SerializerOptions);
        var etag = new EntityTagHeaderValue($"\"{Convert.ToBase64String(SHA256.HashData(body)[..16]).TrimEnd('=')}\"");
        var response = context.HttpContext.Response;
        response.Headers.ETag = etag.ToString();
        response.Headers.CacheControl = CacheControl;

        var ifNoneMatch = context.HttpContext.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);

        return TypedResults.Bytes(body, "application/json; charset=utf-8");
    }
}
