using System.Net;
using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;

namespace PatentWeek.Cms.Infrastructure;

/// <summary>
/// What an unexpected error looks like: problem+json for the APIs, a short page in Chinese for people.
/// Never a stack trace, in any environment; the details go to the log. Two server conditions get their own status:
/// a database that cannot be reached is a 503 with <c>Retry-After</c> (<see cref="DatabaseOutage"/>: the request may
/// succeed in a moment, and a load balancer must not count it as a crash), and a full disk is a 507.
/// </summary>
public static class ErrorPages
{
    /// <summary>One kind of failure: its status, the API's English and stable code, and the page's Chinese.</summary>
    internal sealed record Failure(int Status, string Title, string Detail, string? Code, string Heading, string Text);

    internal static readonly Failure ServerError = new(StatusCodes.Status500InternalServerError, "Server error",
        "The server failed to process the request; it has been logged.", null, "出错了", "服务器处理请求时出错，已记录。请稍后重试。");

    private static readonly Failure Unavailable = new(StatusCodes.Status503ServiceUnavailable, "Service unavailable",
        "The database cannot be reached right now; retry shortly.", "database-unavailable", "服务暂时不可用", "数据库暂时无法连接，请稍后刷新重试。");

    private static readonly Failure StorageFull = new(StatusCodes.Status507InsufficientStorage, "Insufficient storage",
        "The server's storage is full; nothing of the request was kept.", "insufficient-storage", "存储空间已满", "服务器存储空间已满，本次操作未保存。请联系网站管理员。");

    internal static Failure Of(Exception? error) =>
        DatabaseOutage.Is(error) ? Unavailable : IsStorageFull(error) ? StorageFull : ServerError;

    private static bool IsStorageFull(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            // SQLITE_FULL; PostgreSQL's disk_full (53100); ENOSPC or a quota anywhere else.
            if (e is SqliteException { SqliteErrorCode: 13 } || e is Npgsql.PostgresException { SqlState: "53100" } || e is IOException io && DiskFull.Is(io))
                return true;
        }

        return false;
    }

    /// <summary>The plain page, for when the theme cannot render its own (the theme itself may be what failed).</summary>
    internal static string Html(string heading, string text, string pathBase) => $"""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{WebUtility.HtmlEncode(heading)}</title></head>
        <body>
        <h1>{WebUtility.HtmlEncode(heading)}</h1><p>{WebUtility.HtmlEncode(text)}</p><p><a href="{WebUtility.HtmlEncode(pathBase)}/">返回首页</a></p>
        </body></html>
        """;

    /// <summary>The exception handler, and inside it the handler of bad requests (a caller's mistake, never a 500).</summary>
    public static IApplicationBuilder UseCmsErrorPages(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = async context =>
            {
                var failure = Of(context.Features.Get<IExceptionHandlerFeature>()?.Error);
                if (failure == Unavailable)
                    context.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    await Problems.WriteAsync(context, failure.Status, failure.Title, failure.Detail, failure.Code);
                    return;
                }

                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ErrorPages));
                var html = await Site.Pages.ErrorPage.TryRenderAsync(context, logger, failure.Heading, failure.Text) ?? Html(failure.Heading, failure.Text, context.Request.PathBase.Value ?? "");
                context.Response.StatusCode = failure.Status;
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.Headers.CacheControl = "no-store";
                await context.Response.WriteAsync(html, Encoding.UTF8);
            },
        }).UseCmsBadRequests();
}
