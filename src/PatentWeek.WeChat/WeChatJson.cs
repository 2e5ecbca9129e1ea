using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PatentWeek.WeChat;

/// <summary>
/// JSON as WeChat wants it: snake_case names, and text as raw UTF-8. System.Text.Json escapes non-ASCII and
/// HTML-sensitive characters (<c>&lt;</c> becomes <c>\u003C</c>) by default, and WeChat refuses <c>\uXXXX</c>
/// escapes (40033). The relaxed encoder escapes only what JSON itself requires; these bodies are never
/// embedded in an HTML page, which is what its "unsafe" guards against.
/// </summary>
public static class WeChatJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// How answers are read into the client's records: the same names, and strict where WeChat documents a field
    /// as always there (a missing one, or a null where the record says non-null, is an error, not a silent default).
    /// </summary>
    internal static readonly JsonSerializerOptions Answers = new(Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };
}
