using System.Text;
using Microsoft.AspNetCore.Diagnostics;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// What an unexpected error looks like: problem+json for the APIs, a short page in Chinese for people.
/// Never a stack trace, in any environment; the details go to the log. A database that cannot be reached is a 503
/// (<see cref="DatabaseOutage"/>): the request may succeed in a moment, and a load balancer must not count it as a crash.
/// </summary>
public static class ErrorPages
{
    internal const string Html = """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>出错了</title></head>
        <body>
        <h1>出错了</h1><p>服务器处理请求时出错，已记录。请稍后重试。</p><p><a href="/">返回首页</a></p>
        </body></html>
        """;

    internal const string UnavailableHtml = """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>服务暂时不可用</title></head>
        <body>
        <h1>服务暂时不可用</h1><p>数据库暂时无法连接，请稍后刷新重试。</p><p><a href="/">返回首页</a></p>
        </body></html>
        """;

    /// <summary>The exception handler, and inside it the handler of bad requests (a caller's mistake, never a 500).</summary>
    public static IApplicationBuilder UseCmsErrorPages(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = async context =>
            {
                var outage = DatabaseOutage.Is(context.Features.Get<IExceptionHandlerFeature>()?.Error);
                var status = outage ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
                if (outage)
                    context.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    if (outage)
                        await Problems.WriteAsync(context, status, "Service unavailable", "The database cannot be reached right now; retry shortly.", "database-unavailable");
                    else
                        await Problems.WriteAsync(context, status, "Server error", "The server failed to process the request; it has been logged.");
                    return;
                }

                // The theme's page when it renders, else this plain one (the theme itself may be what failed).
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ErrorPages));
                var html = await Site.Pages.ErrorPage.TryRenderAsync(context, logger, outage) ?? (outage ? UnavailableHtml : Html);
                context.Response.StatusCode = status;
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.Headers.CacheControl = "no-store";
                await context.Response.WriteAsync(html, Encoding.UTF8);
            },
        }).UseCmsBadRequests();
}
