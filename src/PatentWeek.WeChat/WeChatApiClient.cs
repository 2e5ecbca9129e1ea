using System.Net.Http.Json;
using PatentWeek.WeChat.Tokens;

namespace PatentWeek.WeChat;

/// <summary>
/// Calls the API with the holder's access token in the query string and reads the answer into a record
/// (snake_case names, see <see cref="WeChatJson"/>). A rejected token (40001 / 40014 / 42001) is replaced through
/// the holder and the same request is sent once more; any other error code is thrown as a
/// <see cref="WeChatApiException"/> carrying errcode, errmsg and rid.
/// </summary>
public sealed class WeChatApiClient(HttpClient http, WeChatTokenHolder tokens, WeChatOptions options)
{
    public Task<T> GetAsync<T>(string path, CancellationToken cancellationToken, string? query = null) =>
        SendAsync(path, token => new HttpRequestMessage(HttpMethod.Get, Url(path, token, query)), WeChatResponse.ReadAsync<T>, cancellationToken);

    /// <summary>GETs a file (such as <c>media/get</c>); an answer in JSON with an errcode is thrown like any other.</summary>
    public Task<byte[]> GetBytesAsync(string path, CancellationToken cancellationToken, string? query = null) =>
        SendAsync(path, token => new HttpRequestMessage(HttpMethod.Get, Url(path, token, query)), WeChatResponse.ReadBytesAsync, cancellationToken);

    /// <summary>POSTs <paramref name="body"/> as JSON with Chinese as raw UTF-8 (see <see cref="WeChatJson"/>) and reads the answer.</summary>
    public Task<T> PostJsonAsync<T>(string path, object body, CancellationToken cancellationToken, string? query = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return SendAsync(path, token => new HttpRequestMessage(HttpMethod.Post, Url(path, token, query))
        {
            Content = JsonContent.Create(body, body.GetType(), options: WeChatJson.Options),
        }, WeChatResponse.ReadAsync<T>, cancellationToken);
    }

    /// <summary>POSTs <paramref name="body"/> to a call whose answer says only that it worked (errcode 0).</summary>
    public Task PostJsonAsync(string path, object body, CancellationToken cancellationToken, string? query = null) =>
        PostJsonAsync<Acknowledged>(path, body, cancellationToken, query);

    /// <summary>POSTs a multipart form built afresh for each attempt (a sent content cannot be sent again).</summary>
    public Task<T> PostMultipartAsync<T>(string path, Func<MultipartFormDataContent> form, CancellationToken cancellationToken, string? query = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        return SendAsync(path, token => new HttpRequestMessage(HttpMethod.Post, Url(path, token, query)) { Content = form() }, WeChatResponse.ReadAsync<T>, cancellationToken);
    }

    private async Task<T> SendAsync<T>(
        string path, Func<string, HttpRequestMessage> build, Func<HttpResponseMessage, string, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            using var request = build(token);
            using var response = await http.SendAsync(request, cancellationToken);
            try
            {
                return await read(response, path, cancellationToken);
            }
            catch (WeChatApiException e) when (e.IsTokenRejected && attempt == 0)
            {
                token = await tokens.ReplaceAsync(token, cancellationToken);
            }
        }
    }

    private Uri Url(string path, string token, string? query) =>
        new($"{options.ApiBaseUrl.TrimEnd('/')}{path}?access_token={Uri.EscapeDataString(token)}{(query is null ? "" : "&" + query)}");
}

/// <summary>An answer with nothing in it but errcode 0 and errmsg "ok".</summary>
internal sealed record Acknowledged;
