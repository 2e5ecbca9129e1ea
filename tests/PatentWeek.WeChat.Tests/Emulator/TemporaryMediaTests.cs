using System.Net.Http.Json;
using System.Text.Json;
using PatentWeek.WeChat.Api;

namespace PatentWeek.WeChat.Tests.Emulator;

/// <summary>Temporary material: uploaded with the client, read back over HTTP, gone after 3 days on the emulator's clock.</summary>
public sealed class TemporaryMediaTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_upload_is_served_with_its_content_type_until_three_days_have_passed()
    {
        await using var wx = await EmulatorHost.StartAsync();
        var uploadedAt = wx.Clock.GetUtcNow();
        var media = await wx.Materials.UploadTemporaryAsync("image", TestFiles.Jpeg, "poster.jpg", "image/jpeg", Ct);
        Assert.Equal(("image", uploadedAt.ToUnixTimeSeconds()), (media.Type, media.CreatedAt.ToUnixTimeSeconds()));
        Assert.Equal(0, (await wx.Materials.CountAsync(Ct)).ImageCount); // not in the library

        using (var served = await GetAsync(wx, media.MediaId))
        {
            Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TestFiles.Jpeg, await served.Content.ReadAsByteArrayAsync(Ct));
        }

        wx.Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromSeconds(1));
        Assert.Equal(TestFiles.Jpeg, await wx.Materials.GetTemporaryAsync(media.MediaId, Ct)); // the typed client reads the file too

        wx.Clock.Advance(TimeSpan.FromSeconds(1));
        using var expired = await GetAsync(wx, media.MediaId);
        Assert.Equal(40007, (await expired.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errcode").GetInt32());
        Assert.Equal(40007, await CodeAsync(() => wx.Materials.GetTemporaryAsync(media.MediaId, Ct)));
        Assert.Equal(40007, await CodeAsync(() => wx.Materials.GetTemporaryAsync("no-such-media", Ct)));
    }

    [Fact]
    public async Task Temporary_uploads_keep_the_material_limits()
    {
        await using var wx = await EmulatorHost.StartAsync();
        var thumb = await wx.Materials.UploadTemporaryAsync("thumb", TestFiles.Jpeg, "t.jpg", "image/jpeg", Ct);
        using (var served = await GetAsync(wx, thumb.MediaId))
            Assert.Equal(TestFiles.Jpeg, await served.Content.ReadAsByteArrayAsync(Ct));

        byte[] bigThumb = [.. TestFiles.Jpeg, .. new byte[64 * 1024]];
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        Assert.Equal(40012, await CodeAsync(() => wx.Materials.UploadTemporaryAsync("thumb", bigThumb, "t.jpg", "image/jpeg", Ct)));
        Assert.Equal(40005, await CodeAsync(() => wx.Materials.UploadTemporaryAsync("thumb", png, "t.png", "image/png", Ct)));
        Assert.Equal(40005, await CodeAsync(() => wx.Materials.UploadTemporaryAsync("video", TestFiles.Jpeg, "v.mp4", "video/mp4", Ct)));
        Assert.Equal(40004, await CodeAsync(() => wx.Materials.UploadTemporaryAsync("sticker", TestFiles.Jpeg, "s.jpg", "image/jpeg", Ct)));
    }

    private static async Task<int> CodeAsync(Func<Task> call) => (await Assert.ThrowsAsync<WeChatApiException>(call)).ErrCode;

    /// <summary><c>media/get</c> over plain HTTP: the answer is the file itself, which the typed client does not read.</summary>
    private static async Task<HttpResponseMessage> GetAsync(EmulatorHost wx, string mediaId)
    {
        var token = await wx.Tokens.GetAsync(Ct);
        using var http = new HttpClient();
        var response = await http.GetAsync(new Uri($"{wx.BaseUrl}/cgi-bin/media/get?access_token={Uri.EscapeDataString(token)}&media_id={Uri.EscapeDataString(mediaId)}"), Ct);
        response.EnsureSuccessStatusCode();
        return response;
    }
}
