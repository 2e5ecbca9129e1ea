using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace PatentWeek.Cms.Site;

/// <summary>
/// ETag, Last-Modified and 304 for every answer of the <see cref="OutputCaching.PublicPolicy"/> (pages and feeds),
/// whatever result type its handler returns. The policy marks the request; this middleware, inside the output cache,
/// buffers the marked answer, gives a 200 a strong ETag from its bytes (unless the handler set one) and a
/// Last-Modified (unless the handler set one: the time it was rendered), and answers a matching
/// <c>If-None-Match</c> or a not-older <c>If-Modified-Since</c> with 304. The output cache stores those headers with
/// the entry, and answers conditional requests on a hit with 304 itself, without calling the handler.
/// </summary>
/// <remarks>The delivery API has its own <see cref="Delivery.ETagFilter"/>, computed from the JSON value.</remarks>
public static class ConditionalGet
{
    private static readonly object Marker = new();

    /// <summary>Runs inside <c>UseOutputCache</c>, so what it sets is what the cache keeps.</summary>
    public static IApplicationBuilder UseConditionalGet(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!context.Items.ContainsKey(Marker) || !HttpMethods.IsGet(context.Request.Method))
            {
                await next(context);
                return;
            }

            var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            using var buffer = new MemoryStream();
            var buffered = new StreamResponseBodyFeature(buffer);
            context.Features.Set<IHttpResponseBodyFeature>(buffered);
            try
            {
                await next(context);
                await buffered.CompleteAsync();
            }
            finally
            {
                context.Features.Set(original);
            }

            var response = context.Response;
            if (response.StatusCode == StatusCodes.Status200OK && !IsNoStore(response) && Validate(context, buffer))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }

            response.ContentLength = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(response.Body, context.RequestAborted);
        });

    /// <summary>Sets the validators on a 200 and tells whether the request's conditions say the client already has it.</summary>
    private static bool Validate(HttpContext context, MemoryStream body)
    {
        var headers = context.Response.GetTypedHeaders();
        if (headers.ETag is null)
        {
            var hash = SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length));
            headers.ETag = new EntityTagHeaderValue($"\"{Convert.ToBase64String(hash, 0, 16).TrimEnd('=')}\"");
        }

        // HTTP dates have whole seconds; a finer value would never compare equal to what the client sends back.
        var now = DateTimeOffset.UtcNow;
        headers.LastModified ??= new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

        var request = context.Request.GetTypedHeaders();
        // RFC 9110 13.1.3: If-Modified-Since is ignored when If-None-Match is present.
        if (request.IfNoneMatch is { Count: > 0 } tags)
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(headers.ETag, useStrongComparison: false));
        return request.IfModifiedSince is { } since && headers.LastModified <= since;
    }

    private static bool IsNoStore(HttpResponse response) =>
        response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase);

    /// <summary>The output cache policy part that marks a request for <see cref="UseConditionalGet"/>.</summary>
    internal sealed class Policy : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            context.HttpContext.Items[Marker] = true;
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
    }
}
