using PatentWeek.Cms.Data.Media;
using PatentWeek.Cms.Media;
using PatentWeek.Cms.Tests.Media;

namespace PatentWeek.Cms.Tests.Unit;

public sealed class CropMathTests
{
    [Theory]
    [InlineData(2000, 1000, 1.0, 0.5, 0.5, 500, 0, 1500, 1000)]   // centred square
    [InlineData(2000, 1000, 1.0, 0.0, 0.5, 0, 0, 1000, 1000)]     // pushed against the left edge
    [InlineData(2000, 1000, 1.0, 1.0, 0.5, 1000, 0, 2000, 1000)]  // and the right edge
    [InlineData(1000, 2000, 16.0 / 9, 0.5, 0.1, 0, 0, 1000, 562)] // portrait, focal near the top
    [InlineData(1000, 2000, 16.0 / 9, 0.5, 0.9, 0, 1438, 1000, 2000)]
    public void A_crop_is_the_largest_of_its_ratio_around_the_focal_point(
        int width, int height, double ratio, double fx, double fy, int left, int top, int right, int bottom)
    {
        var crop = CropMath.Crop(width, height, ratio, fx, fy);
        Assert.Equal((left, top, right, bottom), (crop.Left, crop.Top, crop.Right, crop.Bottom));
    }

    [Fact]
    public void WeChat_crop_strings_are_normalised_with_at_most_six_decimals()
    {
        var crop = CropMath.Crop(3000, 2000, 2.35, 0.5, 0.5);
        // 3000 / 2.35 = 1277 px high, 362 px from the top: whole pixels, then normalised.
        Assert.Equal("0_0.181_1_0.8195", CropMath.ToWeChat(crop, 3000, 2000));
        Assert.Equal("0.333333_0_0.666667_1", CropMath.ToWeChat(new SkiaSharp.SKRectI(1, 0, 2, 3), 3, 3));
        Assert.Equal("0_0_1_1", CropMath.ToWeChat(new SkiaSharp.SKRectI(0, 0, 7, 3), 7, 3));
    }
}

public sealed class FileSnifferTests
{
    [Theory]
    [InlineData("jpeg", MediaKind.Image, "image/jpeg")]
    [InlineData("png", MediaKind.Image, "image/png")]
    [InlineData("gif", MediaKind.Image, "image/gif")]
    [InlineData("pdf", MediaKind.Document, "application/pdf")]
    public void Types_come_from_the_leading_bytes(string sample, MediaKind kind, string contentType)
    {
        byte[] bytes = sample switch
        {
            "jpeg" => TestImages.Jpeg(8, 8),
            "png" => TestImages.Png(8, 8),
            "gif" => TestImages.AnimatedGif(1),
            _ => TestImages.Pdf(),
        };
        var type = FileSniffer.Sniff(bytes.AsSpan(0, FileSniffer.HeaderLength));
        Assert.Equal((kind, contentType), (type!.Kind, type.ContentType));
    }

    [Fact]
    public void Markup_and_unknown_bytes_are_nothing()
    {
        Assert.Null(FileSniffer.Sniff(TestImages.HtmlPage.AsSpan(0, 16)));
        Assert.Null(FileSniffer.Sniff(TestImages.Svg.AsSpan(0, 16)));
        Assert.Null(FileSniffer.Sniff("\u00EF\u00BB\u00BF<?xml version"u8));
        Assert.Null(FileSniffer.Sniff([]));
        // A QuickTime movie is an ISO file too, but not an MP4 brand browsers promise to play.
        Assert.Null(FileSniffer.Sniff([0, 0, 0, 20, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'q', (byte)'t', (byte)' ', (byte)' ']));
    }
}

