using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Media;
using PatentWeek.Cms.Tests.Infrastructure;
using SkiaSharp;

namespace PatentWeek.Cms.Tests.Media;

/// <summary>
/// The media library through its API on a real database: what an upload answers, the renditions and crops the
/// background job makes (and where it cuts them), EXIF handled, the same bytes stored once, documents private.
/// </summary>
public abstract class MediaLibraryTests(AppFixture fixture)
{
    private const string Wuhan = "420100";
    private const string Huangshi = "420200";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_upload_answers_its_facts_and_the_renditions_follow()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var bytes = TestImages.Jpeg(2400, 1600);
        var created = await editor.Client.UploadOkAsync(bytes, "宣传周海报.jpg", alt: "知识产权宣传周海报", title: "海报");

        Assert.Equal("image", created.GetProperty("kind").GetString());
        Assert.Equal("image/jpeg", created.GetProperty("contentType").GetString());
        Assert.Equal(bytes.Length, created.GetProperty("size").GetInt64());
        Assert.Equal(2400, created.GetProperty("width").GetInt32());
        Assert.Equal(1600, created.GetProperty("height").GetInt32());
        Assert.Equal("宣传周海报.jpg", created.GetProperty("name").GetString());
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal($"/media/{id}", created.GetProperty("address").GetString());

        var ready = await ReadyAsync(editor.Client, id);
        var renditions = ready.GetProperty("renditions").EnumerateArray().ToList();
        Assert.Equal([320, 640, 960, 1280, 1920], renditions.Where(r => r.GetProperty("format").GetString() == "webp").Select(r => r.GetProperty("width").GetInt32()).Order());
        Assert.Equal(5, renditions.Count(r => r.GetProperty("format").GetString() == "jpeg"));

        var webp640 = renditions.First(r => r.GetProperty("format").GetString() == "webp" && r.GetProperty("width").GetInt32() == 640);
        using var response = await fixture.Client.GetAsync(webp640.GetProperty("url").GetString(), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var (w, h) = TestImages.SizeOf(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal((640, 427), (w, h));

        var weChat = ready.GetProperty("weChat");
        Assert.Matches(@"^[0-9.]+_[0-9.]+_[0-9.]+_[0-9.]+$", weChat.GetProperty("pic_crop_235_1").GetString());
        Assert.Equal("0.166667_0_0.833333_1", weChat.GetProperty("pic_crop_1_1").GetString());
        var cover = await fixture.Client.GetByteArrayAsync(weChat.GetProperty("cover").GetProperty("url").GetString(), Ct);
        var thumb = await fixture.Client.GetByteArrayAsync(weChat.GetProperty("thumb").GetProperty("url").GetString(), Ct);
        Assert.True(cover.Length < 1024 * 1024, $"WeChat cover is {cover.Length} bytes");
        Assert.True(thumb.Length < 64 * 1024, $"WeChat thumb is {thumb.Length} bytes");
        Assert.Equal(SKEncodedImageFormat.Jpeg, Format(thumb));
    }

    [Fact]
    public async Task A_small_image_is_never_upscaled()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var id = (await editor.Client.UploadOkAsync(TestImages.Png(500, 300), "small.png")).GetProperty("id").GetInt32();
        var ready = await ReadyAsync(editor.Client, id);
        Assert.All(ready.GetProperty("renditions").EnumerateArray(), r => Assert.True(r.GetProperty("width").GetInt32() <= 500));
        Assert.Equal(2, ready.GetProperty("renditions").GetArrayLength()); // 320 px, WebP and JPEG
        Assert.All(ready.GetProperty("crops").GetProperty("card").EnumerateArray(), r => Assert.True(r.GetProperty("width").GetInt32() <= 500));
    }

    [Fact]
    public async Task Moving_the_focal_point_recuts_the_crops_around_it()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        // 2:1, left half red, right half blue: a square crop is either all red or all blue.
        var id = (await editor.Client.UploadOkAsync(TestImages.Jpeg(2000, 1000), "halves.jpg", alt: "两色")).GetProperty("id").GetInt32();
        var first = await ReadyAsync(editor.Client, id);
        Assert.Equal("0.25_0_0.75_1", first.GetProperty("weChat").GetProperty("pic_crop_1_1").GetString());

