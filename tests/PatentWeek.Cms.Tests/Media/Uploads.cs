using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PatentWeek.Cms.Tests.Media;

/// <summary>Uploads built byte by byte, so hostile file names reach the server exactly as an attacker would send them.</summary>
public static class Uploads
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static HttpContent Multipart(byte[] file, string fileName, string? alt = null, string? title = null, string contentType = "image/jpeg")
    {
        const string boundary = "----cms-test-boundary-7d1f";
        var body = new MemoryStream();
        void Text(string s) => body.Write(Encoding.UTF8.GetBytes(s));
        if (alt is not null)
            Text($"--{boundary}\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\n{alt}\r\n");
        if (title is not null)
            Text($"--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n{title}\r\n");
        Text($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{fileName}\"\r\nContent-Type: {contentType}\r\n\r\n");
        body.Write(file);
        Text($"\r\n--{boundary}--\r\n");
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        return content;
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(
        this HttpClient client, byte[] file, string fileName, string? alt = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = Multipart(file, fileName, alt, title);
        using var response = await client.PostAsync("/api/manage/v1/media", content, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<JsonElement> UploadOkAsync(this HttpClient client, byte[] file, string fileName, string? alt = null, string? title = null)
    {
        var (status, body) = await client.UploadAsync(file, fileName, alt, title);
        Assert.True(status == HttpStatusCode.Created, $"upload of {fileName}: {(int)status} {body}");
        return body;
    }
}
