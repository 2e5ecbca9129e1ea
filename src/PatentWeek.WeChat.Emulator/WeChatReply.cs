using System.Text.Json;
using System.Text.Json.Nodes;

namespace PatentWeek.WeChat.Emulator;

/// <summary>Answers shaped as WeChat's: HTTP 200 with errcode/errmsg (and a rid) for errors; raw UTF-8 JSON.</summary>
internal static class WeChatReply
{
    /// <summary>An error answer; <paramref name="extra"/> adds fields WeChat sends beside the code (45065 carries the first msg_id).</summary>
    public static IResult Error(int code, string message, JsonObject? extra = null) => new WeChatErrorResult(code, message, extra);

    public static IResult Ok(object body) => Results.Json(body, WeChatJson.Options);

    public static IResult Ok() => Results.Json(new { errcode = 0, errmsg = "ok" }, WeChatJson.Options);

    public static async Task<JsonElement?> ReadJsonAsync(HttpRequest request)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// An error answer that is written down under its rid before it goes out, so <c>openapi/rid/get</c> can describe
/// it later as WeChat does (the request's query, body, answer, time and caller).
/// </summary>
internal sealed class WeChatErrorResult(int code, string message, JsonObject? extra) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var rid = RidEndpoints.NewRid();
        var body = new JsonObject { ["errcode"] = code, ["errmsg"] = $"{message} rid: {rid}" };
        foreach (var (name, value) in extra ?? [])
            body[name] = value?.DeepClone();
        var json = body.ToJsonString(WeChatJson.Options);
        await RidEndpoints.RecordAsync(httpContext, rid, json);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await httpContext.Response.WriteAsync(json, httpContext.RequestAborted);
    }
}

/// <summary>Thrown inside handlers to answer with a WeChat error.</summary>
internal sealed class WeChatFault(int code, string message, JsonObject? extra = null) : Exception(message)
{
    public int Code { get; } = code;

    public JsonObject? Extra { get; } = extra;
}
