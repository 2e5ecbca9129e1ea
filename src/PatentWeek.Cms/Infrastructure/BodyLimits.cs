using Microsoft.AspNetCore.Http.Metadata;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>The most a JSON request body of an endpoint (or a whole group) may be; see <see cref="BodyLimits"/>.</summary>
public sealed record JsonBodyLimit(long Bytes);

/// <summary>
/// JSON bodies on the APIs are capped to what the largest legal request of their group needs (413 beyond), so a
/// 10 MB body with its bulk in an unknown field is refused instead of read. Uploads (multipart) keep their own,
/// per-type limits. A declared length over the cap is refused before reading; a chunked body is cut off the
/// moment it passes the cap.
/// </summary>
public static class BodyLimits
{
    /// <summary>Enough for every small request (sign-in, comments, schedules, media fields, WeChat posts).</summary>
    public const long DefaultJsonBytes = 64 * 1024;

    public static TBuilder WithJsonBodyLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new JsonBodyLimit(bytes));

    /// <summary>After routing, so the endpoint's limit is known.</summary>
    public static IApplicationBuilder UseJsonBodyLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (LimitOf(context) is { } limit)
            {
                if (context.Request.ContentLength > limit)
                {
                    await Problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Too large", TooLarge(limit));
                    return;
                }

                context.Request.Body = new CappedStream(context.Request.Body, limit);
            }

            await next(context);
        });

    private static long? LimitOf(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api") || !(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)))
            return null;
        var endpoint = context.GetEndpoint();
        if (endpoint is null)
            return DefaultJsonBytes;
        if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts
            && accepts.ContentTypes.Any(t => t.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)))
            return null;
        return endpoint.Metadata.GetMetadata<JsonBodyLimit>()?.Bytes ?? DefaultJsonBytes;
    }

    private static string TooLarge(long limit) => $"The request body is larger than this endpoint takes ({limit / 1024} KB).";

    /// <summary>
    /// Reads through to the request body and refuses (413) the byte past the cap. Not <c>RequestSizeLimit</c> metadata:
    /// routing applies that through the server's <c>IHttpMaxRequestBodySizeFeature</c>, which Kestrel has but the
    /// in-process test server does not, so the limit would hold in production and silently not in every test of it.
    /// This stream holds the same under any server.
    /// </summary>
    private sealed class CappedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw new BadHttpRequestException(TooLarge(limit), StatusCodes.Status413PayloadTooLarge) : read;
        }
    }
}
