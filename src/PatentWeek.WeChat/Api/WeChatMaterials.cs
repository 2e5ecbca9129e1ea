using System.Net.Http.Headers;
using System.Text.Json;

namespace PatentWeek.WeChat.Api;

/// <summary>Permanent materials, body images (<c>uploadimg</c>) and the API quota.</summary>
public sealed class WeChatMaterials(WeChatApiClient api)
{
    /// <summary>
    /// Uploads a permanent material (<c>image</c>, <c>thumb</c>, <c>voice</c> or <c>video</c>). The file part is
    /// named <c>media</c>; a video also carries <c>description</c> (title and introduction) as JSON.
    /// </summary>
    public async Task<Material> AddAsync(string type, byte[] bytes, string fileName, string contentType,
        CancellationToken cancellationToken, string? videoTitle = null, string? videoIntroduction = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (type == "video" && videoTitle is null)
            throw new ArgumentException("A video material needs a title.", nameof(videoTitle));
        var answer = await api.PostMultipartAsync<MediaIdAnswer>("/cgi-bin/material/add_material", () =>
        {
            var form = File(bytes, fileName, contentType);
            if (type == "video")
                form.Add(new StringContent(JsonSerializer.Serialize(new { title = videoTitle, introduction = videoIntroduction ?? "" }, WeChatJson.Options)), "description");
            return form;
        }, cancellationToken, query: "type=" + Uri.EscapeDataString(type));
        return new Material(answer.MediaId, answer.Url);
    }

    /// <summary>Uploads an image for use inside an article body (JPEG or PNG under 1 MB); returns its WeChat URL.</summary>
    public async Task<string> UploadBodyImageAsync(byte[] bytes, string fileName, string contentType, CancellationToken cancellationToken)
    {
        var answer = await api.PostMultipartAsync<UrlAnswer>("/cgi-bin/media/uploadimg", () => File(bytes, fileName, contentType), cancellationToken);
        return answer.Url;
    }

    /// <summary>A temporary material's bytes (<c>media/get</c>); 40007 once it has expired (3 days).</summary>
    public Task<byte[]> GetTemporaryAsync(string mediaId, CancellationToken cancellationToken) =>
        api.GetBytesAsync("/cgi-bin/media/get", cancellationToken, "media_id=" + Uri.EscapeDataString(mediaId));

    /// <summary>
    /// Uploads a temporary material (<c>image</c>, <c>voice</c>, <c>video</c> or <c>thumb</c>, the same limits as
    /// permanent ones), usable for 3 days, for example in messages; it does not count against the library's caps.
    /// </summary>
    public async Task<TemporaryMedia> UploadTemporaryAsync(string type, byte[] bytes, string fileName, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var answer = await api.PostMultipartAsync<TemporaryMediaAnswer>("/cgi-bin/media/upload", () => File(bytes, fileName, contentType), cancellationToken,
            query: "type=" + Uri.EscapeDataString(type));
        var mediaId = answer.MediaId ?? answer.ThumbMediaId ?? throw new WeChatApiException("WeChat /cgi-bin/media/upload answered without a media_id.");
        return new TemporaryMedia(answer.Type ?? type, mediaId, answer.CreatedAt);
    }

    public Task DeleteAsync(string mediaId, CancellationToken cancellationToken) =>
        api.PostJsonAsync("/cgi-bin/material/del_material", new { media_id = mediaId }, cancellationToken);

    public Task<MaterialCount> CountAsync(CancellationToken cancellationToken) => api.GetAsync<MaterialCount>("/cgi-bin/material/get_materialcount", cancellationToken);

    /// <summary>One page of the library's materials of one type (<c>image</c>, <c>video</c>, <c>voice</c> or <c>news</c>), newest first.</summary>
    public Task<WeChatPage<MaterialItem>> BatchGetAsync(string type, int offset, int count, CancellationToken cancellationToken) =>
        api.PostJsonAsync<WeChatPage<MaterialItem>>("/cgi-bin/material/batchget_material", new { type, offset, count = Math.Clamp(count, 1, 20) }, cancellationToken);

    /// <summary>Today's use of one API path (for example <c>/cgi-bin/draft/add</c>).</summary>
    public async Task<QuotaInfo> QuotaAsync(string cgiPath, CancellationToken cancellationToken)
    {
        var answer = await api.PostJsonAsync<QuotaAnswer>("/cgi-bin/openapi/quota/get", new { cgi_path = cgiPath }, cancellationToken);
        return answer.Quota;
    }

    /// <summary>Resets one API's daily counter (an account has 10 resets a month).</summary>
    public Task ClearQuotaAsync(string cgiPath, CancellationToken cancellationToken) =>
        api.PostJsonAsync("/cgi-bin/openapi/quota/clear", new { cgi_path = cgiPath }, cancellationToken);

    private static MultipartFormDataContent File(byte[] bytes, string fileName, string contentType)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, "media", fileName);
        return form;
    }
}
