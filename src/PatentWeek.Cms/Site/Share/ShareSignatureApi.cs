using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.WeChat;
using PatentWeek.WeChat;
using PatentWeek.WeChat.Tickets;

namespace PatentWeek.Cms.Site.Share;

/// <summary>What <c>wx.config</c> needs for one page: camelCase, as the JS-SDK names the fields.</summary>
public sealed record ShareSignatureDto(string AppId, long Timestamp, string NonceStr, string Signature);

/// <summary>
/// <c>GET /api/v1/share/signature?url=…</c>: the JS-SDK signature for a page of this site, so that WeChat shows a
/// card (title, summary, cover) when a reader shares it. The theme's script asks for it, so pages stay the same for
/// everyone and cacheable; the answer itself is per request (a fresh nonce and time), never cached, and
/// rate-limited per client address. Without a WeChat account to sign with, 503 and the script does nothing.
/// </summary>
public static partial class ShareSignatureApi
{
    public const string Path = "/api/v1/share/signature";

    public static IServiceCollection AddCmsShare(this IServiceCollection services)
    {
        services.AddOptions<ShareOptions>().BindConfiguration(ShareOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, ShareRateLimit>(ShareRateLimit.Name));
        return services;
    }

    public static IEndpointRouteBuilder MapShareApi(this IEndpointRouteBuilder app)
    {
        // Outside the delivery API's cached, ETagged group: every answer is new.
        app.MapGet(Path, Sign).WithTags("Share").WithName("SignSharePage")
            .WithSummary("The WeChat JS-SDK signature (wx.config) for a page of this site")
            .RequireRateLimiting(ShareRateLimit.Name)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public static async Task<Results<Ok<ShareSignatureDto>, ProblemHttpResult>> Sign(
        [FromQuery(Name = "url"), Description("The page's address as the browser has it (location.href); a #fragment is dropped")] string? url,
        PublicUrls urls, WeChatAccounts accounts, TimeProvider time, HttpContext http, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.CacheControl = "no-store";
        if (!SharedPageUrl.TryPage(url, urls.BaseUrl, http.Request.PathBase.Value, out var page, out var refusal))
            return Problem(StatusCodes.Status400BadRequest, "Bad request", refusal!.Code, refusal.Detail);

        var account = await accounts.CurrentAsync(cancellationToken);
        if (!account.CanCall)
            return Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", "wechat_not_configured", "No WeChat account is configured to sign share cards.");
        try
        {
            var ticket = await accounts.Client(account).Tickets.GetAsync(cancellationToken);
            var config = JsApiSignature.Configure(account.AppId!, ticket, page, time);
            return TypedResults.Ok(new ShareSignatureDto(config.AppId, config.Timestamp, config.NonceStr, config.Signature));
        }
        catch (Exception e) when (e is WeChatApiException or HttpRequestException or TimeoutException or Polly.ExecutionRejectedException
                                      || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogTicketFailed(loggers.CreateLogger(typeof(ShareSignatureApi)), e);
            return Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", "wechat_unavailable", "WeChat did not hand out a JS-SDK ticket; try again later.");
        }
    }

    private static ProblemHttpResult Problem(int status, string title, string code, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["code"] = code });

    [LoggerMessage(Level = LogLevel.Warning, Message = "No JS-SDK ticket for the share signature")]
    private static partial void LogTicketFailed(ILogger logger, Exception exception);
}
