using Microsoft.AspNetCore.Http.Features;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// <c>HEAD</c> wherever <c>GET</c> is answered: minimal APIs answer HEAD only where it is mapped, so uptime monitors
/// and link checkers saw 404 on every page. One mechanism for every route: the request runs as a GET (same status,
/// same headers, same authorization) and its body is thrown away. Kestrel still knows the request was a HEAD, so it
/// frames the answer as one.
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
            var discard = new StreamResponseBodyFeature(Stream.Null, body);
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
}
