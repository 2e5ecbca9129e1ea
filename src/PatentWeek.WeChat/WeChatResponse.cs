using System.Text.Json;

namespace PatentWeek.WeChat;

/// <summary>Reads an API answer: an HTTP failure stays an <see cref="HttpRequestException"/> (the resilience handler's
/// business), a JSON body with a non-zero <c>errcode</c> becomes a <see cref="WeChatApiException"/>.</summary>
internal static class WeChatResponse
{
    /// <summary>
    /// The answer as <typeparamref name="T"/>. The error envelope is looked at first, so an error answer is thrown
    /// with its errcode and rid whatever <typeparamref name="T"/> expects; an answer of the wrong shape is an error too.
    /// </summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            throw new WeChatApiException($"WeChat {path} did not answer JSON.", e);
        }

        using (document)
        {
            ThrowOnError(document.RootElement, path);
            try
            {
                return document.Deserialize<T>(WeChatJson.Answers) ?? throw new JsonException("The answer is null.");
            }
            catch (JsonException e)
            {
                throw new WeChatApiException($"WeChat {path} answered in an unexpected shape: {e.Message}", e);
            }
        }
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
