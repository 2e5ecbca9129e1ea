using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using PatentWeek.Cms.Media;
using SkiaSharp;

namespace PatentWeek.Cms.Benchmarks;

/// <summary>
/// One 12 MP JPEG through the CMS image pipeline, one operation at a time. Each benchmark runs in a process
/// of its own, whose peak RSS is printed at the end for <see cref="PeakRssColumn"/>.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet's [GlobalCleanup] disposes the pipeline.")]
public class RenderBenchmarks
{
    private Pipeline _pipeline = null!;

    [GlobalSetup]
    public void Setup() => _pipeline = new Pipeline();

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine(PeakRss.Marker + PeakRss.KiloBytes().ToString(CultureInfo.InvariantCulture));
        _pipeline.Dispose();
    }

    /// <summary>The synchronous upload check: header, pixel cap, decode at 1/8 scale.</summary>
    [Benchmark]
    public ImageFacts Inspect() => _pipeline.Images.Inspect(_pipeline.SourcePath);

    /// <summary>
    /// The whole set of an upload into a new folder: 5 widths × WebP + JPEG, 2 card and 2 thumbnail WebP crops,
    /// the WeChat cover (JPEG under 1 MB), 2.35:1 and 1:1 crops and thumb (under 64 KB): 18 files on disk.
    /// </summary>
    [Benchmark]
    public Task<RenditionSet> FullSet() =>
        _pipeline.Images.RenderAsync(_pipeline.SourcePath, _pipeline.NextFolder(), 0.4, 0.45, CancellationToken.None);

    /// <summary>
    /// The environment notes' measurement, redone with SkiaSharp alone on this machine for comparison: reduced-size
    /// decode, a 1280-wide JPEG and a 900×383 cover JPEG, encoded in memory. Not CMS code.
    /// </summary>
    [Benchmark(Baseline = true)]
    public long EnvironmentPair()
    {
        using var codec = SKCodec.Create(_pipeline.SourcePath);
        var size = codec.GetScaledDimensions(1280f / codec.Info.Width);
        if (size.Width < 1280)
            size = codec.Info.Size;
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        if (codec.GetPixels(info, bitmap.GetPixels()) != SKCodecResult.Success)
            throw new InvalidOperationException("The sample JPEG did not decode.");
        using var image = SKImage.FromBitmap(bitmap);

        var coverHeight = size.Width / 2.35f;
        var cover = SKRect.Create(0, (size.Height - coverHeight) / 2, size.Width, coverHeight);
        return EncodeJpeg(image, SKRect.Create(size.Width, size.Height), 1280, 1280 * size.Height / size.Width)
            + EncodeJpeg(image, cover, 900, 383);
    }

    private static long EncodeJpeg(SKImage image, SKRect source, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        surface.Canvas.DrawImage(image, source, SKRect.Create(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell), null);
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, 82);
        return data.Size;
    }
}
