using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Content.Import;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Media;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Tests.Infrastructure;

namespace PatentWeek.Cms.Tests.Site;

/// <summary>
/// The seed's sample promo film: stored in the media library by the upload pipeline, the cover of the sample video
/// item, whose page plays it with its poster and Chinese captions; the file answers ranges (seeking); a second
/// import stores nothing again.
/// </summary>
public abstract class SampleVideoTests(AppFixture fixture)
{
    private const string VideoPage = "/video/sample-promo-video";
    private static readonly HtmlParser Parser = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string SampleFile(string name) => Path.Combine(Repo.Content, "samples", "13", "media", name);

    [Fact]
    public async Task The_video_page_plays_the_sample_film_with_its_poster_and_captions()
    {
        var html = await fixture.Client.GetStringAsync(new Uri(VideoPage, UriKind.Relative), Ct);
        Assert.DoesNotContain("尚未关联视频文件", html, StringComparison.Ordinal);
        var page = await Parser.ParseDocumentAsync(html, Ct);
        var video = page.QuerySelector("figure.film video");
        Assert.NotNull(video);
        var source = video.QuerySelector("source")!;
        Assert.Equal("video/mp4", source.GetAttribute("type"));
        var track = video.QuerySelector("track[kind='captions']");
        Assert.NotNull(track);
        Assert.Equal("zh", track.GetAttribute("srclang"));
        Assert.Equal("中文字幕", track.GetAttribute("label"));

        var bytes = await File.ReadAllBytesAsync(SampleFile("sample-promo.mp4"), Ct);
        using (var film = await fixture.Client.GetAsync(new Uri(source.GetAttribute("src")!, UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, film.StatusCode);
            Assert.Equal("video/mp4", film.Content.Headers.ContentType?.MediaType);
            Assert.Equal(bytes.Length, film.Content.Headers.ContentLength);
            Assert.Equal(bytes, await film.Content.ReadAsByteArrayAsync(Ct));
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri(source.GetAttribute("src")!, UriKind.Relative)))
        {
            request.Headers.Range = new RangeHeaderValue(0, 99);
            using var part = await fixture.Client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
            Assert.Equal(bytes[..100], await part.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal($"bytes 0-99/{bytes.Length}", part.Content.Headers.ContentRange?.ToString());
        }

        using (var captions = await fixture.Client.GetAsync(new Uri(track.GetAttribute("src")!, UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, captions.StatusCode);
            Assert.Equal("text/vtt", captions.Content.Headers.ContentType?.MediaType);
            var text = await captions.Content.ReadAsStringAsync(Ct);
            Assert.StartsWith("WEBVTT", text, StringComparison.Ordinal);
            Assert.Contains("【示例】", text, StringComparison.Ordinal);
        }

        // The poster is the sample's poster image, rendered by the media job; the page shows it once it is.
        string? poster = null;
        await Eventually.TrueAsync(async () =>
        {
            var again = await Parser.ParseDocumentAsync(await fixture.Client.GetStringAsync(new Uri(VideoPage, UriKind.Relative), Ct), Ct);
            poster = again.QuerySelector("figure.film video")?.GetAttribute("poster");
            return poster is not null;
        }, TimeSpan.FromSeconds(30));
        using var image = await fixture.Client.GetAsync(new Uri(poster!, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.StartsWith("image/", image.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sample_media_are_library_assets_linked_to_the_video_and_a_second_import_adds_nothing()
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var film = await db.MediaAssets.AsNoTracking().SingleAsync(m => m.OriginalName == "sample-promo.mp4", Ct);
        Assert.Equal(MediaKind.Video, film.Kind);
        Assert.Equal(640, film.Width);
        Assert.Equal(360, film.Height);
        Assert.InRange(film.DurationSeconds ?? 0, 7.5, 10.5);
        Assert.Equal(new FileInfo(SampleFile("sample-promo.mp4")).Length, film.Size);
        var poster = await db.MediaAssets.AsNoTracking().SingleAsync(m => m.Id == film.PosterId, Ct);
        Assert.Equal(MediaKind.Image, poster.Kind);
        var captions = await db.MediaAssets.AsNoTracking().SingleAsync(m => m.Id == film.CaptionsId, Ct);
        Assert.Equal("text/vtt", captions.ContentType);
        var item = await db.ContentItems.AsNoTracking().SingleAsync(i => i.Slug == "sample-promo-video", Ct);
        Assert.Equal($"/media/{film.Id}", item.Cover);

        var count = await db.MediaAssets.CountAsync(Ct);
        var version = item.Version;
        var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>()
            .ImportAsync(scope.ServiceProvider.GetRequiredService<CmsPaths>().ContentPath, includeSamples: true, asSeed: true, cancellationToken: Ct);
        Assert.Equal(0, report.Created);
        Assert.Equal(0, report.Updated);
        Assert.Equal(count, await db.MediaAssets.CountAsync(Ct));
        Assert.Equal(version, (await db.ContentItems.AsNoTracking().SingleAsync(i => i.Slug == "sample-promo-video", Ct)).Version);
    }

    [Fact]
    public async Task Captions_of_no_video_are_not_public()
    {
        using var missing = await fixture.Client.GetAsync(new Uri("/media/999999/captions.vtt", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}

public sealed class SampleVideoSqliteTests(SqliteApp app) : SampleVideoTests(app), IClassFixture<SqliteApp>;

public sealed class SampleVideoPostgresTests(PostgresApp app) : SampleVideoTests(app), IClassFixture<PostgresApp>;