        await editor.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/api/manage/v1/media/{id}", new { focalX = 0.1, focalY = 0.5 });
        var left = await ReadyAsync(editor.Client, id);
        Assert.Equal("0_0_0.5_1", left.GetProperty("weChat").GetProperty("pic_crop_1_1").GetString());
        var leftThumb = await CropPixelAsync(left, "thumbnail");
        Assert.True(leftThumb.Red > 200 && leftThumb.Blue < 60, $"left thumbnail centre is {leftThumb}");

        await editor.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/api/manage/v1/media/{id}", new { focalX = 0.9, focalY = 0.5 });
        var right = await ReadyAsync(editor.Client, id);
        Assert.Equal("0.5_0_1_1", right.GetProperty("weChat").GetProperty("pic_crop_1_1").GetString());
        var rightThumb = await CropPixelAsync(right, "thumbnail");
        Assert.True(rightThumb.Blue > 200 && rightThumb.Red < 60, $"right thumbnail centre is {rightThumb}");
        Assert.NotEqual(Url(left, "thumbnail"), Url(right, "thumbnail"));

        await editor.Client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Patch, $"/api/manage/v1/media/{id}", new { focalX = 1.5 });
    }

    [Fact]
    public async Task Exif_orientation_is_applied_and_no_metadata_survives()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var created = await editor.Client.UploadOkAsync(TestImages.JpegWithExif(1200, 800, orientation: 6), "phone.jpg");
        // Stored 1200 × 800, seen turned a quarter: 800 × 1200.
        Assert.Equal(800, created.GetProperty("width").GetInt32());
        Assert.Equal(1200, created.GetProperty("height").GetInt32());
        var ready = await ReadyAsync(editor.Client, created.GetProperty("id").GetInt32());

        var urls = ready.GetProperty("renditions").EnumerateArray().Select(r => r.GetProperty("url").GetString()!)
            .Append(ready.GetProperty("weChat").GetProperty("cover").GetProperty("url").GetString()!);
        foreach (var url in urls)
        {
            var file = await fixture.Client.GetByteArrayAsync(url, Ct);
            Assert.Equal(-1, file.AsSpan().IndexOf("Exif"u8));
            Assert.Equal(-1, file.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xE1])); // no APP1 (EXIF/XMP) segment
            var (w, h) = TestImages.SizeOf(file);
            Assert.True(h > w, $"{url} is {w}×{h}, not upright");
        }
    }

    [Fact]
    public async Task The_same_file_twice_is_stored_once()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var bytes = TestImages.Jpeg(700, 500, quality: 77);
        var a = await editor.Client.UploadOkAsync(bytes, "a.jpg");
        var b = await editor.Client.UploadOkAsync(bytes, "b.jpg");
        Assert.NotEqual(a.GetProperty("id").GetInt32(), b.GetProperty("id").GetInt32());
        Assert.Equal(a.GetProperty("url").GetString(), b.GetProperty("url").GetString());

        var store = fixture.App.Services.GetRequiredService<FolderMediaStore>();
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        Assert.Single(Directory.GetFiles(Path.Combine(store.Root, "originals"), $"{sha}*", SearchOption.AllDirectories));

        // Deleting one keeps the shared file for the other; deleting both removes it.
        await editor.Client.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/manage/v1/media/{a.GetProperty("id").GetInt32()}");
        Assert.Single(Directory.GetFiles(Path.Combine(store.Root, "originals"), $"{sha}*", SearchOption.AllDirectories));
        await editor.Client.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/manage/v1/media/{b.GetProperty("id").GetInt32()}");
        Assert.Empty(Directory.GetFiles(Path.Combine(store.Root, "originals"), $"{sha}*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Documents_are_private_to_their_city_and_download_under_their_name()
    {
        using var wuhan = await Staff.SignInAsync(fixture.App, Roles.CityContributor, Wuhan);
        using var huangshi = await Staff.SignInAsync(fixture.App, Roles.CityContributor, Huangshi);
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var pdf = TestImages.Pdf();
        var created = await wuhan.Client.UploadOkAsync(pdf, "武汉市宣传周方案.pdf");
        Assert.Equal("document", created.GetProperty("kind").GetString());
        Assert.Equal("application/pdf", created.GetProperty("contentType").GetString());
        var id = created.GetProperty("id").GetInt32();
        var url = created.GetProperty("url").GetString()!;
        Assert.StartsWith("/api/manage/v1/", url, StringComparison.Ordinal);

        using (var download = await wuhan.Client.GetAsync(url, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("武汉市宣传周方案.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
            Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        }

        using (var other = await huangshi.Client.GetAsync(url, Ct))
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        await huangshi.Client.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"/api/manage/v1/media/{id}");
        using (var office = await editor.Client.GetAsync(url, Ct))
            Assert.Equal(HttpStatusCode.OK, office.StatusCode);
        using (var anonymous = await fixture.Client.GetAsync(url, Ct))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using (var address = await fixture.Client.GetAsync($"/media/{id}", Ct))
            Assert.Equal(HttpStatusCode.NotFound, address.StatusCode);

        var store = fixture.App.Services.GetRequiredService<FolderMediaStore>();
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
        Assert.Empty(Directory.GetFiles(store.PublicRoot, $"*{sha[..16]}*", SearchOption.AllDirectories));
        var list = await huangshi.Client.GetOkAsync("/api/manage/v1/media?kind=document");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task Media_in_use_cannot_be_deleted_and_shows_where_it_is_used()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var id = (await editor.Client.UploadOkAsync(TestImages.Jpeg(900, 600), "cover.jpg", alt: "封面")).GetProperty("id").GetInt32();
        var item = await editor.Client.CreateAsync(new { kind = "news", title = "用了封面的新闻", cover = $"/media/{id}" });

        var refused = await editor.Client.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Delete, $"/api/manage/v1/media/{id}");
        Assert.Contains("用了封面的新闻", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var usedBy = (await editor.Client.GetOkAsync($"/api/manage/v1/media/{id}")).GetProperty("usedBy");
        Assert.Equal(item, usedBy[0].GetProperty("id").GetInt32());
        Assert.Equal("cover", usedBy[0].GetProperty("field").GetString());

        var version = (await editor.Client.GetOkAsync($"/api/manage/v1/content/{item}")).GetProperty("version").GetInt32();
        await editor.Client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/manage/v1/content/{item}",
            new { kind = "news", title = "用了封面的新闻", cover = (string?)null, version });
        await editor.Client.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/manage/v1/media/{id}");
        await editor.Client.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"/api/manage/v1/media/{id}");
    }

    [Fact]
    public async Task Content_cannot_point_at_media_that_does_not_exist()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var (status, body) = await editor.Client.SendAsync(HttpMethod.Post, "/api/manage/v1/content",
            new { kind = "news", title = "坏封面", cover = "/media/987654" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("987654", body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_is_public_from_the_moment_its_upload_returns()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var created = await editor.Client.UploadOkAsync(TestImages.Jpeg(1000, 700, quality: 71), "now.jpg");
        // Asked for before (or while) the background job runs: rendered on the spot, never a 404.
        using var response = await fixture.Client.GetAsync(created.GetProperty("url").GetString(), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((960, 672), TestImages.SizeOf(await response.Content.ReadAsByteArrayAsync(Ct)));
        using var noRedirects = fixture.App.CreateClient(new() { AllowAutoRedirect = false });
        using var address = await noRedirects.GetAsync($"/media/{created.GetProperty("id").GetInt32()}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, address.StatusCode);
        Assert.Equal(created.GetProperty("url").GetString(), address.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Reviewers_look_but_do_not_change_media_and_other_cities_drafts_stay_unnamed()
    {
        using var wuhan = await Staff.SignInAsync(fixture.App, Roles.CityContributor, Wuhan);
        using var huangshi = await Staff.SignInAsync(fixture.App, Roles.CityContributor, Huangshi);
        var reviewerUser = await Staff.CreateUserAsync(fixture.App, Roles.Reviewer);
        var id = (await wuhan.Client.UploadOkAsync(TestImages.Jpeg(600, 400, quality: 66), "wuhan.jpg", alt: "武汉")).GetProperty("id").GetInt32();

        using var reviewer = await AdminSession.SignInAsync(fixture.App, reviewerUser.Email!, Staff.Password);
        using var response = await reviewer.PostFormAsync($"/admin/media/{id}", new() { ["Alt"] = "审核员改的", ["MediaTitle"] = "", ["Version"] = "0" });
        // The admin shows the refusal in Chinese (the API's English detail is checked on the API).
        Assert.Contains("只有编辑或上传它的市州可以修改", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("武汉", (await wuhan.Client.GetOkAsync($"/api/manage/v1/media/{id}")).GetProperty("alt").GetString());

        // Huangshi's draft uses Wuhan's picture: Wuhan sees that it is used, not what Huangshi is drafting.
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        await huangshi.Client.CreateAsync(new { kind = "story", title = "黄石的秘密草稿", city = Huangshi, cover = $"/media/{id}" });
        var usedBy = (await wuhan.Client.GetOkAsync($"/api/manage/v1/media/{id}")).GetProperty("usedBy");
        Assert.DoesNotContain("黄石的秘密草稿", usedBy.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, usedBy.GetArrayLength());
        Assert.Contains("黄石的秘密草稿", (await editor.Client.GetOkAsync($"/api/manage/v1/media/{id}")).GetProperty("usedBy").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_s_title_can_be_changed_in_the_admin_page()
    {
        var user = await Staff.CreateUserAsync(fixture.App, Roles.Editor);
        using var api = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var id = (await api.Client.UploadOkAsync(TestImages.Pdf(), "plan.pdf")).GetProperty("id").GetInt32();
        using var admin = await AdminSession.SignInAsync(fixture.App, user.Email!, Staff.Password);
        using var response = await admin.PostFormAsync($"/admin/media/{id}", new() { ["Alt"] = "", ["MediaTitle"] = "实施方案", ["Version"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("实施方案", (await api.Client.GetOkAsync($"/api/manage/v1/media/{id}")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Reference_style_images_count_as_uses()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var id = (await editor.Client.UploadOkAsync(TestImages.Jpeg(500, 500, quality: 61), "ref.jpg")).GetProperty("id").GetInt32();
        var item = await editor.Client.CreateAsync(new { kind = "news", title = "引用式图片", body = $"![][pic]\n\n[pic]: /media/{id}\n" });
        await editor.Client.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Delete, $"/api/manage/v1/media/{id}");
        var refused = await editor.Client.ExpectAsync(HttpStatusCode.UnprocessableEntity, HttpMethod.Post, $"/api/manage/v1/content/{item}/publish", new { });
        Assert.Contains("ref.jpg", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_panorama_s_crops_are_never_upscaled()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        var id = (await editor.Client.UploadOkAsync(TestImages.Jpeg(8000, 1000, quality: 60), "panorama.jpg")).GetProperty("id").GetInt32();
        var ready = await ReadyAsync(editor.Client, id);
        // Decoded at a quarter (2000 × 250 is enough for 1920-wide renditions): the 16:9 card has 444 × 250 of it.
        Assert.All(ready.GetProperty("crops").GetProperty("card").EnumerateArray(), c => Assert.True(c.GetProperty("width").GetInt32() <= 444));
        Assert.True(ready.GetProperty("weChat").GetProperty("crop11").GetProperty("width").GetInt32() <= 250);
    }

    [Fact]
    public async Task Odd_requests_get_4xx_not_500()
    {
        using var editor = await Staff.SignInAsync(fixture.App, Roles.Editor);
        await editor.Client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, "/api/manage/v1/media?page=50000000");
        await editor.Client.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Get, "/api/manage/v1/media?kind=1");
        using var backslash = await fixture.Client.GetAsync("/media/i/ab/0123456789abcdef-r1/..%5C..%5C..%5C..%5Ccms.db", Ct);
        Assert.Equal(HttpStatusCode.NotFound, backslash.StatusCode);
        using var dots = await fixture.Client.GetAsync("/media/i/ab/0123456789abcdef-r1/%2E%2E/%2E%2E/cms.db", Ct);
        Assert.Equal(HttpStatusCode.NotFound, dots.StatusCode);
    }

    public static async Task<JsonElement> ReadyAsync(HttpClient client, int id)
    {
        JsonElement media = default;
        await Eventually.TrueAsync(async () =>
        {
            media = await client.GetOkAsync($"/api/manage/v1/media/{id}");
            return media.GetProperty("status").GetString() == "ready";
        }, TimeSpan.FromSeconds(30));
        return media;
    }

    private static string Url(JsonElement media, string crop) =>
        media.GetProperty("crops").GetProperty(crop).EnumerateArray().Last().GetProperty("url").GetString()!;

    private async Task<SKColor> CropPixelAsync(JsonElement media, string crop) =>
        TestImages.PixelAt(await fixture.Client.GetByteArrayAsync(Url(media, crop), Ct), 0.5, 0.4);

    private static SKEncodedImageFormat Format(byte[] bytes)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(bytes));
        return codec.EncodedFormat;
    }
}

public sealed class MediaLibrarySqliteTests(SqliteApp app) : MediaLibraryTests(app), IClassFixture<SqliteApp>;

public sealed class MediaLibraryPostgresTests(PostgresApp app) : MediaLibraryTests(app), IClassFixture<PostgresApp>;
