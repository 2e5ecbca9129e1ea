using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace PatentWeek.WeChat;

/// <summary>
/// JSON as WeChat wants it: snake_case names, and Chinese as raw UTF-8. System.Text.Json escapes non-ASCII as
/// <c>\uXXXX</c> by default, which the draft API rejects (40033) or stores escaped.
/// </summary>
public static class WeChatJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
