using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace PatentWeek.WeChat.Emulator;

/// <summary>
/// Test controls under <c>/_emulator</c>: arrange faults, revoke the live tokens, expire the JS-SDK tickets, fail or drop publish pushes. A
/// filter on the API group applies arranged faults before any handler runs.
/// </summary>
internal static class FaultEndpoints
{
    public static void Map(RouteGroupBuilder root)
    {
        // Test controls answer loopback callers only: an emulator hosted by a public site must not take orders from outside.
        var control = root.MapGroup("/_emulator").AddEndpointFilter((context, next) =>
            context.HttpContext.Connection.RemoteIpAddress is { } ip && System.Net.IPAddress.IsLoopback(ip)
                ? next(context)
                : ValueTask.FromResult<object?>(Results.StatusCode(StatusCodes.Status403Forbidden)));
        control.MapPost("/faults", async (HttpRequest request, EmulatorFaults faults) =>
        {
            var fault = await JsonSerializer.DeserializeAsync<CallFault>(request.Body, JsonSerializerOptions.Web);
            if (fault is null || fault.Count < 1 || (fault.ErrCode is null && fault.HttpStatus is null && fault.DelayMs <= 0 && fault.DelayAfterMs <= 0))
                return Results.BadRequest("Give path, count ≥ 1 and one of errCode, httpStatus, delayMs, delayAfterMs.");
            faults.Add(fault);
            return Results.NoContent();
        });
        control.MapPost("/revoke-tokens", async (EmulatorDb db) =>
        {
            await db.Tokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.Revoked, true));
            return Results.NoContent();
        });
        control.MapPost("/expire-tickets", async (EmulatorDb db, TimeProvider time) =>
        {
            await TicketEndpoints.ExpireAllAsync(db, time.GetUtcNow());
            return Results.NoContent();
        });
        control.MapPost("/publish-outcome/{status:int}", (int status, EmulatorFaults faults) =>
        {
            faults.FailNextPublish(status);
            return Results.NoContent();
        });
        control.MapPost("/lose-pushes/{count:int}", (int count, EmulatorFaults faults) =>
        {
            faults.LoseNextPushes(count);
            return Results.NoContent();
        });
        control.MapPost("/duplicate-pushes/{count:int}", (int count, EmulatorFaults faults) =>
        {
            faults.DuplicateNextPushes(count);
            return Results.NoContent();
        });
    }

    /// <summary>Runs before every <c>/cgi-bin</c> endpoint: delay, then answer with the arranged status or error.</summary>
    public static async ValueTask<object?> ApplyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var fault = http.RequestServices.GetRequiredService<EmulatorFaults>().Take(EmulatorApi.CgiPath(http.Request));
        if (fault is null)
            return await next(context);
        if (fault.DelayMs > 0)
            await Task.Delay(fault.DelayMs, http.RequestAborted);
        if (fault.HttpStatus is { } status)
            return Results.StatusCode(status);
        if (fault.ErrCode is { } code)
            return WeChatReply.Error(code, code == -1 ? "system error" : "injected error");
        var answer = await next(context);
        if (fault.DelayAfterMs > 0)
            await Task.Delay(fault.DelayAfterMs, CancellationToken.None); // done, but the caller hears nothing in time
        return answer;
    }
}
