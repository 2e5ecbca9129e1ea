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

/// <summary>A signature WeChat refused (<c>wx.error</c>: "config:invalid signature"), as the page was given it, and the page's url.</summary>
public sealed record RefusedSignatureDto(string? Url, long Timestamp, string? NonceStr, string? Signature);

/// <summary>
/// <c>GET /api/v1/share/signature?url=…</c>: the JS-SDK signature for a page of this site, so that WeChat shows a
/// card (title, summary, cover) when a reader shares it. The theme's script asks for it, so pages stay the same for
/// everyone and cacheable; the answer itself is per request (a fresh nonce and time), never cached, and
/// rate-limited per client address. Without a WeChat account to sign with, 503 and the script does nothing.
/// </summary>
public static partial class ShareSignatureApi
{
    public const string Path = "/api/v1/share/signature";
    public const string RefusedPath = Path + "/refused";

    public static IServiceCollection AddCmsShare(this IServiceCollection services)
    {
        services.AddOptions<ShareOptions>().BindConfiguration(ShareOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, ShareRateLimit>(ShareRateLimit.Name));
        services.AddSingleton<TicketRefusals>();
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
        app.MapPost(RefusedPath, Refused).WithTags("Share").WithName("ReportRefusedSignature")
            .WithSummary("WeChat refused a signature: a new one (over a new ticket when the refused one was made with the current ticket)")
            .RequireRateLimiting(ShareRateLimit.Name)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <summary>
    /// The page's script reports a signature WeChat refused and gets a new one to configure with, once. When the
    /// refused signature is the one the current ticket gives (so it was this site's, and the ticket is dead at
    /// WeChat, e.g. replaced early), the ticket is replaced first, at most once a minute (<see cref="TicketRefusals"/>);
    /// a forged or outdated report only gets a signature over the current ticket.
    /// </summary>
    public static async Task<Results<Ok<ShareSignatureDto>, ProblemHttpResult>> Refused(
        RefusedSignatureDto refused, PublicUrls urls, WeChatAccounts accounts, TicketRefusals refusals, TimeProvider time, HttpContext http,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refused);
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.CacheControl = "no-store";
        if (!SharedPageUrl.TryPage(refused.Url, urls.BaseUrl, http.Request.PathBase.Value, out var page, out var refusal))
            return Problem(StatusCodes.Status400BadRequest, "Bad request", refusal!.Code, refusal.Detail);
        return await SignAsync(page, accounts, time, loggers, async (account, tickets) =>
        {
            var ticket = await tickets.GetAsync(cancellationToken);
            var ours = refused.Signature is { Length: > 0 } signature && refused.NonceStr is { Length: > 0 } nonce
                && string.Equals(JsApiSignature.Sign(ticket, nonce, refused.Timestamp, page), signature, StringComparison.OrdinalIgnoreCase);
            return ours && refusals.TryClaim(account.AppId!) ? await tickets.ReplaceAsync(ticket, cancellationToken) : ticket;
        }, cancellationToken);
    }

    public static async Task<Results<Ok<ShareSignatureDto>, ProblemHttpResult>> Sign(
        [FromQuery(Name = "url"), Description("The page's address as the browser has it (location.href); a #fragment is dropped")] string? url,
        PublicUrls urls, WeChatAccounts accounts, TimeProvider time, HttpContext http, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.CacheControl = "no-store";
        if (!SharedPageUrl.TryPage(url, urls.BaseUrl, http.Request.PathBase.Value, out var page, out var refusal))
            return Problem(StatusCodes.Status400BadRequest, "Bad request", refusal!.Code, refusal.Detail);

        return await SignAsync(page, accounts, time, loggers, (_, tickets) => tickets.GetAsync(cancellationToken), cancellationToken);
    }

    /// <summary>Signs <paramref name="page"/> with the ticket <paramref name="ticketOf"/> gives; 503 without an account or a ticket.</summary>
    private static async Task<Results<Ok<ShareSignatureDto>, ProblemHttpResult>> SignAsync(
        string page, WeChatAccounts accounts, TimeProvider time, ILoggerFactory loggers,
        Func<WeChatAccount, JsApiTicketHolder, Task<string>> ticketOf, CancellationToken cancellationToken)
    {
        var account = await accounts.CurrentAsync(cancellationToken);
        if (!account.CanCall)
            return Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", "wechat_not_configured", "No WeChat account is configured to sign share cards.");
        try
        {
            var ticket = await ticketOf(account, accounts.Client(account).Tickets);
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