public sealed class MediaNamesTests
{
    [Theory]
    [InlineData("武汉市 宣传周方案.PDF", ".pdf", "武汉市 宣传周方案.pdf")]
    [InlineData("photo.jpeg.html", ".jpg", "photo.jpeg.jpg")]
    [InlineData("a<b>:c?.png", ".png", "a_b__c_.png")]
    [InlineData("   ", ".jpg", "file.jpg")]
    [InlineData(null, ".jpg", "file.jpg")]
    [InlineData("Q3..final.pdf", ".pdf", "Q3..final.pdf")]
    public void Names_are_cleaned_and_take_the_proven_extension(string? name, string extension, string expected) =>
        Assert.Equal(expected, MediaNames.Sanitise(name, extension));

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..\\boot.ini")]
    [InlineData("dir/file.jpg")]
    [InlineData("bell\u0007.jpg")]
    [InlineData("line\nbreak.jpg")]
    [InlineData("..")]
    [InlineData("invoice\u202Egpj.exe")]
    public void Paths_and_control_characters_are_refused(string name) =>
        Assert.Throws<MediaRejectedException>(() => MediaNames.Sanitise(name, ".jpg"));
}

public sealed class VideoInspectorTests
{
    [Fact]
    public void A_movie_box_gives_duration_and_size()
    {
        var path = Write(Mp4(durationUnits: 90_000, timescale: 30_000, width: 1280, height: 720, withMedia: true));
        try
        {
            var facts = VideoInspector.Inspect(path);
            Assert.Equal((3.0, 1280, 720), (facts.DurationSeconds, facts.Width!.Value, facts.Height!.Value));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_cut_off_or_hollow_file_is_refused()
    {
        var whole = Mp4(90_000, 30_000, 640, 360, withMedia: true);
        foreach (var bytes in new[] { whole[..(whole.Length - 10)], Mp4(90_000, 30_000, 640, 360, withMedia: false) })
        {
            var path = Write(bytes);
            try
            {
                Assert.Throws<MediaRejectedException>(() => VideoInspector.Inspect(path));
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    [Fact]
    public void A_movie_header_too_short_to_hold_a_duration_is_refused_not_a_crash()
    {
        var whole = Mp4(90_000, 30_000, 640, 360, withMedia: true);
        // ftyp (32 bytes) + moov header (8) + an mvhd box that is only its own 8-byte header.
        byte[] hollow = [.. whole[..32], 0, 0, 0, 16, (byte)'m', (byte)'o', (byte)'o', (byte)'v', 0, 0, 0, 8, (byte)'m', (byte)'v', (byte)'h', (byte)'d', 0, 0, 0, 8, (byte)'m', (byte)'d', (byte)'a', (byte)'t'];
        var path = Write(hollow);
        try
        {
            Assert.Throws<MediaRejectedException>(() => VideoInspector.Inspect(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Write(byte[] bytes)
    {
        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>ftyp + moov(mvhd v0, trak(tkhd v0)) + mdat: the boxes the inspector reads, laid out by the ISO spec.</summary>
    private static byte[] Mp4(uint durationUnits, uint timescale, int width, int height, bool withMedia)
    {
        static byte[] Box(string type, params byte[][] parts)
        {
            var body = parts.SelectMany(p => p).ToArray();
            var size = BitConverter.GetBytes(body.Length + 8);
            Array.Reverse(size);
            return [.. size, .. System.Text.Encoding.ASCII.GetBytes(type), .. body];
        }

        static byte[] U32(uint v)
        {
            var b = BitConverter.GetBytes(v);
            Array.Reverse(b);
            return b;
        }

        var ftyp = Box("ftyp", "isom"u8.ToArray(), U32(512), "isomiso2avc1mp41"u8.ToArray());
        var mvhd = Box("mvhd", [0, 0, 0, 0], U32(0), U32(0), U32(timescale), U32(durationUnits), new byte[80]);
        var tkhd = Box("tkhd", [0, 0, 0, 3], new byte[72], U32((uint)width << 16), U32((uint)height << 16));
        var moov = Box("moov", mvhd, Box("trak", tkhd));
        var mdat = withMedia ? Box("mdat", new byte[64]) : [];
        return [.. ftyp, .. moov, .. mdat];
    }
}
