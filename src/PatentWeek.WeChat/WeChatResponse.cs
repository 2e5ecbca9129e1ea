using System.Text.Json;
using System.Text.Json.Serialization;

namespace PatentWeek.WeChat;

/// <summary>Reads an API answer: an HTTP failure stays an <see cref="HttpRequestException"/> (the resilience handler's
/// business), a JSON body with a non-zero <c>errcode</c> becomes a <see cref="WeChatApiException"/>.</summary>
internal static class WeChatResponse
{
    /// <summary>
    /// The answer as <typeparamref name="T"/>. The error envelope is read first, so an error answer is thrown
    /// with its errcode and rid whatever <typeparamref name="T"/> expects; an answer of the wrong shape is an error too.
    /// </summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        var outcome = "http";
        try
        {
            response.EnsureSuccessStatusCode();
            outcome = "shape";
            var answer = await ReadJsonAsync<T>(response, path, cancellationToken);
            outcome = "ok";
            return answer;
        }
        catch (WeChatApiException e) when (e.ErrCode != 0)
        {
            outcome = "errcode";
            throw;
        }
        finally
        {
            WeChatMetrics.Answered(path, outcome);
        }
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        ErrorEnvelope envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<ErrorEnvelope>(bytes, WeChatJson.Answers) ?? throw new JsonException("The answer is null.");
        }
        catch (JsonException e)
        {
            throw new WeChatApiException($"WeChat {path} did not answer a JSON object.", e);
        }

        envelope.ThrowIfError(path);
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, WeChatJson.Answers) ?? throw new JsonException("The answer is null.");
        }
        catch (JsonException e)
        {
            throw new WeChatApiException($"WeChat {path} answered in an unexpected shape: {e.Message}", e);
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
            ErrorEnvelope? envelope = null;
            try
            {
                envelope = JsonSerializer.Deserialize<ErrorEnvelope>(bytes, WeChatJson.Answers);
            }
            catch (JsonException)
            {
                // Not a JSON object after all: the file is text.
            }

            envelope?.ThrowIfError(path);
        }

        return bytes;
    }

    /// <summary><c>{"errcode":N,"errmsg":"… rid: …"}</c>; every answer may carry it, errcode 0 (or none) meaning success.</summary>
    private sealed record ErrorEnvelope([property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] int? Errcode = null, string? Errmsg = null)
    {
        public void ThrowIfError(string path)
        {
            if (Errcode is { } code and not 0)
                throw new WeChatApiException(code, Errmsg ?? "", path);
        }
    }
}
