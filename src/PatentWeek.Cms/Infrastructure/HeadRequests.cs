using Microsoft.AspNetCore.Http.Features;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// <c>HEAD</c> wherever <c>GET</c> is answered: minimal APIs answer HEAD only where it is mapped, so uptime monitors
/// and link checkers saw 404 on every page. One mechanism for every route: the request runs as a GET (same status,
/// same headers, same authorization) and its body is thrown away. Kestrel still knows the request was a HEAD, so it
/// frames the answer as one. A file (static files, media) is never opened: its headers (length, type, validators)
/// are set before the send, and the send itself is what is thrown away.
/// </summary>
public static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }

            context.Request.Method = HttpMethods.Get;
            var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            var discard = new DiscardedBody(body);
            context.Features.Set<IHttpResponseBodyFeature>(discard);
            try
            {
                await next(context);
                await discard.CompleteAsync();
            }
            finally
            {
                context.Features.Set(body);
                context.Request.Method = HttpMethods.Head;
            }
        });

    /// <summary>
    /// The body thrown away. The base class's file send would copy the whole file into <see cref="Stream.Null"/>, so a
    /// HEAD on a 200 MB video read 200 MB; here the send only starts the response, as a sent file would.
    /// </summary>
    private sealed class DiscardedBody(IHttpResponseBodyFeature prior) : StreamResponseBodyFeature(Stream.Null, prior)
    {
        public override Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
            StartAsync(cancellationToken);
    }
}
