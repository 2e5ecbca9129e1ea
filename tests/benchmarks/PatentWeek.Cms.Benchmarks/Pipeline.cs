using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Media;
using SkiaSharp;

namespace PatentWeek.Cms.Benchmarks;

/// <summary>
/// The image pipeline as the CMS wires it (<see cref="ImageProcessor"/>, <see cref="FolderMediaStore"/>,
/// <see cref="MediaGate"/>) on a throw-away data folder that also holds the generated 12 MP source JPEG.
/// </summary>
internal sealed class Pipeline : IDisposable
{
    private int _folders;

    public Pipeline(int? imageConcurrency = null)
    {
        DataPath = Path.Combine(Path.GetTempPath(), "pw-media-bench-" + Guid.NewGuid().ToString("N")[..12]);
        var media = Options.Create(new MediaOptions { ImageConcurrency = imageConcurrency });
        var host = new HostingEnvironment { ContentRootPath = DataPath, EnvironmentName = "Production", ApplicationName = "PatentWeek.Cms" };
        Store = new FolderMediaStore(new CmsPaths(Options.Create(new CmsOptions { DataPath = DataPath }), host));
        Images = new ImageProcessor(media, Store);
        Gate = new MediaGate(media);
        SourcePath = Path.Combine(DataPath, "source-4000x3000.jpg");
        SampleJpeg.Write(SourcePath, 4000, 3000, seed: 12);
        // Making the sample held a 48 MB bitmap: start the peak from here, so it counts the pipeline only.
        PeakRss.Reset();
    }

    public string DataPath { get; }
    public string SourcePath { get; }
    public FolderMediaStore Store { get; }
    public ImageProcessor Images { get; }
    public MediaGate Gate { get; }

    /// <summary>
    /// A folder never rendered into: <see cref="FolderMediaStore.WriteOnceAsync"/> skips files that exist, so
    /// reusing a folder would measure nothing but decoding.
    /// </summary>
    public string NextFolder() => $"i/bench/{Interlocked.Increment(ref _folders):D6}";

    public void Dispose()
    {
        Gate.Dispose();
        Directory.Delete(DataPath, recursive: true);
    }
}

/// <summary>A photo-like test image, made at run time so no binary is committed.</summary>
internal static class SampleJpeg
{
    /// <summary>
    /// Random translucent shapes (edges and flat areas, like a scene) plus per-pixel noise (like sensor grain),
    /// so the JPEG is about as big and as slow to decode as a camera photo, not a flat image that compresses to nothing.
    /// </summary>
    public static void Write(string path, int width, int height, int seed)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { IsAntialias = true })
        {
            canvas.Clear(new SKColor(120, 130, 140));
            for (var i = 0; i < 600; i++)
            {
                paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(60, 220));
                float x = random.Next(width), y = random.Next(height), size = random.Next(20, width / 4);
                if (i % 2 == 0)
                    canvas.DrawRect(x - size / 2, y - size / 2, size, size * (float)(0.3 + random.NextDouble()), paint);
                else
                    canvas.DrawCircle(x, y, size / 2, paint);
            }
        }

        // Grain of ±16 per channel (alpha untouched), one row of noise at a time: no 48 MB managed buffer
        // left in the heap of the process being measured.
        var rowBytes = bitmap.RowBytes;
        var noise = new byte[rowBytes];
        for (var y = 0; y < height; y++)
        {
            var row = bitmap.GetPixelSpan().Slice(y * rowBytes, rowBytes);
            random.NextBytes(noise);
            for (var i = 0; i < row.Length; i++)
            {
                if (i % 4 != 3)
                    row[i] = (byte)Math.Clamp(row[i] + (noise[i] & 31) - 16, 0, 255);
            }
        }

        using var file = File.Create(path);
        if (!bitmap.Encode(file, SKEncodedImageFormat.Jpeg, 90))
            throw new InvalidOperationException("SkiaSharp could not encode the sample JPEG.");
    }
}
