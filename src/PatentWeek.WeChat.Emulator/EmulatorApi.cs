using System.Security.Cryptography;
using System.Text.Json;

namespace PatentWeek.WeChat.Emulator;

/// <summary>The common steps of every business endpoint: token and quota check, JSON body, faults as WeChat errors.</summary>
internal static class EmulatorApi
{
    /// <summary>Body pictures are served from WeChat's image host; the emulator hands out URLs of the same shape.</summary>
    public const string ImageHost = "mmbiz.qpic.cn";

    public static async Task<IResult> RunAsync(HttpRequest request, EmulatorAccess access, string path, Func<JsonElement, Task<IResult>> handle, bool readsBody = true)
    {
        try
        {
            await access.CheckAsync(request, path);
            JsonElement body = default;
            if (readsBody)
            {
                // Left open: the body is buffered so that an error answer can show it again (openapi/rid/get).
                using var reader = new StreamReader(request.Body, leaveOpen: true);
                var text = await reader.ReadToEndAsync();
                // WeChat wants text as raw UTF-8 and refuses \uXXXX escapes (the default of many JSON libraries).
                if (text.Contains("\\u", StringComparison.Ordinal))
                    throw new WeChatFault(40033, "invalid charset. please check your request, if include \\uxxxx will create fail!");
                try
                {
                    using var document = JsonDocument.Parse(text);
                    body = document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : throw new WeChatFault(47001, "data format error");
                }
                catch (JsonException)
                {
                    throw new WeChatFault(47001, "data format error");
                }
            }
            return await handle(body);
        }
        catch (WeChatFault fault)
        {
            return WeChatReply.Error(fault.Code, fault.Message, fault.Extra);
        }
    }

    /// <summary>The API path of a call, <c>/cgi-bin/…</c>, wherever the emulator is mapped (the CMS hosts it under a prefix).</summary>
    public static string CgiPath(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        var at = path.IndexOf("/cgi-bin", StringComparison.Ordinal);
        return at < 0 ? path : path[at..];
    }

    public static string NewMediaId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '-').Replace('/', '_');

    public static string? Text(JsonElement body, string name) => body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var v)
        ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null }
        : null;

    public static (int Offset, int Count) Page(JsonElement body)
    {
        var offset = body.TryGetProperty("offset", out var o) && o.TryGetInt32(out var ov) ? Math.Max(0, ov) : 0;
        var count = body.TryGetProperty("count", out var c) && c.TryGetInt32(out var cv) ? cv : 0;
        if (count is < 1 or > 20)
            throw new WeChatFault(40007, "invalid count, must be 1 to 20");
        return (offset, count);
    }
}
