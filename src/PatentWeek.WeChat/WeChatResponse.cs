using System.Text.Json;

namespace PatentWeek.WeChat;

/// <summary>Reads an API answer: an HTTP failure stays an <see cref="HttpRequestException"/> (the resilience handler's
/// business), a JSON body with a non-zero <c>errcode</c> becomes a <see cref="WeChatApiException"/>.</summary>
internal static class WeChatResponse
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        JsonElement json;
        try
        {
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            json = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new WeChatApiException($"WeChat {path} did not answer JSON.", e);
        }

        ThrowOnError(json, path);
        return json;
    }

    /// <summary>A file answer: its bytes, unless the body is WeChat's JSON error (which comes with HTTP 200).</summary>
    public static async Task<byte[]> ReadBytesAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (mediaType.Contains("json", StringComparison.OrdinalIgnoreCase) || mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var document = JsonDocument.Parse(bytes);
                ThrowOnError(document.RootElement, path);
            }
            catch (JsonException)
            {
                // Not JSON after all: the file is text.
            }
        }

        return bytes;
    }

    private static void ThrowOnError(JsonElement json, string path)
    {
        if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("errcode", out var code) && code.TryGetInt32(out var errCode) && errCode != 0)
            throw new WeChatApiException(errCode, json.TryGetProperty("errmsg", out var message) ? message.GetString() ?? "" : "", path);
    }
}
