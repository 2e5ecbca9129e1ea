using System.Text.Json;

namespace PatentWeek.WeChat.Emulator;

/// <summary>Answers shaped as WeChat's: HTTP 200 with errcode/errmsg (and a rid) for errors; raw UTF-8 JSON.</summary>
internal static class WeChatReply
{
    public static IResult Error(int code, string message) =>
        Results.Json(new { errcode = code, errmsg = $"{message} rid: {Rid()}" }, WeChatJson.Options);

    public static IResult Ok(object body) => Results.Json(body, WeChatJson.Options);

    public static IResult Ok() => Results.Json(new { errcode = 0, errmsg = "ok" }, WeChatJson.Options);

    private static string Rid() => $"{Guid.NewGuid().ToString("N")[..8]}-{Guid.NewGuid().ToString("N")[..8]}-{Guid.NewGuid().ToString("N")[..8]}";

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

/// <summary>Thrown inside handlers to answer with a WeChat error.</summary>
internal sealed class WeChatFault(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}
