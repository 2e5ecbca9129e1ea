using System.Text;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// What an unexpected error looks like: problem+json for the APIs, a short page in Chinese for people.
/// Never a stack trace, in any environment; the details go to the log.
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

    /// <summary>The exception handler, and inside it the handler of bad requests (a caller's mistake, never a 500).</summary>
    public static IApplicationBuilder UseCmsErrorPages(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = async context =>
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    await Problems.WriteAsync(context, StatusCodes.Status500InternalServerError, "Server error", "The server failed to process the request; it has been logged.");
                    return;
                }

                // The theme's page when it renders, else this plain one (the theme itself may be what failed).
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ErrorPages));
                var html = await Site.Pages.ErrorPage.TryRenderAsync(context, logger) ?? Html;
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.Headers.CacheControl = "no-store";
                await context.Response.WriteAsync(html, Encoding.UTF8);
            },
        }).UseCmsBadRequests();
}
