using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Media;

/// <summary>
/// Library media on the public site: alt text is required to publish, pages serve responsive WebP pictures with
/// width and height, cards use the crops around the focal point, and a video item plays its MP4 (with seeking).
/// </summary>
public abstract class MediaOnSiteTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publishing_needs_alt_text_and_the_page_serves_responsive_pictures()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var cover = (await editor.Client.UploadOkAsync(TestImages.Jpeg(1600, 900), "cover.jpg")).GetProperty("id").GetInt32();
        var inline = (await editor.Client.UploadOkAsync(TestImages.Jpeg(1300, 800, quality: 80), "inline.jpg")).GetProperty("id").GetInt32();
        var slug = $"pictures-{Guid.NewGuid():N}"[..20];
        var id = await editor.Client.CreateAsync(new
        {
            kind = "news", title = "带图片的新闻", slug, cover = $"/media/{cover}", pinned = true,
            body = $"正文。\n\n![](/media/{inline})\n",
        });

        var refused = await editor.Client.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, $"/api/manage/v1/content/{id}/publish", new { });
        var missing = refused.GetProperty("missingAlt").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(2, missing.Count);
        Assert.Contains(missing, m => m!.Contains("cover.jpg", StringComparison.Ordinal));

        await editor.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/api/manage/v1/media/{cover}", new { alt = "宣传周启动仪式现场" });
        await editor.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/api/manage/v1/media/{inline}", new { alt = "专利展板" });
        await editor.Client.PostAsync($"/api/manage/v1/content/{id}/publish");
        await MediaLibraryTests.ReadyAsync(editor.Client, cover);

        using var page = await new HtmlParser().ParseDocumentAsync(await fixture.Client.GetStringAsync($"/news/{slug}", Ct));
        var pictures = page.QuerySelectorAll("article picture").ToList();
        Assert.Equal(2, pictures.Count);
        foreach (var picture in pictures)
        {
            var webp = picture.QuerySelector("source[type='image/webp']")!.GetAttribute("srcset")!;
            Assert.Contains(".webp 640w", webp, StringComparison.Ordinal);
            var img = picture.QuerySelector("img")!;
            Assert.False(string.IsNullOrEmpty(img.GetAttribute("width")));
            Assert.False(string.IsNullOrEmpty(img.GetAttribute("height")));
            Assert.False(string.IsNullOrEmpty(img.GetAttribute("alt")));
            // Every file the page names is served.
            foreach (var url in webp.Split(", ").Select(s => s.Split(' ')[0]))
            {
                using var file = await fixture.Client.GetAsync(url, Ct);
                Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            }
        }

        Assert.Equal("lazy", page.QuerySelector(".prose picture img")!.GetAttribute("loading"));
        Assert.Equal("专利展板", page.QuerySelector(".prose picture img")!.GetAttribute("alt"));
        // The size attributes keep the 16:9 shape, so the page does not jump while the picture loads.
        var coverImg = page.QuerySelector(".cover img")!;
        Assert.Equal(("960", "540"), (coverImg.GetAttribute("width"), coverImg.GetAttribute("height")));

        // Pinned: the home page's lead card shows the 16:9 crop around the focal point.
        using var home = await new HtmlParser().ParseDocumentAsync(await fixture.Client.GetStringAsync("/", Ct));
        var card = home.QuerySelectorAll(".card.wide img.card-picture").FirstOrDefault(i => i.GetAttribute("alt") == "宣传周启动仪式现场");
        Assert.NotNull(card);
        Assert.Contains("/card-640.webp", card.GetAttribute("src"), StringComparison.Ordinal);

        // The delivery API gives headless clients the same picture.
        var api = await fixture.Client.GetOkAsync($"/api/v1/content/news/{slug}");
        Assert.Contains("<picture>", api.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal("宣传周启动仪式现场", api.GetProperty("coverImage").GetProperty("alt").GetString());
        Assert.StartsWith("/media/i/", api.GetProperty("coverImage").GetProperty("card").GetProperty("src").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_video_item_plays_its_film_with_a_poster_and_seeking()
    {
        var clip = await VideoClipAsync();
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var video = await editor.Client.UploadOkAsync(clip, "宣传片.mp4", alt: "宣传片海报");
        Assert.Equal("video", video.GetProperty("kind").GetString());
        Assert.Equal("video/mp4", video.GetProperty("contentType").GetString());
        Assert.Equal(3.0, video.GetProperty("duration").GetDouble(), 1);
        Assert.Equal(640, video.GetProperty("width").GetInt32());
        Assert.Equal(360, video.GetProperty("height").GetInt32());
        var id = video.GetProperty("id").GetInt32();

        // ffmpeg takes the poster frame; its pictures and WeChat set follow like an image's.
        var ready = await MediaLibraryTests.ReadyAsync(editor.Client, id);
        Assert.NotEqual(0, ready.GetProperty("renditions").GetArrayLength());
        Assert.Equal(JsonValueKindObject, ready.GetProperty("weChat").ValueKind);

        using var request = new HttpRequestMessage(HttpMethod.Get, video.GetProperty("url").GetString());
        request.Headers.Range = new RangeHeaderValue(100, 199);
        using var partial = await fixture.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(clip[100..200], await partial.Content.ReadAsByteArrayAsync(Ct));

        var slug = $"film-{Guid.NewGuid():N}"[..16];
        var item = await editor.Client.CreateAsync(new { kind = "video", title = "宣传片", slug, cover = $"/media/{id}" });
        await editor.Client.PostAsync($"/api/manage/v1/content/{item}/publish");
        using var page = await new HtmlParser().ParseDocumentAsync(await fixture.Client.GetStringAsync($"/video/{slug}", Ct));
        var player = page.QuerySelector("video")!;
        Assert.EndsWith(".jpg", player.GetAttribute("poster"), StringComparison.Ordinal);
        Assert.Equal(video.GetProperty("url").GetString(), player.QuerySelector("source")!.GetAttribute("src"));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindObject = System.Text.Json.JsonValueKind.Object;

    /// <summary>A 3-second 640×360 H.264 clip made by ffmpeg; skipped (with the reason) where ffmpeg is absent, failed in CI.</summary>
    internal static async Task<byte[]> VideoClipAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"clip-{Guid.NewGuid():N}.mp4");
        try
        {
            using var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg")
            {
                ArgumentList = { "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-t", "3", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-movflags", "+faststart", path },
                RedirectStandardError = true,
            })!;
            await ffmpeg.WaitForExitAsync(Ct);
            Assert.Equal(0, ffmpeg.ExitCode);
            return await File.ReadAllBytesAsync(path, Ct);
        }
        catch (System.ComponentModel.Win32Exception) when (Environment.GetEnvironmentVariable("CMS_TEST_REQUIRE_FFMPEG") != "1")
        {
            Assert.Skip("ffmpeg is not installed: video tests need it (.ci/run installs it and sets CMS_TEST_REQUIRE_FFMPEG=1).");
            throw;
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public sealed class MediaOnSiteSqliteTests(SqliteApp app) : MediaOnSiteTests(app), IClassFixture<SqliteApp>;

public sealed class MediaOnSitePostgresTests(PostgresApp app) : MediaOnSiteTests(app), IClassFixture<PostgresApp>;
